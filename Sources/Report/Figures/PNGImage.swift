import Foundation

/// A tiny PNG writer for heatmaps: one pixel per matrix cell, stored (not compressed)
/// deflate blocks, 8-bit RGB or 8-bit indexed colour. A 25×25 indexed map is about 1 KB —
/// far smaller than one SVG rectangle per cell — and the bytes are the same everywhere.
enum PNGImage {
    /// The PNG of `width × height` pixels, `rgb` row-major with 3 bytes per pixel.
    static func encode(width: Int, height: Int, rgb: [UInt8]) -> [UInt8] {
        image(width: width, height: height, bytesPerPixel: 3, pixels: rgb, colorType: 2, palette: nil)
    }

    /// The PNG of `width × height` pixels given as indices into `palette` (3 bytes per colour).
    static func encode(width: Int, height: Int, indices: [UInt8], palette: [UInt8]) -> [UInt8] {
        image(width: width, height: height, bytesPerPixel: 1, pixels: indices, colorType: 3, palette: palette)
    }

    /// A `data:` URI for a PNG.
    static func dataURI(_ png: [UInt8]) -> String {
        "data:image/png;base64," + Data(png).base64EncodedString()
    }

    private static func image(
        width: Int, height: Int, bytesPerPixel: Int, pixels: [UInt8], colorType: UInt8, palette: [UInt8]?
    ) -> [UInt8] {
        let stride = bytesPerPixel * width
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (stride + 1))
        for row in 0..<height {
            raw.append(0)  // filter: none
            raw += pixels[(row * stride)..<((row + 1) * stride)]
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, colorType, 0, 0, 0])
        if let palette { png += chunk("PLTE", palette) }
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return png
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    /// zlib (RFC 1950) around stored deflate blocks (RFC 1951 §3.2.4).
    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final: UInt8 = offset + length == data.count ? 1 : 0
            out += [
                final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF),
            ]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        return out + bigEndian(adler32(data))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(UInt32.max) { c, byte in crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}

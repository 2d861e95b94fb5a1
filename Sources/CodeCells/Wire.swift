import Numerics

/// The binary messages derive and a code-cell process exchange (docs/code-cells.md):
/// a message is a 4-byte little-endian length N and N bytes — a one-byte tag, then its
/// fields. Integers are little-endian; a string is a u32 byte count and UTF-8; an array is
/// its name, its order (`C` row-major or `F` column-major), its number of axes (0…3), each
/// axis's length (u64) and the entries as IEEE-754 float64, little-endian, in that order.
enum Wire {
    /// Tags of the messages.
    enum Tag: UInt8 {
        /// derive → process: a cell's code and names.
        case cell = 0x43  // "C"
        /// derive → process: run a cell with these inputs.
        case run = 0x52  // "R"
        /// process → derive: ready, with the interpreter's versions.
        case hello = 0x48  // "H"
        /// process → derive: a run's outputs.
        case outputs = 0x4F  // "O"
        /// process → derive: a cell that could not be read or run.
        case error = 0x45  // "E"
    }

    /// An array on the wire: its name, shape (0…3 axes) and entries in `order`.
    struct Array: Equatable {
        var name: String
        var shape: [Int]
        /// `C` (row-major: the last axis varies fastest) or `F` (column-major: the first does).
        var columnMajor: Bool
        var elements: [Double]

        /// A gp value as derive sends it: a scalar as 0 axes, a vector (n×1) as 1, a matrix as
        /// 2, column-major.
        init(name: String, matrix: Matrix) {
            self.name = name
            if matrix.isScalar {
                shape = []
            } else if matrix.columns == 1 {
                shape = [matrix.rows]
            } else {
                shape = [matrix.rows, matrix.columns]
            }
            columnMajor = true
            elements = matrix.elements
        }

        init(name: String, shape: [Int], columnMajor: Bool, elements: [Double]) {
            self.name = name
            self.shape = shape
            self.columnMajor = columnMajor
            self.elements = elements
        }

        /// Entry (i, j, k) (0-based; missing axes 0) in the array's order.
        func entry(_ index: [Int]) -> Double {
            var offset = 0
            if columnMajor {
                var stride = 1
                for (axis, length) in shape.enumerated() {
                    offset += index[axis] * stride
                    stride *= length
                }
            } else {
                for (axis, length) in shape.enumerated() { offset = offset * length + index[axis] }
            }
            return elements[offset]
        }

        /// A 0-, 1- or 2-axis array as a matrix: a scalar, an n×1 vector, an n×m matrix.
        var matrix: Matrix? {
            switch shape.count {
            case 0: return Matrix(scalar: elements[0])
            case 1: return Matrix(column: elements)
            case 2:
                return Matrix(rows: shape[0], columns: shape[1]) { i, j in entry([i, j]) }
            default: return nil
            }
        }

        /// A 3-axis array n×m×p as p matrices n×m, indexed by the last axis.
        var slices: [Matrix]? {
            guard shape.count == 3 else { return nil }
            return (0..<shape[2]).map { k in Matrix(rows: shape[0], columns: shape[1]) { i, j in entry([i, j, k]) } }
        }
    }

    /// Builds a message.
    struct Writer {
        var bytes: [UInt8]

        init(_ tag: Tag) { bytes = [tag.rawValue] }

        mutating func u32(_ value: Int) {
            let v = UInt32(truncatingIfNeeded: value)
            for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) }
        }

        mutating func u64(_ value: UInt64) {
            for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) }
        }

        mutating func string(_ text: String) {
            u32(text.utf8.count)
            bytes += text.utf8
        }

        mutating func array(_ array: Array) {
            string(array.name)
            bytes.append(array.columnMajor ? 0x46 : 0x43)
            bytes.append(UInt8(array.shape.count))
            for length in array.shape { u64(UInt64(length)) }
            bytes.reserveCapacity(bytes.count + 8 * array.elements.count)
            for value in array.elements { u64(value.bitPattern) }
        }

        /// The message with its length in front.
        var framed: [UInt8] {
            var out: [UInt8] = []
            let n = UInt32(bytes.count)
            for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: n >> (8 * UInt32(k)))) }
            return out + bytes
        }
    }

    /// Why a message could not be read: the process sent something that is not the protocol.
    struct Garbage: Error {
        var message: String
    }

    /// Reads the fields of a message body, checking every length against what is left.
    struct Reader {
        private let bytes: [UInt8]
        private var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { position == bytes.count }

        mutating func tag() throws(Garbage) -> Tag {
            let raw = try u8()
            guard let tag = Tag(rawValue: raw) else { throw Garbage(message: "an unknown message (tag \(raw))") }
            return tag
        }

        mutating func u8() throws(Garbage) -> UInt8 {
            guard position < bytes.count else { throw Garbage(message: "a message cut short") }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func u32() throws(Garbage) -> Int {
            guard bytes.count - position >= 4 else { throw Garbage(message: "a message cut short") }
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(bytes[position + k]) << (8 * UInt32(k)) }
            position += 4
            return Int(v)
        }

        mutating func u64() throws(Garbage) -> UInt64 {
            guard bytes.count - position >= 8 else { throw Garbage(message: "a message cut short") }
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
            position += 8
            return v
        }

        mutating func string() throws(Garbage) -> String {
            let count = try u32()
            guard count <= bytes.count - position else { throw Garbage(message: "a string longer than its message") }
            defer { position += count }
            return String(decoding: bytes[position..<position + count], as: UTF8.self)
        }

        mutating func array() throws(Garbage) -> Array {
            let name = try string()
            let order = try u8()
            guard order == 0x43 || order == 0x46 else { throw Garbage(message: "an array order other than C or F") }
            let axes = Int(try u8())
            guard axes <= 3 else { throw Garbage(message: "an array with \(axes) axes") }
            var shape: [Int] = []
            var count = 1
            for _ in 0..<axes {
                let length = try u64()
                guard length <= UInt64(bytes.count) else { throw Garbage(message: "an array longer than its message") }
                shape.append(Int(length))
                let (product, overflow) = count.multipliedReportingOverflow(by: Int(length))
                guard !overflow, product <= (bytes.count - position) / 8 else {
                    throw Garbage(message: "an array longer than its message")
                }
                count = product
            }
            guard count * 8 <= bytes.count - position else {
                throw Garbage(message: "an array longer than its message")
            }
            var elements: [Double] = []
            elements.reserveCapacity(count)
            for _ in 0..<count { elements.append(Double(bitPattern: try u64())) }
            return Array(name: name, shape: shape, columnMajor: order == 0x46, elements: elements)
        }
    }
}

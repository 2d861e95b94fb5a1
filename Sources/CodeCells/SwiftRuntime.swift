/// The Swift source every notebook's Swift cells are compiled with: a matrix type with the
/// gp language's conventions (1-based subscripts, column-major storage, a vector is n×1) and
/// the protocol of `Wire` on file descriptors 3 and 4. Embedded in derive, so an installed
/// derive needs only `swiftc`.
enum SwiftRuntime {
    static let source = #"""
        #if canImport(Glibc)
        import Glibc
        #elseif canImport(Darwin)
        import Darwin
        #endif

        /// A dense matrix of Double, column-major, with 1-based subscripts as in derive's gp blocks:
        /// `A[i, j]` is row i, column j; a vector (n×1) is also indexed `v[i]`.
        public struct Matrix: CustomStringConvertible {
            public var rows: Int
            public var columns: Int
            public var elements: [Double]

            public init(rows: Int, columns: Int, repeating value: Double = 0) {
                self.rows = rows
                self.columns = columns
                elements = [Double](repeating: value, count: rows * columns)
            }

            public init(rows: Int, columns: Int, elements: [Double]) {
                precondition(elements.count == rows * columns, "\(elements.count) elements for \(rows)×\(columns)")
                self.rows = rows
                self.columns = columns
                self.elements = elements
            }

            /// A column vector.
            public init(column: [Double]) { self.init(rows: column.count, columns: 1, elements: column) }

            /// A 1×1 matrix.
            public init(scalar: Double) { self.init(rows: 1, columns: 1, elements: [scalar]) }

            /// An n×m matrix whose entry (i, j), 1-based, is `entry(i, j)`.
            public init(rows: Int, columns: Int, entry: (Int, Int) -> Double) {
                self.init(rows: rows, columns: columns)
                for j in 1...max(columns, 1) where j <= columns {
                    for i in 1...max(rows, 1) where i <= rows { self[i, j] = entry(i, j) }
                }
            }

            public subscript(i: Int, j: Int) -> Double {
                get {
                    check(i, j)
                    return elements[(i - 1) + (j - 1) * rows]
                }
                set {
                    check(i, j)
                    elements[(i - 1) + (j - 1) * rows] = newValue
                }
            }

            /// Entry i of a vector (or of the matrix, column by column).
            public subscript(i: Int) -> Double {
                get {
                    precondition(i >= 1 && i <= elements.count, "index \(i) is out of range 1…\(elements.count) (indices start at 1)")
                    return elements[i - 1]
                }
                set {
                    precondition(i >= 1 && i <= elements.count, "index \(i) is out of range 1…\(elements.count) (indices start at 1)")
                    elements[i - 1] = newValue
                }
            }

            private func check(_ i: Int, _ j: Int) {
                precondition(i >= 1 && i <= rows && j >= 1 && j <= columns,
                    "entry [\(i), \(j)] is out of range of a \(rows)×\(columns) matrix (indices start at 1)")
            }

            /// The value of a 1×1 matrix.
            public var scalar: Double {
                precondition(elements.count == 1, "a \(rows)×\(columns) matrix is not a scalar")
                return elements[0]
            }

            /// The number of entries.
            public var count: Int { elements.count }

            public var description: String { "\(rows)×\(columns) \(elements)" }

            /// Entry by entry, for matrices of one shape.
            public static func + (a: Matrix, b: Matrix) -> Matrix { a.combined(b, +) }
            public static func - (a: Matrix, b: Matrix) -> Matrix { a.combined(b, -) }
            /// A scalar times a matrix.
            public static func * (c: Double, m: Matrix) -> Matrix {
                Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map { c * $0 })
            }

            private func combined(_ other: Matrix, _ f: (Double, Double) -> Double) -> Matrix {
                precondition(rows == other.rows && columns == other.columns,
                    "\(rows)×\(columns) and \(other.rows)×\(other.columns) are not of one shape")
                return Matrix(rows: rows, columns: columns, elements: zip(elements, other.elements).map(f))
            }
        }

        /// What a cell defines: a value or a family.
        public enum __DeriveOutput {
            case value(Matrix)
            case family([Matrix])
        }

        public func __deriveOutput(_ x: Matrix) -> __DeriveOutput { .value(x) }
        public func __deriveOutput(_ x: Double) -> __DeriveOutput { .value(Matrix(scalar: x)) }
        public func __deriveOutput(_ x: Int) -> __DeriveOutput { .value(Matrix(scalar: Double(x))) }
        public func __deriveOutput(_ x: [Double]) -> __DeriveOutput { .value(Matrix(column: x)) }
        public func __deriveOutput(_ x: [Matrix]) -> __DeriveOutput { .family(x) }

        enum __DeriveIO {
            static var input = [UInt8]()

            static func readExact(_ n: Int) -> [UInt8] {
                var out = [UInt8](repeating: 0, count: n)
                var got = 0
                while got < n {
                    let r = out[got...].withUnsafeMutableBytes { read(3, $0.baseAddress, $0.count) }
                    if r <= 0 { exit(0) }
                    got += r
                }
                return out
            }

            static func send(_ body: [UInt8]) {
                var data = u32(body.count) + body
                var sent = 0
                while sent < data.count {
                    let w = data[sent...].withUnsafeMutableBytes { write(4, $0.baseAddress, $0.count) }
                    if w <= 0 { exit(0) }
                    sent += w
                }
                data.removeAll()
            }

            static func u32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: UInt32(v) >> (8 * UInt32($0))) } }
            static func u64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
            static func string(_ s: String) -> [UInt8] { u32(s.utf8.count) + Array(s.utf8) }

            static func array(_ name: String, _ m: Matrix, axes: [Int]) -> [UInt8] {
                var out = string(name) + [0x46, UInt8(axes.count)]
                for n in axes { out += u64(UInt64(n)) }
                out.reserveCapacity(out.count + 8 * m.elements.count)
                for x in m.elements { out += u64(x.bitPattern) }
                return out
            }

            struct Body {
                var bytes: [UInt8]
                var at = 0
                mutating func u8() -> UInt8 { at += 1; return bytes[at - 1] }
                mutating func u32() -> Int { var v = 0; for k in 0..<4 { v |= Int(bytes[at + k]) << (8 * k) }; at += 4; return v }
                mutating func u64() -> UInt64 { var v: UInt64 = 0; for k in 0..<8 { v |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }; at += 8; return v }
                mutating func string() -> String { let n = u32(); defer { at += n }; return String(decoding: bytes[at..<at + n], as: UTF8.self) }
                mutating func matrix() -> (String, Matrix) {
                    let name = string()
                    let order = u8()
                    let axes = (0..<Int(u8())).map { _ in Int(u64()) }
                    let count = axes.reduce(1, *)
                    let values = (0..<count).map { _ in Double(bitPattern: u64()) }
                    let rows = axes.count > 0 ? axes[0] : 1
                    let columns = axes.count > 1 ? axes[1] : 1
                    if order == 0x46 || axes.count < 2 { return (name, Matrix(rows: rows, columns: columns, elements: values)) }
                    return (name, Matrix(rows: rows, columns: columns) { i, j in values[(i - 1) * columns + (j - 1)] })
                }
            }

            /// Runs `body` with stdout going to a temporary file; returns what it printed (capped).
            static func capturing(_ limit: Int, _ body: () -> [String: __DeriveOutput]) -> ([String: __DeriveOutput], String) {
                fflush(stdout)
                let saved = dup(1)
                guard let file = tmpfile() else { return (body(), "") }
                dup2(fileno(file), 1)
                let result = body()
                fflush(stdout)
                dup2(saved, 1)
                close(saved)
                var text = [UInt8]()
                rewind(file)
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = fread(&buffer, 1, buffer.count, file)
                    if n <= 0 { break }
                    text += buffer[0..<n]
                }
                fclose(file)
                let kept = String(decoding: text.prefix(limit), as: UTF8.self)
                return (result, text.count > limit ? kept + "\n[… \(text.count - limit) more bytes not kept]" : kept)
            }
        }

        func __deriveMain(version: String, cells: [Int: ([String: Matrix]) -> [String: __DeriveOutput]]) -> Never {
            let limit = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 65536 : 65536
            __DeriveIO.send([0x48] + __DeriveIO.string(version))
            while true {
                var header = __DeriveIO.Body(bytes: __DeriveIO.readExact(4))
                var body = __DeriveIO.Body(bytes: __DeriveIO.readExact(header.u32()))
                switch body.u8() {
                case 0x43:
                    let cell = body.u32()
                    guard cells[cell] != nil else { exit(3) }
                    __DeriveIO.send([0x4F] + __DeriveIO.u32(0) + __DeriveIO.string("") + __DeriveIO.u32(0) + __DeriveIO.string(version))
                case 0x52:
                    let cell = body.u32()
                    var inputs: [String: Matrix] = [:]
                    for _ in 0..<body.u32() {
                        let (name, value) = body.matrix()
                        inputs[name] = value
                    }
                    guard let run = cells[cell] else { exit(3) }
                    let (outputs, printed) = __DeriveIO.capturing(limit) { run(inputs) }
                    var reply: [UInt8] = [0x4F] + __DeriveIO.u32(outputs.count)
                    for (name, output) in outputs.sorted(by: { $0.key < $1.key }) {
                        switch output {
                        case .value(let m):
                            reply += __DeriveIO.array(name, m, axes: m.columns == 1 ? (m.rows == 1 ? [] : [m.rows]) : [m.rows, m.columns])
                        case .family(let members):
                            let first = members.first ?? Matrix(rows: 0, columns: 0)
                            precondition(members.allSatisfy { $0.rows == first.rows && $0.columns == first.columns },
                                "the members of family '\(name)' differ in shape")
                            let all = Matrix(rows: first.rows * first.columns, columns: members.count, elements: members.flatMap(\.elements))
                            reply += __DeriveIO.array(name, all, axes: [first.rows, first.columns, members.count])
                        }
                    }
                    reply += __DeriveIO.string(printed) + __DeriveIO.u32(0) + __DeriveIO.string(version)
                    __DeriveIO.send(reply)
                default:
                    exit(2)
                }
            }
        }
        """#
}

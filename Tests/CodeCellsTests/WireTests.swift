import Numerics
import Testing

@testable import CodeCells

/// The protocol's arrays: shapes, both orders, and garbage refused.
@Suite struct WireTests {
    @Test func aMatrixGoesOutColumnMajorAndComesBackFromEitherOrder() throws {
        let x = Matrix([[1, 2, 3], [4, 5, 6]])  // 2×3, not symmetric
        var writer = Wire.Writer(.outputs)
        writer.array(Wire.Array(name: "X", matrix: x))
        writer.array(Wire.Array(name: "R", shape: [2, 3], columnMajor: false, elements: [1, 2, 3, 4, 5, 6]))
        writer.array(Wire.Array(name: "v", matrix: Matrix(column: [7, 8])))
        writer.array(Wire.Array(name: "s", matrix: Matrix(scalar: 9)))
        var reader = Wire.Reader(writer.bytes)
        #expect(try reader.tag() == .outputs)
        let column = try reader.array()
        #expect(column.columnMajor && column.shape == [2, 3] && column.elements == [1, 4, 2, 5, 3, 6])
        #expect(column.matrix == x)
        #expect(try reader.array().matrix == x)  // row-major on the wire, the same matrix
        #expect(try reader.array().shape == [2])
        #expect(try reader.array().shape == [])
        #expect(reader.isAtEnd)
    }

    @Test func aThreeAxisArrayIsSlicedByItsLastAxisInEitherOrder() {
        // a[i, j, k] = 100i + 10j + k, 2×3×4, written both ways.
        var rowMajor: [Double] = []
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { rowMajor.append(Double(100 * i + 10 * j + k)) } } }
        var columnMajor: [Double] = []
        for k in 0..<4 { for j in 0..<3 { for i in 0..<2 { columnMajor.append(Double(100 * i + 10 * j + k)) } } }
        let expected = Matrix([[2, 12, 22], [102, 112, 122]])
        #expect(Wire.Array(name: "G", shape: [2, 3, 4], columnMajor: false, elements: rowMajor).slices?[2] == expected)
        #expect(
            Wire.Array(name: "G", shape: [2, 3, 4], columnMajor: true, elements: columnMajor).slices?[2] == expected)
    }

    @Test func garbageIsRefusedNotTrusted() {
        var writer = Wire.Writer(.outputs)
        writer.string("X")
        writer.bytes.append(0x43)
        writer.bytes.append(2)
        writer.u64(1 << 40)  // far more entries than the message holds
        writer.u64(1 << 40)
        var reader = Wire.Reader(writer.bytes)
        _ = try? reader.tag()
        #expect(throws: Wire.Garbage.self) { try reader.array() }
        var unknown = Wire.Reader([0x5A])
        #expect(throws: Wire.Garbage.self) { try unknown.tag() }
    }
}

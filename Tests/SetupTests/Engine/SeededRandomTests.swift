import Foundation
import Numerics
import Testing

@testable import Setup

/// derive's random numbers against bit patterns written by
/// `Fixtures/random/make_random_fixture.py`, an independent implementation of the
/// documented algorithm: the same bits on every platform.
@Suite struct SeededRandomTests {
    struct Fixture: Decodable {
        struct Stream: Decodable {
            let seed: UInt64
            let count: Int
            let bits: [String]
        }
        struct SplitMix: Decodable {
            let seed: UInt64
            let outputs: [String]
        }
        struct Log: Decodable {
            let x: String
            let bits: String
        }
        let splitmix64: SplitMix
        let randn: [Stream]
        let rand: [Stream]
        let log: [Log]
    }

    let fixture: Fixture = {
        let url = golden.fixtures.appendingPathComponent("random/random.json")
        // The fixture is committed; a missing one fails every test below.
        let data = (try? Data(contentsOf: url)) ?? Data("{}".utf8)
        return (try? JSONDecoder().decode(Fixture.self, from: data))
            ?? Fixture(splitmix64: .init(seed: 0, outputs: ["missing"]), randn: [], rand: [], log: [])
    }()

    func bits(_ hex: String) -> UInt64 { UInt64(hex, radix: 16) ?? 0 }

    @Test func splitMix64MatchesItsReferenceOutputs() {
        var generator = SeededRandom(seed: fixture.splitmix64.seed)
        let outputs = fixture.splitmix64.outputs.map { _ in String(generator.next()) }
        #expect(outputs == fixture.splitmix64.outputs)
    }

    @Test func randnHasTheDocumentedBits() throws {
        #expect(fixture.randn.count == 3)
        for stream in fixture.randn {
            let m = try matrix("let r = randn(\(stream.count), seed: \(stream.seed))")
            #expect(m.elements.map(\.bitPattern) == stream.bits.map(bits), "seed \(stream.seed)")
        }
    }

    @Test func randHasTheDocumentedBits() throws {
        #expect(fixture.rand.count == 2)
        for stream in fixture.rand {
            let m = try matrix("let r = rand(\(stream.count), seed: \(stream.seed))")
            #expect(m.elements.map(\.bitPattern) == stream.bits.map(bits), "seed \(stream.seed)")
        }
    }

    @Test func thePortableLogarithmHasTheDocumentedBitsAndIsAccurate() {
        #expect(fixture.log.count == 6)
        for entry in fixture.log {
            let x = Double(bitPattern: bits(entry.x))
            #expect(SeededRandom.portableLog(x).bitPattern == bits(entry.bits), "ln \(x)")
            #expect(close(SeededRandom.portableLog(x), Foundation.log(x)))
        }
    }

    @Test func matricesAreFilledColumnByColumnFromOneStream() throws {
        let column = try matrix("let r = randn(6, seed: 7)")
        let table = try matrix("let r = randn(3, 2, seed: 7)")
        #expect(table.elements == column.elements)
        #expect(table.rows == 3 && table.columns == 2)
    }

    @Test func uniformsLieStrictlyBetweenZeroAndOne() throws {
        let m = try matrix("let r = rand(2000, seed: 3)")
        #expect(m.elements.allSatisfy { $0 > 0 && $0 < 1 })
    }
}

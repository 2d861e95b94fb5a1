import Foundation
import Testing

@testable import Numerics

/// The JSON files under `Fixtures/`, written by `Fixtures/make_fixtures.py` from scikit-learn.
enum Fixtures {
    /// The folder beside this file.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Decodes `name` from the fixtures folder.
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// A kernel as scikit-learn's fixture generator writes it: a tree of types and parameters.
indirect enum KernelSpec: Decodable, Sendable {
    case rbf([Double])
    case matern([Double], Double)
    case rationalQuadratic(lengthScale: Double, alpha: Double)
    case expSineSquared(lengthScale: Double, periodicity: Double)
    case dotProduct(Double)
    case constant(Double)
    case white(Double)
    case sum(KernelSpec, KernelSpec)
    case product(KernelSpec, KernelSpec)
    case exponentiation(KernelSpec, Double)

    private enum Key: String, CodingKey {
        case type, k1, k2, kernel, exponent, nu, alpha, periodicity
        case lengthScale = "length_scale"
        case sigma0 = "sigma_0"
        case constantValue = "constant_value"
        case noiseLevel = "noise_level"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .type) {
        case "RBF": self = .rbf(try c.decode([Double].self, forKey: .lengthScale))
        case "Matern":
            self = .matern(try c.decode([Double].self, forKey: .lengthScale), try c.decode(Double.self, forKey: .nu))
        case "RationalQuadratic":
            self = .rationalQuadratic(
                lengthScale: try c.decode(Double.self, forKey: .lengthScale),
                alpha: try c.decode(Double.self, forKey: .alpha))
        case "ExpSineSquared":
            self = .expSineSquared(
                lengthScale: try c.decode(Double.self, forKey: .lengthScale),
                periodicity: try c.decode(Double.self, forKey: .periodicity))
        case "DotProduct": self = .dotProduct(try c.decode(Double.self, forKey: .sigma0))
        case "ConstantKernel": self = .constant(try c.decode(Double.self, forKey: .constantValue))
        case "WhiteKernel": self = .white(try c.decode(Double.self, forKey: .noiseLevel))
        case "Sum": self = .sum(try c.decode(KernelSpec.self, forKey: .k1), try c.decode(KernelSpec.self, forKey: .k2))
        case "Product":
            self = .product(try c.decode(KernelSpec.self, forKey: .k1), try c.decode(KernelSpec.self, forKey: .k2))
        case "Exponentiation":
            self = .exponentiation(
                try c.decode(KernelSpec.self, forKey: .kernel), try c.decode(Double.self, forKey: .exponent))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown kernel \(other)")
        }
    }

    /// The derive kernel this tree describes.
    var kernel: any Kernel {
        switch self {
        case .rbf(let l): RBF(lengthScale: l)
        case .matern(let l, let nu):
            Matern(
                lengthScale: l, nu: nu == 0.5 ? .half : nu == 1.5 ? .threeHalves : nu == 2.5 ? .fiveHalves : .infinity)
        case .rationalQuadratic(let l, let a): RationalQuadratic(lengthScale: l, alpha: a)
        case .expSineSquared(let l, let p): ExpSineSquared(lengthScale: l, periodicity: p)
        case .dotProduct(let s): DotProduct(sigma0: s)
        case .constant(let c): ConstantKernel(c)
        case .white(let s): WhiteKernel(noiseLevel: s)
        case .sum(let a, let b): Sum(a.kernel, b.kernel)
        case .product(let a, let b): Product(a.kernel, b.kernel)
        case .exponentiation(let a, let e): Exponentiation(a.kernel, exponent: e)
        }
    }
}

/// `sklearn_kernels.json`.
struct KernelFixture: Decodable {
    struct Case: Decodable {
        let name: String
        let kernel: KernelSpec
        let free: [Bool]
        let theta: [Double]
        let K: [[Double]]
        let K_XY: [[Double]]
        let gradient: [[[Double]]]
    }
    let sklearn: String
    let X: [[Double]]
    let Y: [[Double]]
    let cases: [Case]
}

/// `sklearn_gpr.json`.
struct GPRFixture: Decodable {
    struct Case: Decodable {
        let label: String
        let name: String
        let kernel: KernelSpec
        let free: [Bool]
        let theta: [Double]
        let lml: Double?
        let gradient: [Double]?
    }
    struct Anisotropic: Decodable {
        let X: [[Double]]
        let y: [Double]
        let `case`: Case
    }
    let X: [[Double]]
    let y: [Double]
    let cases: [Case]
    let grid: [Case]
    let anisotropic: Anisotropic
}

extension Array {
    /// The entries whose flag is set (scikit-learn's free hyperparameters among all of them).
    func selecting(_ flags: [Bool]) -> [Element] {
        zip(self, flags).filter(\.1).map(\.0)
    }
}

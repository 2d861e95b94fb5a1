/// What an operator does with operands whose shapes differ, and with arguments outside a
/// function's domain: the whole difference between the setup language's arithmetic and a
/// checked equation's. Everything else about an operator is one implementation,
/// `Arithmetic`.
public struct ShapePolicy: Sendable, Hashable {
    /// A scalar on one side of `+`, `−` or an elementwise operator is spread over every entry
    /// of the other side (MATLAB's `K + s`). Otherwise the shapes must be equal.
    public var broadcastsScalars: Bool
    /// `/` divides by a square matrix (MATLAB's right division, `A / B = A B⁻¹`). Otherwise
    /// only by a scalar: in TeX, `A / B` of matrices does not say on which side B⁻¹ goes.
    public var dividesByMatrices: Bool
    /// `log` of a value that is not positive and `sqrt` of a negative one give NaN (which the
    /// setup language reports as a warning where it first appears). Otherwise they are errors.
    public var allowsNaN: Bool

    /// A policy as given.
    public init(broadcastsScalars: Bool, dividesByMatrices: Bool, allowsNaN: Bool) {
        self.broadcastsScalars = broadcastsScalars
        self.dividesByMatrices = dividesByMatrices
        self.allowsNaN = allowsNaN
    }

    /// MATLAB's rules, which gp blocks follow.
    public static let setupLanguage = ShapePolicy(broadcastsScalars: true, dividesByMatrices: true, allowsNaN: true)

    /// A checked equation's: no implicit broadcast (`K + s` is a shape error whose help says
    /// `s I`), division by scalars only, and no NaN.
    public static let checkedEquation = ShapePolicy(
        broadcastsScalars: false, dividesByMatrices: false, allowsNaN: false)
}

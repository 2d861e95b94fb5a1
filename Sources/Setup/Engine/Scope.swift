import Numerics

/// Where names get their values: the notebook's base point, or a view of it in which one
/// name is perturbed. TeX expressions of checked equations evaluate against a scope, so
/// the same expression can be evaluated at the base point and at every perturbed one.
///
/// Values are computed lazily and memoised per scope. Every error is an `EvaluationError`
/// positioned in the notebook when it arose in setup code.
public protocol Scope: AnyObject, Sendable {
    /// The definitions the scope evaluates.
    var definitions: NotebookDefinitions { get }
    /// The value of a defined name (canonical form): a `let` value or a `param`.
    func value(of name: String) throws(EvaluationError) -> Value
    /// Member `indices` (1-based, one or two) of an indexed family: `D[2]`.
    func member(of family: String, indices: [Int]) throws(EvaluationError) -> Value
    /// The valid range of each index of a family: for index k, 1…n where n is the largest
    /// index at which the member evaluates without an index error (the other indices at 1),
    /// probed from 1 upward.
    func indexRanges(of family: String) throws(EvaluationError) -> [ClosedRange<Int>]
    /// Calls a user function, or a builtin when no definition has that name (positional
    /// arguments only).
    func call(_ function: String, arguments: [Value]) throws(EvaluationError) -> Value
    /// Calls a builtin by name, with positional and labelled arguments: `exp`, `tr`,
    /// `logdet`, `sqdist`, `rbf(X, lengthScale: λ)`, …
    func callBuiltin(_ name: String, arguments: [Value], labelled: [String: Value]) throws(EvaluationError) -> Value
    /// A view in which `name` (a `param` or any `let` value) has `newValue` — for a vector
    /// component (1-based), the base value with that component replaced by the scalar
    /// `newValue` — the names in `holding` keep their values here, and every other name
    /// that depends on `name` is recomputed lazily in the view. Names that do not depend on
    /// it are shared with this scope.
    func perturbing(_ name: String, component: Int?, to newValue: Value, holding: Set<String>)
        throws(EvaluationError) -> any Scope
    /// g(h) = the value of `a` (or of its member `indices`) with `s` (or its component,
    /// 1-based) shifted by h, the names in `holding` held fixed: the function the
    /// finite-difference judge differentiates, with the point, domain and conditioning.
    func partialDerivative(
        of a: String, indices: [Int], withRespectTo s: String, component: Int?, holding: Set<String>
    ) throws(EvaluationError) -> DerivativeSide
}

extension Scope {
    /// `perturbing` with nothing held fixed.
    public func perturbing(_ name: String, component: Int? = nil, to newValue: Value)
        throws(EvaluationError) -> any Scope
    {
        try perturbing(name, component: component, to: newValue, holding: [])
    }

    /// ∂a/∂s (of a value, not a family member), nothing held fixed.
    public func partialDerivative(of a: String, withRespectTo s: String, component: Int? = nil)
        throws(EvaluationError) -> DerivativeSide
    {
        try partialDerivative(of: a, indices: [], withRespectTo: s, component: component, holding: [])
    }

    /// Whether `a` depends on `s` through the definition graph.
    public func dependsOn(_ a: String, _ s: String) -> Bool { definitions.dependsOn(a, s) }
}

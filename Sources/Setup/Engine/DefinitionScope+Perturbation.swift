import Foundation
import Numerics

/// Perturbed views and the partial derivatives built on them.
extension DefinitionScope {
    public func perturbing(_ name: String, component: Int?, to newValue: Value, holding: Set<String>)
        throws(EvaluationError) -> any Scope
    {
        try perturbedScope(name, component: component, to: newValue, holding: holding)
    }

    /// The concrete view behind `perturbing`.
    public func perturbedScope(_ name: String, component: Int?, to newValue: Value, holding: Set<String> = [])
        throws(EvaluationError) -> DefinitionScope
    {
        guard let kind = definitions.kind(of: name) else {
            throw EvaluationError(.unknownName, "unknown name '\(name)'")
        }
        guard kind == .value || kind == .parameter else {
            throw EvaluationError(.invalid, "'\(name)' is not a value, so it cannot be perturbed")
        }
        let base = try value(of: name)
        var replaced = newValue
        if let component {
            guard base.isVector else {
                throw EvaluationError(
                    .shape,
                    "'\(name)' is \(base.shapeDescription); derivatives are taken with respect to scalars and vector components, not matrix entries"
                )
            }
            guard (1...base.matrix.rows).contains(component) else {
                throw EvaluationError(
                    .index,
                    "component \(component) of '\(name)' is out of range: '\(name)' has \(base.matrix.rows) entries (indices start at 1)"
                )
            }
            guard let scalar = newValue.scalar else {
                throw EvaluationError(
                    .shape, "a component of '\(name)' is replaced by a scalar; got \(newValue.shapeDescription)")
            }
            var matrix = base.matrix
            matrix.elements[component - 1] = scalar
            replaced = Value(matrix, conditioning: max(base.conditioning, newValue.conditioning))
        } else if base.shape != newValue.shape {
            throw EvaluationError(
                .shape, "'\(name)' is \(base.shapeDescription); its replacement is \(newValue.shapeDescription)")
        }
        return DefinitionScope(
            definitions: definitions, context: context, parent: self, overrides: [name: .value(replaced)],
            affected: definitions.affected(by: name, holding: holding))
    }

    public func partialDerivative(
        of a: String, indices: [Int] = [], withRespectTo s: String, component: Int?, holding: Set<String> = []
    ) throws(EvaluationError) -> DerivativeSide {
        guard definitions.definitions[a] != nil else { throw EvaluationError(.unknownName, "unknown name '\(a)'") }
        guard definitions.dependsOn(a, s) else {
            throw EvaluationError(.invalid, NotebookDefinitions.independenceMessage(a, s))
        }
        let base = try value(of: s)
        let point: Double
        if let component {
            _ = try perturbedScope(s, component: component, to: Value(scalar: 0), holding: holding)
            point = base.matrix.elements[component - 1]
        } else {
            guard let scalar = base.scalar else {
                throw EvaluationError(
                    .shape,
                    base.isVector
                        ? "'\(s)' is \(base.shapeDescription); name a component to differentiate with respect to"
                        : "'\(s)' is \(base.shapeDescription); derivatives are taken with respect to scalars and vector components, not matrix entries"
                )
            }
            point = scalar
        }
        let atPoint = indices.isEmpty ? try value(of: a) : try member(of: a, indices: indices)
        let variable = DifferentiationVariable(name: s, value: point, logarithm: false)
        return definitions.derivativeSide(moving: [variable], condition: atPoint.conditioning) { h in
            let view = try self.perturbedScope(s, component: component, to: Value(scalar: point + h), holding: holding)
            return indices.isEmpty ? try view.value(of: a).matrix : try view.member(of: a, indices: indices).matrix
        }
    }
}

/// A variable that finite differences move: a name's value (or one component's) at the base
/// point, or its logarithm.
public struct DifferentiationVariable: Sendable, Hashable {
    /// The canonical name.
    public var name: String
    /// Its value (or its component's) at the base point.
    public var value: Double
    /// Whether the derivative is with respect to the logarithm of the value.
    public var logarithm: Bool

    /// A variable.
    public init(name: String, value: Double, logarithm: Bool) {
        self.name = name
        self.value = value
        self.logarithm = logarithm
    }
}

extension NotebookDefinitions {
    /// The side the judge differentiates: g(h), which moves every one of `variables` by h
    /// (their logarithms, for derivatives with respect to one), at the point and in the
    /// domain of the variable nearest its domain's edge. A variable is stepped in ln of its
    /// value on the whole line for a derivative with respect to its logarithm; otherwise at
    /// its value, kept positive when it is positive and a positive quantity.
    public func derivativeSide(
        moving variables: [DifferentiationVariable], condition: Double, _ g: @escaping (Double) throws -> Matrix
    ) -> DerivativeSide {
        let choices = variables.map { variable -> (point: Double, domain: Domain) in
            if variable.logarithm { return (Foundation.log(variable.value), .real) }
            let positive = variable.value > 0 && isPositiveQuantity(variable.name)
            return (variable.value, positive ? .positive : .real)
        }
        let (point, domain) =
            choices.min { $0.domain.room(at: $0.point) < $1.domain.room(at: $1.point) } ?? (0, .real)
        return DerivativeSide(point: point, domain: domain, condition: condition, function: g)
    }
}

extension NotebookDefinitions {
    /// Whether finite differences must keep `name` positive (when its value is > 0): it is
    /// defined as `exp(…)`, or used directly — alone or as `name[k]` — as the argument of
    /// `log` or `sqrt` or as a kernel hyperparameter (`lengthScale:`, `alpha:`, …)
    /// anywhere in the notebook.
    public func isPositiveQuantity(_ name: String) -> Bool {
        if let definition = definitions[name], case .call(let callee, _) = definition.syntax.body.kind,
            callee.name == "exp"
        {
            return true
        }
        return positiveQuantities.contains(name)
    }
}

/// The names used where only positive values make sense.
enum PositiveUses {
    static func collect(_ expression: SetupExpression, into names: inout Set<String>) {
        if case .call(let callee, let arguments) = expression.kind {
            let positiveArguments: [SetupExpression]
            if callee.name == "log" || callee.name == "sqrt" {
                positiveArguments = arguments.filter { $0.label == nil }.map(\.value)
            } else if Builtins.kernelLabels[callee.name] != nil {
                positiveArguments = arguments.filter { $0.label != nil && $0.label?.name != "nu" }.map(\.value)
            } else {
                positiveArguments = []
            }
            for argument in positiveArguments {
                switch argument.kind {
                case .name(let name): names.insert(name)
                case .index(let base, _): if case .name(let name) = base.kind { names.insert(name) }
                default: break
                }
            }
        }
        for child in expression.children { collect(child, into: &names) }
    }
}

import Foundation
import Numerics
import TestSupport
import Testing

@testable import Setup

@Suite struct NotebookDefinitionsTests {
    @Test func kindsNamesAndRangesAnswerForEveryDefinition() throws {
        let notebook = TestNotebook("param θ = [1, 2]\nlet D[i, j] = θ[i] * θ[j]", "let k(x) = x\nlet f = (a, b) -> a")
        let definitions = notebook.evaluate().definitions
        #expect(definitions.kind(of: "θ") == .parameter)
        #expect(definitions.kind(of: "D") == .family(indexCount: 2))
        #expect(definitions.kind(of: "k") == .function(parameterCount: 1))
        #expect(definitions.kind(of: "f") == .function(parameterCount: 2))
        #expect(definitions.kind(of: "nothing") == nil)
        #expect(definitions.names == ["θ", "D", "k", "f"])
        let range = try #require(definitions.range(of: "k"))
        #expect(notebook.file.slice(range) == "let k(x) = x")
        #expect(definitions.knownNames.contains("rbf") && definitions.knownNames.contains("π"))
    }

    @Test func texSpellingsMeetSetupNames() {
        #expect(NotebookDefinitions.canonical("\\lambda") == "λ")
        #expect(NotebookDefinitions.canonical("lambda") == "λ")
        #expect(NotebookDefinitions.canonical("λ") == "λ")
        #expect(NotebookDefinitions.canonical("\\sigma_f") == "σ_f")
    }

    @Test func dependenciesFollowDefinitionsFamiliesAndFunctions() {
        let definitions = TestNotebook(seedSetup, "let k(x) = λ[1] * x\nlet u = k(2)\nlet w = D[1]").evaluate()
            .definitions
        #expect(definitions.dependsOn("K", "θ"))
        #expect(definitions.dependsOn("K", "λ"))
        #expect(definitions.dependsOn("ℓ", "θ"))
        #expect(definitions.dependsOn("u", "θ"))
        #expect(definitions.dependsOn("w", "X"))
        #expect(!definitions.dependsOn("K", "y"))
        #expect(!definitions.dependsOn("X", "θ"))
        #expect(!definitions.dependsOn("θ", "θ"))
        #expect(
            NotebookDefinitions.independenceMessage("K", "λ")
                == "'K' does not depend on 'λ': λ is not used in its definition")
    }

    @Test func laterBlocksUseEarlierOnes() throws {
        let scope = TestNotebook("let a = 2", "let b = a * 3").scope()
        #expect(try scope.value(of: "b").matrix == Matrix(scalar: 6))
    }
}

@Suite struct DefinitionScopeTests {
    let notebook = TestNotebook(seedSetup)

    @Test func familiesFindTheirRangeByProbing() throws {
        let scope = notebook.scope()
        #expect(try scope.indexRanges(of: "D") == [1...3])
        #expect(try scope.indexRanges(of: "G") == [1...3])
        let pair = TestNotebook("let v = [1, 2, 3]\nlet w = [1, 2]\nlet P[a, b] = v[a] * w[b]").scope()
        #expect(try pair.indexRanges(of: "P") == [1...3, 1...2])
        #expect(try pair.member(of: "P", indices: [3, 2]).matrix == Matrix(scalar: 6))
    }

    @Test func callsReachUserFunctionsAndBuiltins() throws {
        let scope = TestNotebook("let k(x, z) = x * z").scope()
        #expect(try scope.call("k", arguments: [Value(scalar: 2), Value(scalar: 5)]).matrix == Matrix(scalar: 10))
        #expect(try scope.call("exp", arguments: [Value(scalar: 0)]).matrix == Matrix(scalar: 1))
        let rbf = try scope.callBuiltin(
            "rbf", arguments: [Value(Matrix(column: [0, 1]))], labelled: ["lengthScale": Value(scalar: 2)])
        #expect(close(rbf.matrix[0, 1], exp(-0.125)))
    }

    @Test func aPerturbedViewRecomputesOnlyWhatDependsOnTheName() throws {
        let scope = notebook.scope()
        let theta = try scope.value(of: "θ")
        let view = try scope.perturbedScope("θ", component: 2, to: Value(scalar: theta.matrix.elements[1] + 0.1))
        #expect(
            view.affected
                == ["λ", "D", "K", "α", "ℓ", "G", "Kθ", "g"].reduce(into: Set()) { $0.insert($1) }.subtracting(["D"]))
        #expect(
            try view.value(of: "θ").matrix.elements == [
                theta.matrix.elements[0], theta.matrix.elements[1] + 0.1, theta.matrix.elements[2],
            ])
        #expect(try view.value(of: "λ").matrix.elements[1] == exp(theta.matrix.elements[1] + 0.1))
        #expect(try view.value(of: "K") != scope.value(of: "K"))
        #expect(try view.value(of: "X") == scope.value(of: "X"))
        // Back at the base point, the view reproduces the base values bit for bit.
        let same = try scope.perturbedScope("θ", component: 2, to: Value(scalar: theta.matrix.elements[1]))
        #expect(try same.value(of: "ℓ") == scope.value(of: "ℓ"))
    }

    @Test func heldNamesKeepTheirBaseValues() throws {
        let scope = TestNotebook("param s = 2\nlet f = s^2\nlet p = f + s").scope()
        let view = try scope.perturbedScope("s", component: nil, to: Value(scalar: 3), holding: ["f"])
        #expect(try view.value(of: "f").matrix == Matrix(scalar: 4))
        #expect(try view.value(of: "p").matrix == Matrix(scalar: 7))
        let free = try scope.perturbedScope("s", component: nil, to: Value(scalar: 3))
        #expect(try free.value(of: "p").matrix == Matrix(scalar: 12))
    }

    @Test func derivedNamesCanBePerturbed() throws {
        let scope = notebook.scope()
        let lambda = try scope.value(of: "λ")
        var doubled = lambda.matrix
        doubled.elements[0] *= 2
        let view = try scope.perturbedScope("λ", component: 1, to: Value(scalar: doubled.elements[0]))
        #expect(try view.value(of: "θ") == scope.value(of: "θ"))
        #expect(
            try view.value(of: "K").matrix == RBF(lengthScale: doubled.elements).matrix(scope.value(of: "X").matrix)
                + 1e-10 * Matrix.identity(25))
    }

    @Test func perturbingAMatrixEntryIsRefused() {
        let scope = notebook.scope()
        #expect(throws: EvaluationError.self) { try scope.perturbedScope("K", component: 1, to: Value(scalar: 0)) }
        #expect(throws: EvaluationError.self) { try scope.partialDerivative(of: "ℓ", withRespectTo: "θ") }
    }
}

@Suite struct PartialDerivativeTests {
    let scope = TestNotebook(seedSetup).scope()

    @Test func dKdThetaAgreesWithTheNumericsCoresKernelGradient() throws {
        for j in 1...3 {
            let side = try scope.partialDerivative(of: "Kθ", withRespectTo: "θ", component: j)
            let claim = try scope.member(of: "G", indices: [j]).matrix
            let row = Judge().judge(claim: .analytic(AnalyticSide(value: claim)), reference: .derivative(side))
            #expect(row.verdict == .pass, "θ_\(j): \(row.reason)")
        }
    }

    @Test func dLogLikelihoodDThetaAgreesWithTheLibrarysGradient() throws {
        let gradient = try scope.value(of: "g").matrix
        for j in 1...3 {
            let side = try scope.partialDerivative(of: "ℓ", withRespectTo: "θ", component: j)
            let claim = AnalyticSide(
                value: Matrix(scalar: gradient.elements[j - 1]), condition: try scope.value(of: "ℓ").conditioning)
            let row = Judge().judge(claim: .analytic(claim), reference: .derivative(side))
            #expect(row.verdict == .pass, "θ_\(j): \(row.reason)")
        }
    }

    @Test func dKdLambdaOfADerivedNameIsOneOverLambdaCubedTimesDK() throws {
        let lambda = try scope.value(of: "λ").matrix.elements
        let k = try scope.value(of: "K").matrix
        for i in 1...3 {
            let side = try scope.partialDerivative(of: "K", withRespectTo: "λ", component: i)
            #expect(side.domain == .positive)
            let d = try scope.member(of: "D", indices: [i]).matrix
            let claim = (1 / pow(lambda[i - 1], 3)) * d.multipliedElementwise(by: k - 1e-10 * Matrix.identity(25))
            let row = Judge().judge(claim: .analytic(AnalyticSide(value: claim)), reference: .derivative(side))
            #expect(row.verdict == .pass, "λ_\(i): \(row.reason)")
        }
    }

    @Test func aNameThatIsNotUsedIsAnErrorNotAZero() {
        #expect {
            try scope.partialDerivative(of: "K", withRespectTo: "y")
        } throws: { error in
            (error as? EvaluationError)?.message == "'K' does not depend on 'y': y is not used in its definition"
        }
    }

    @Test func theDomainIsPositiveOnlyForPositiveQuantities() throws {
        let code = """
            param θ = 0.5
            let λ = exp(θ)
            param σ = 0.3
            let s = sqrt(σ)
            param ℓ = 2
            let K = rbf([0; 1], lengthScale: ℓ) * λ * s
            param t = 0.7
            let u = sin(t) + K[1, 2]
            """
        let scope = TestNotebook(code).scope()
        #expect(try scope.partialDerivative(of: "u", withRespectTo: "θ").domain == .real)
        #expect(try scope.partialDerivative(of: "u", withRespectTo: "λ").domain == .positive)
        #expect(try scope.partialDerivative(of: "u", withRespectTo: "σ").domain == .positive)
        #expect(try scope.partialDerivative(of: "u", withRespectTo: "ℓ").domain == .positive)
        #expect(try scope.partialDerivative(of: "u", withRespectTo: "t").domain == .real)
    }
}

import Setup
import Testing

@Suite struct SetupNamesTests {
    @Test func microSignAndGreekMuAreOneName() {
        #expect(SetupNames.canonical("µ") == "μ")
        #expect(SetupNames.canonical("μ") == "μ")
        #expect(SetupNames.canonical("mu") == "μ")
    }

    @Test func scriptSmallLStaysApartFromLatinL() {
        #expect(SetupNames.canonical("ℓ") == "ℓ")
        #expect(SetupNames.canonical("ell") == "ℓ")
        #expect(SetupNames.canonical("l") == "l")
        #expect(SetupNames.canonical("ℓ𝐊") == "ℓK")
    }

    @Test func asciiAliasesReplaceWholeParts() {
        #expect(SetupNames.canonical("lambda") == "λ")
        #expect(SetupNames.canonical("theta") == "θ")
        #expect(SetupNames.canonical("alpha") == "α")
        #expect(SetupNames.canonical("sigma") == "σ")
        #expect(SetupNames.canonical("sigma_f") == "σ_f")
        #expect(SetupNames.canonical("K_lambda") == "K_λ")
        #expect(SetupNames.canonical("lambdas") == "lambdas")
        #expect(SetupNames.canonical("Lambda") == "Λ")
        #expect(SetupNames.canonical("LAMBDA") == "LAMBDA")
    }

    @Test func compatibilityFormsFoldToTheirLetter() {
        #expect(SetupNames.canonical("𝐊") == "K")
        #expect(SetupNames.canonical("ϵ") == "ε")
        #expect(SetupNames.canonical("varepsilon") == "ε")
        #expect(SetupNames.canonical("ϕ") == "φ")
        #expect(SetupNames.canonical("phi") == "φ")
        #expect(SetupNames.canonical("ﬁt") == "fit")
    }

    @Test func subscriptDigitsBecomeAnUnderscoreAndDigits() {
        #expect(SetupNames.canonical("σ₀") == "σ_0")
        #expect(SetupNames.canonical("sigma_0") == "σ_0")
        #expect(SetupNames.canonical("x₁₂") == "x_12")
        #expect(SetupNames.canonical("x₁y₂") == "x_1y_2")
    }

    @Test func combiningMarksStayOnTheirLetter() {
        #expect(SetupNames.canonical("f\u{302}") == "f\u{302}")
        #expect(SetupNames.canonical("e\u{301}") == "é")
    }

    @Test func everyAliasNamesALetterThatIsAlreadyCanonical() {
        for (alias, letter) in SetupNames.greekAliases {
            #expect(SetupNames.canonical(letter) == letter, "\(alias)")
            #expect(letter.unicodeScalars.count == 1, "\(alias)")
        }
    }

    @Test func labelsAreNormalisedButNotAliased() {
        let (block, _) = SetupParser.parse("let K = matern(X, nu: 2.5, lengthScale: lambda)")
        guard case .call(_, let arguments) = block.definitions.first?.body.kind else {
            Issue.record("expected a call")
            return
        }
        #expect(arguments.map { $0.label?.name } == [nil, "nu", "lengthScale"])
        #expect(arguments.last?.value.description == "λ")
    }
}

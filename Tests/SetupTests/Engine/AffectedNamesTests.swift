import TestSupport
import Testing

@testable import Setup

/// The names a perturbation recomputes, remembered per variable and per set of held names.
@Suite struct AffectedNamesTests {
    let definitions = TestNotebook(seedSetup).evaluate().definitions

    @Test func theAffectedNamesAreRememberedForEachSetOfHeldNames() {
        let fromTheta: Set<String> = ["λ", "K", "α", "ℓ", "G", "Kθ", "g"]
        #expect(definitions.affected(by: "θ", holding: []) == fromTheta)
        #expect(definitions.affected(by: "θ", holding: ["K"]) == ["λ", "G", "Kθ", "g"])
        #expect(definitions.affected(by: "θ", holding: []) == fromTheta)
        #expect(definitions.affected(by: "λ", holding: []) == ["K", "α", "ℓ"])
        #expect(definitions.affected(by: "λ", holding: ["α"]) == ["K", "ℓ"])
    }
}

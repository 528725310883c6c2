import Testing
@testable import Charte
import CharteCLI

@Suite struct ExplainTests {
    /// Every code's example triggers that code and nothing else.
    @Test(arguments: DiagnosticCode.allCases)
    func exampleTriggersExactlyItsCode(code: DiagnosticCode) {
        let explanation = code.explanation
        #expect(explanation.code == code)
        #expect(!explanation.meaning.isEmpty && !explanation.fix.isEmpty)
        let found = explanation.checkExample().diagnostics.map(\.code)
        #expect(!found.isEmpty && found.allSatisfy { $0 == code }, "\(code): \(found)")
    }

    @Test func rendersMeaningExampleReportAndFix() {
        let text = DiagnosticCode.E100.explanation.render()
        #expect(text.hasPrefix("E100 — acteur inconnu (erreur)\n"))
        #expect(text.contains("Ce que cela veut dire :"))
        #expect(text.contains("    responsable documentalist"))
        #expect(text.contains("erreur[E100]: acteur inconnu « documentalist »"))
        #expect(text.contains("Comment corriger :"))
    }

    @Test func bidiControlsAreShownNotPrinted() {
        let text = DiagnosticCode.W601.explanation.render()
        #expect(text.contains("role cpe \"CPE⟨U+202E⟩ principal\""))
    }

    @Test(arguments: [("e100", DiagnosticCode.E100), (" W302 ", .W302)])
    func acceptsLowerCaseAndSpaces(typed: String, code: DiagnosticCode) {
        #expect(Explanation.code(named: typed) == code)
    }

    @Test(arguments: [
        ("100", ["E100"]), ("W100", ["E100", "W600", "W700"]), ("E3000", ["E300"]),
        ("E99", []), ("W305", ["E305", "W301", "W302", "W303", "W304"]),
    ])
    func suggestsCloseCodes(typed: String, expected: [String]) {
        #expect(Explanation.suggestions(for: typed).map(\.rawValue) == expected)
    }

    @Test func commandExplainsOneCode() {
        let result = runCLI(["expliquer", "e305"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("E305 — cycle de dépendances (erreur)"))
        #expect(result.out.contains("erreur[E305]"))
    }

    @Test func commandListsCodesWithoutArgument() {
        let result = runCLI(["expliquer"])
        #expect(result.status == 0)
        for code in DiagnosticCode.allCases {
            #expect(result.out.contains("\(code.rawValue)  \(code.title)"))
        }
    }

    @Test func commandRejectsUnknownCodes() {
        let result = runCLI(["expliquer", "E1000"])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("code inconnu « E1000 »"))
        #expect(result.err.contains("E100"))
        #expect(runCLI(["expliquer", "E100", "E101"]).status == 2)
    }
}

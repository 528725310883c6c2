import Testing
import Foundation
@testable import Charte

@Suite struct SyntaxFilesTests {
    /// The committed syntax files are exactly what the keyword table generates. After a
    /// change to `Keyword`, regenerate them: `CHARTE_REGOLDEN=1 swift test --filter SyntaxFiles`.
    @Test func committedFilesMatchTheKeywordTable() {
        expectGolden(SyntaxFiles.textMateGrammar(), "editors/charte.tmLanguage.json")
        expectGolden(SyntaxFiles.textMateGrammar(), "editors/vscode/syntaxes/charte.tmLanguage.json")
        expectGolden(SyntaxFiles.vimSyntax(), "editors/charte.vim")
    }

    /// Every spelling of every keyword, and its accented and capitalised forms, has a pattern.
    @Test(arguments: Keyword.allCases)
    func everyKeywordIsHighlighted(keyword: Keyword) {
        let groups = SyntaxFiles.allGroups.filter { $0.keywords.contains(keyword) }
        #expect(groups.count == 1)
        let grammar = SyntaxFiles.textMateGrammar()
        for spelling in SyntaxFiles.spellings(keyword) {
            #expect(grammar.contains(JSON.string(SyntaxFiles.pattern(spelling)).rendered().dropFirst().dropLast()))
        }
    }

    @Test func lettersStandForTheirAccentedForms() {
        #expect(SyntaxFiles.pattern("echeance").hasPrefix("[Ee"))
        #expect(SyntaxFiles.pattern("echeance").contains("é"))
        #expect(SyntaxFiles.pattern("echeance").contains("É"))
        #expect(SyntaxFiles.pattern("x_1") == "[Xx]_1")
        #expect(JSONReader.parse(SyntaxFiles.textMateGrammar()) != nil)
    }
}

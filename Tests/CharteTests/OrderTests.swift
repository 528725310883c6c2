import Testing
@testable import Charte

/// Declarations may come in any order (spec section 2): the same charter with its
/// declarations reversed gives the same tree and the same diagnostics.
@Suite struct OrderTests {
    @Test(arguments: ["rules/etablissement-exemple.charte", "rules/college-petit.charte", "rules/lycee-region.charte",
                      "Tests/CharteTests/Fixtures/public/valid/mini.charte"])
    func reversedDeclarationsCheckTheSame(_ path: String) throws {
        let loaded = try CharterLoader.load(path: repositoryPath(path))
        let reversed = loaded.tree.declarations.reversed().map { loaded.file.text($0.span.range) }.joined(separator: "\n")
        let again = check(reversed)
        #expect(again.tree.declarations == Array(loaded.tree.declarations.reversed()))
        #expect(again.diagnostics.map(\.code).sorted() == loaded.diagnostics.map(\.code).sorted())
    }

    @Test func anActionDeclaredAfterItsRulesTypesTheirConditions() {
        #expect(underlined("""
            autorise r a si c == x
            etape e { tache t { responsable r  action a si c != x ou c == x } }
            objet o { c: x | y }
            action a sur o
            role r
            """) == [])
    }
}

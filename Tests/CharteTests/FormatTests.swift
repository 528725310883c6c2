import Testing
import Foundation
@testable import Charte

/// Formats text, failing the test when the formatter refuses it.
private func formatted(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let outcome = Formatter.format(text: text)
    guard let result = outcome.text else {
        Issue.record("not formatted: \(outcome.result)", sourceLocation: sourceLocation)
        return ""
    }
    return result
}

/// Every charter of the repository and of the shared fixtures, relative paths first.
func allCharterPaths() -> [String] {
    var paths: [String] = []
    let manager = FileManager.default
    for root in ["rules", "Tests/CharteTests/Fixtures", "../shared/fixtures"] {
        let base = repositoryPath(root)
        guard let enumerator = manager.enumerator(atPath: base) else { continue }
        for case let relative as String in enumerator where relative.hasSuffix(".charte") {
            paths.append(base + "/" + relative)
        }
    }
    return paths.sorted()
}

/// The charter with every comment removed and all on one line.
private func squeezed(_ text: String) -> String {
    let file = SourceFile(id: FileID(0), name: "t", text: text)
    var bytes = file.bytes
    for comment in Lexer.tokenize(file).comments.reversed() {
        bytes.replaceSubrange(comment.range, with: [])
    }
    return String(decoding: bytes.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
}

@Suite struct FormatTests {
    @Test func messyFixtureGolden() throws {
        let path = repositoryPath("Tests/CharteTests/Fixtures/format/messy.charte")
        let outcome = try Formatter.format(path: path)
        let text = try #require(outcome.text)
        expectGolden(text, "Tests/CharteTests/Golden/format/messy.charte")
        #expect(outcome.changesFile)
        let original = try CharterLoader.load(path: path)
        #expect(!original.hasErrors)
        #expect(CharterLoader.check(text: text).tree == original.tree)
        #expect(formatted(text) == text)
    }

    /// Every charter: formatting is idempotent and keeps the tree, also from a one-line,
    /// comment-free version and from a CRLF version; files with syntax errors are refused.
    @Test func idempotentAndFaithfulOnEveryCharter() throws {
        let paths = allCharterPaths()
        #expect(paths.count >= 5, "charters found: \(paths)")
        var formattedCount = 0
        for path in paths {
            let outcome = try Formatter.format(path: path)
            let loaded = try CharterLoader.load(path: path)
            switch outcome.result {
            case .meaningChanged:
                Issue.record("meaning changed: \(path)")
            case .syntaxErrors(let diagnostics):
                #expect(!diagnostics.isEmpty && loaded.hasErrors, "refused without error: \(path)")
            case .formatted(let text):
                formattedCount += 1
                let same = CharterLoader.check(text: text).tree == loaded.tree
                #expect(same, "tree changed: \(path)")
                #expect(formatted(text) == text, "not idempotent: \(path)")
                let variants = [squeezed(text), text.replacingOccurrences(of: "\n", with: "\r\n")]
                for variant in variants {
                    let again = formatted(variant)
                    let sameAgain = CharterLoader.check(text: again).tree == loaded.tree
                    #expect(sameAgain, "variant tree changed: \(path)")
                    #expect(formatted(again) == again, "variant not idempotent: \(path)")
                }
            }
        }
        #expect(formattedCount >= 4)
    }

    @Test(arguments: [
        // Precedence: only the parentheses the table needs; left association kept.
        ("si (a ou b) ou c", "si a ou b ou c"),
        ("si a ou (b ou c)", "si a ou (b ou c)"),
        ("si (a et b) ou c", "si a et b ou c"),
        ("si a et (b ou c)", "si a et (b ou c)"),
        ("si ((a et b)) et c", "si a et b et c"),
        ("si a et (b et c)", "si a et (b et c)"),
        ("si non (a ou b)", "si non (a ou b)"),
        ("si non (a)", "si non a"),
        ("si (non a) et b", "si non a et b"),
        ("si non non (x == 1)", "si non non x == 1"),
        ("si (x==1)", "si x == 1"),
        ("si x dans[ a ,b ]", "si x dans [a, b]"),
        ("si d >= 2026-01-01 ou t != « mot »", "si d >= 2026-01-01 ou t != \"mot\""),
        ("si vrai ou FAUX", "si vrai ou faux"),
    ])
    func conditions(source: String, expected: String) {
        let text = "autorise x act \(source)\n"
        #expect(formatted(text) == "autorise x act \(expected)\n")
    }

    @Test(arguments: [
        // An own-line comment goes before the next item, indented like it.
        ("etape e {\n# avant\ntache t {\nresponsable r\n}\n}\n",
         "etape e {\n  # avant\n  tache t {\n    responsable r\n  }\n}\n"),
        // A comment before a closing brace stays inside the block.
        ("etape e {\ntache t {\nresponsable r\n# dernier\n}\n}\n",
         "etape e {\n  tache t {\n    responsable r\n    # dernier\n  }\n}\n"),
        // Trailing comments stay on their line, aligned across adjacent lines.
        ("calendrier { a 2026-01-01 # un\nbbbbb 2026-01-02 # deux\n}\n",
         "calendrier {\n  a 2026-01-01      # un\n  bbbbb 2026-01-02  # deux\n}\n"),
        // A comment after an opening brace stays on the head line.
        ("etape e { # tête\ntache t { responsable r }}\n",
         "etape e {  # tête\n  tache t {\n    responsable r\n  }\n}\n"),
        // Two comments after one line of code: the second gets a line of its own.
        ("autorise a, # un\n b act # deux\nrole r\n",
         "autorise a, b act  # un\n# deux\nrole r\n"),
        // An own-line comment in the middle of a line goes before that line.
        ("autorise a,\n# milieu\n b act\n", "# milieu\nautorise a, b act\n"),
        // Comments at the start and the end of the file, blank lines at most one.
        ("\n\n# début\n\n\n\nrole r\n\n\n# fin\n\n", "# début\n\nrole r\n\n# fin\n"),
        // A file with only comments.
        ("# seul\n#  deux  \n", "# seul\n#  deux\n"),
        ("", ""),
    ])
    func comments(source: String, expected: String) {
        #expect(formatted(source) == expected)
    }

    @Test(arguments: [
        // Blank lines around large blocks; simple declarations keep the author's grouping.
        ("role a \"A\"\nrole bb \"B\"\netape e { tache t { responsable a } }\nrole c \"C\"",
         "role a  \"A\"\nrole bb \"B\"\n\netape e {\n  tache t {\n    responsable a\n  }\n}\n\nrole c \"C\"\n"),
        // Labels aligned per run; a blank line or a comment starts a new run.
        ("role a \"A\"\ninstance conseil \"C\"\n\nexterne e \"E\"\n# x\nrole long_nom \"L\"\nrole b \"B\"\n",
         "role a           \"A\"\ninstance conseil \"C\"\n\nexterne e \"E\"\n# x\nrole long_nom \"L\"\nrole b        \"B\"\n"),
        // A one-item block folds onto its line; a commented one stays open.
        ("role a \"A\" {\n personnes \"P\"\n}\nrole b \"B\" { # c\n membres a }\n",
         "role a \"A\" { personnes \"P\" }\nrole b \"B\" {  # c\n  membres a\n}\n"),
        // Repeated clauses of an actor merge; an empty optional block disappears.
        ("role a { personne \"P\" membres b personnes \"Q\" }\nrole b {}\n",
         "role a {\n  personnes \"P\", \"Q\"\n  membres b\n}\nrole b\n"),
        // Durations: singular for one, plural otherwise; keywords in canonical spelling.
        ("ÉTAPE e { TÂCHE t { Responsables a ÉCHÉANCE r + 1 JOURS - 2 Semaine + 3 mois quand x DÉLAI 1 semaines } }",
         "etape e {\n  tache t {\n    responsable a\n    echeance r + 1 jour - 2 semaines + 3 mois\n    quand x\n    delai 1 semaine\n  }\n}\n"),
        // Strings: guillemets become quotes, escapes are rewritten.
        ("etablissement «  L'école \"X\"  » { uai \"a\\\\b\\tc\" }",
         "etablissement \"L'école \\\"X\\\"\" {\n  uai \"a\\\\b\\tc\"\n}\n"),
    ])
    func layout(source: String, expected: String) {
        #expect(formatted(source) == expected)
    }

    @Test func refusesSyntaxErrors() {
        let outcome = Formatter.format(text: "role a \"A\nrole b\n")
        guard case .syntaxErrors(let diagnostics) = outcome.result else {
            Issue.record("expected syntax errors")
            return
        }
        #expect(diagnostics.map(\.code) == [.E002])
        #expect(outcome.text == nil)
        #expect(!outcome.changesFile)
    }

    @Test func formatsDespiteSemanticErrors() {
        let text = "etape e { tache t { responsable inconnu } }\n"
        #expect(CharterLoader.check(text: text).hasErrors)
        #expect(formatted(text) == "etape e {\n  tache t {\n    responsable inconnu\n  }\n}\n")
    }

    @Test func bomAndCRLFAreDropped() {
        let outcome = Formatter.format(bytes: [0xEF, 0xBB, 0xBF] + Array("role a # x\r\n\r\n\r\nrole b\r\n".utf8), name: "t")
        #expect(outcome.text == "role a  # x\n\nrole b\n")
        #expect(outcome.changesFile)
    }
}

/// Comments between every pair of tokens, alone on their line or after code: the formatter
/// keeps them all, keeps the tree, and is idempotent.
@Suite struct FormatCommentStressTests {
    @Test(arguments: [1, 2, 3, 7])
    func commentsBetweenTokens(stride: Int) throws {
        let paths = allCharterPaths().filter { !$0.contains("invalid") && !$0.contains("exemples-erreurs") }
        for path in paths {
            let original = try #require(FileAccess.read(path))
            let file = SourceFile(id: FileID(0), name: path, bytes: original)
            let tokens = Lexer.tokenize(file).tokens.dropLast()
            var bytes: [UInt8] = []
            var offset = 0
            for (index, token) in tokens.enumerated() {
                bytes += original[offset..<token.span.end]
                offset = token.span.end
                if index % stride == 0 {
                    let ownLine = (index / stride) % 2 == 0
                    bytes += Array((ownLine ? "\n# c\(index)\n" : " # c\(index)\n").utf8)
                }
            }
            bytes += original[offset...]
            let outcome = Formatter.format(bytes: bytes, name: path)
            let text = try #require(outcome.text, "\(path) stride \(stride): \(outcome.result)")
            #expect(Formatter.format(text: text).text == text, "\(path) stride \(stride) not idempotent")
        }
    }
}

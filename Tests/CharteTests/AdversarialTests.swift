import Testing
import Foundation
@testable import Charte

/// One hostile input and the exact diagnostics it must give (code and underlined text).
struct AdversarialCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let expected: [String]

    init(_ name: String, _ bytes: [UInt8], _ expected: [String]) {
        self.name = name
        self.bytes = bytes
        self.expected = expected
    }

    init(_ name: String, _ text: String, _ expected: [String]) {
        self.init(name, Array(text.utf8), expected)
    }

    var testDescription: String { name }
}

/// The diagnostics of a charter given as bytes, as `CODE underlined-text`.
func underlined(bytes: [UInt8]) -> [String] {
    let loaded = CharterLoader.check(bytes: bytes, name: "test.charte")
    return loaded.diagnostics.map { "\($0.code.rawValue) \(loaded.file.text($0.span.range))" }
}

private let objectHead = "role r\nobjet o { x: booleen }\naction a sur o\nautorise r a si "

@Suite struct AdversarialTests {
    static let cases: [AdversarialCase] = [
        // Empty and nearly empty files.
        .init("fichier vide", [], []),
        .init("seulement un BOM", [0xEF, 0xBB, 0xBF], []),
        .init("deux BOM", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("role r".utf8), ["W302 r"]),
        // NUL bytes.
        .init("octets NUL", "role r\0\0", ["E001 \0", "E001 \0"]),
        .init("un seul NUL", [0], ["E001 \0"]),
        // Invalid UTF-8: one E005 per run of invalid bytes.
        .init("octets FF FE", Array("role r ".utf8) + [0xFF, 0xFE] + Array(" x".utf8), ["E005 \u{FFFD}\u{FFFD}", "E010 x"]),
        .init("UTF-8 trop long (C0 AF)", Array("role ".utf8) + [0xC0, 0xAF] + Array(" r".utf8), ["E005 \u{FFFD}\u{FFFD}"]),
        .init("UTF-8 trop long dans une chaîne (E0 80 AF)", Array("role r \"".utf8) + [0xE0, 0x80, 0xAF] + Array("\"".utf8),
              ["E005 \u{FFFD}\u{FFFD}\u{FFFD}"]),
        .init("surrogat isolé (ED A0 80)", Array("role r ".utf8) + [0xED, 0xA0, 0x80], ["E005 \u{FFFD}\u{FFFD}\u{FFFD}"]),
        .init("surrogat isolé dans une chaîne", Array("role r \"a".utf8) + [0xED, 0xA0, 0x80] + Array("b\"".utf8),
              ["E005 \u{FFFD}\u{FFFD}\u{FFFD}"]),
        .init("surrogat isolé dans un commentaire", Array("# a".utf8) + [0xED, 0xA0, 0x80] + Array("\nrole r".utf8),
              ["E005 \u{FFFD}\u{FFFD}\u{FFFD}"]),
        .init("séquence coupée en fin de fichier", Array("role r ".utf8) + [0xE2, 0x82], ["E005 \u{FFFD}"]),
        .init("au-delà de U+10FFFF", Array("role r ".utf8) + [0xF4, 0x90, 0x80, 0x80], ["E005 \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"]),
        // Numbers and date arithmetic.
        .init("entier trop grand", "role r\nevenement ev\netape e { tache t { responsable r quand ev delai 99999999999999999999 jours } }",
              ["E004 99999999999999999999"]),
        .init("Int64.max jours", "role r\ncalendrier { rentree 2026-09-01 }\netape e { tache t { responsable r echeance rentree + 9223372036854775807 jours } }",
              ["E003 rentree + 9223372036854775807 jours"]),
        .init("semaines qui débordent", "role r\netape e { tache t { responsable r echeance 2026-09-01 + 2000000000000000000 semaines } }",
              ["E003 2026-09-01 + 2000000000000000000 semaines"]),
        .init("Int64.max mois en arrière", "role r\netape e { tache t { responsable r echeance 2026-09-01 - 9223372036854775807 mois } }",
              ["E003 2026-09-01 - 9223372036854775807 mois"]),
        .init("après l'an 9999", "role r\netape e { tache t { responsable r echeance 9999-12-31 + 1 jour } }", ["E003 9999-12-31 + 1 jour"]),
        .init("avant l'an 1", "role r\netape e { tache t { responsable r echeance 0001-01-01 - 1 mois } }", ["E003 0001-01-01 - 1 mois"]),
        .init("dates impossibles", "calendrier { a 2026-02-30 b 0000-01-01 c 2027-02-29 d 2028-02-29 e 10000-01-01 f 2026-00-10 g 2026-1-01 }",
              ["E003 2026-02-30", "E003 0000-01-01", "E003 2027-02-29", "E003 10000-01-01", "E003 2026-00-10", "E003 2026-1-01"]),
        // Keywords as identifiers.
        .init("mot réservé comme nom", "role et \"x\"", ["E010 et"]),
        .init("mots-clés contextuels comme noms",
              "role tache \"x\"\nrole note\nobjet o { date: date  note: texte }\naction a sur o\nautorise tache, note a si date == 2026-01-01 et note == \"x\"",
              []),
        // Line ends.
        .init("CRLF et LF mêlés", "role r\r\nrole s\nrole r\r\n\r\netape e {\n  tache t {\r\n    responsable inconnu\r\n  }\n}\n",
              ["W302 r", "W302 s", "E101 r", "E100 inconnu"]),
        .init("CR seuls (des espaces)", "role r\rrole s\rrole r", ["W302 r", "W302 s", "E101 r"]),
        .init("barre oblique avant CRLF", "role r \"a\\\r\nrole s", ["E002 \"", "E001 \\"]),
        // Look-alike letters and invisible characters.
        .init("o cyrillique", "role r\u{043E}le\nrole role\n", ["W302 r\u{043E}le", "W600 r\u{043E}le", "W603 r\u{043E}le", "W302 role"]),
        .init("alpha grec", "role \u{03B1}lpha\n", ["W302 \u{03B1}lpha", "W600 \u{03B1}lpha"]),
        .init("U+202E dans une chaîne", "role r \"abc\u{202E}def\"", ["W302 r", "W601 \u{202E}"]),
        .init("U+202E entre guillemets", "role r « a\u{202E}b »", ["W302 r", "W601 \u{202E}"]),
        .init("U+2067 dans un commentaire", "# x\u{2067}y\nrole r", ["W601 \u{2067}", "W302 r"]),
        .init("U+202E dans un nom", "role r\u{202E}x", ["E001 \u{202E}", "E010 x"]),
        .init("espace sans chasse dans un nom", "role r\u{200B}x", ["E001 \u{200B}", "E010 x"]),
        // Size limits.
        .init("10 Mo sur une ligne", Array("role r \"".utf8) + [UInt8](repeating: 0x78, count: 10_000_000) + Array("\"\n".utf8), ["E013 "]),
        .init("une ligne de 1 Mio exactement", Array("role r\n# ".utf8) + [UInt8](repeating: 0x78, count: 1024 * 1024 - 2) + Array("\r\n".utf8),
              ["W302 r"]),
        .init("100 000 parenthèses", Array(objectHead.utf8) + [UInt8](repeating: 0x28, count: 100_000) + Array("x".utf8)
                + [UInt8](repeating: 0x29, count: 100_000), ["E012 ("]),
        .init("100 000 « non »", objectHead + String(repeating: "non ", count: 100_000) + "x", ["E012 non"]),
        .init("256 « ou » (la limite)", objectHead + "x" + String(repeating: " ou x", count: 256), []),
        .init("257 « ou »", objectHead + "x" + String(repeating: " ou x", count: 257), ["E013 ou"]),
        .init("100 000 « et »", objectHead + "x" + String(repeating: " et x", count: 100_000), ["E013 et"]),
    ]

    @Test(arguments: cases)
    func hostileInput(_ input: AdversarialCase) {
        #expect(underlined(bytes: input.bytes) == input.expected)
    }

    @Test func messagesShowInvisibleCharactersAsCodePoints() {
        let loaded = CharterLoader.check(bytes: [0], name: "t")
        #expect(loaded.diagnostics.map(\.message.text) == ["caractère inattendu « U+0000 »"])
        let invalid = CharterLoader.check(bytes: Array("role r ".utf8) + [0xED, 0xA0, 0x80], name: "t")
        #expect(invalid.diagnostics.map(\.message) == [.invalidUTF8(offset: 7)])
    }

    @Test func lineAndColumnAcrossMixedLineEnds() {
        let loaded = check("role r\r\nrole s\nrole r\r\n\r\netape e {\n  tache t {\r\n    responsable inconnu\r\n  }\n}\n", name: "t")
        let lines = loaded.diagnostics.map { GccRenderer().render($0, sources: loaded.sources) }
        #expect(lines == [
            "t:1:6: warning: l'acteur « r » est déclaré mais jamais utilisé [W302]\n",
            "t:2:6: warning: l'acteur « s » est déclaré mais jamais utilisé [W302]\n",
            "t:3:6: error: « r » est déjà déclaré (acteur) [E101]\nt:1:6: note: première déclaration ici\n",
            "t:7:17: error: acteur inconnu « inconnu » [E100]\n",
        ])
        let human = HumanRenderer(colour: false).render(loaded.diagnostics[3], sources: loaded.sources)
        #expect(human.contains("7 |     responsable inconnu\n  |                 ^^^^^^^ n'est déclaré nulle part\n"))
    }

    @Test func aLongLineIsReportedWithItsLength() {
        let loaded = CharterLoader.check(bytes: Array("role r\n".utf8) + [UInt8](repeating: 0x23, count: 2_000_000), name: "t")
        #expect(loaded.diagnostics.map(\.message) == [.lineTooLong(length: 2_000_000, limit: 1024 * 1024)])
        #expect(loaded.file.location(of: loaded.diagnostics[0].span.start) == LineColumn(line: 2, column: 1))
        #expect(loaded.checked?.model == nil)
    }

    @Test func aDiagnosticInTheMiddleOfAHugeLineRendersQuickly() throws {
        let text = "role r" + String(repeating: " ", count: 400_000) + "$é" + String(repeating: "\t", count: 400_000)
        let loaded = check(text, name: "t")
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(loaded.diagnostics.map(\.code) == [.E001, .E010])
        for _ in 0..<20 { _ = HumanRenderer(colour: false).render(diagnostic, sources: loaded.sources) }
        let lines = HumanRenderer(colour: false).render(diagnostic, sources: loaded.sources).split(separator: "\n").map(Array.init)
        #expect(lines[1] == Array(" --> t:1:400007"))
        let source = lines[3], underline = lines[4]
        #expect(source.count < 200)
        #expect(source.first { $0 == "…" } != nil)
        #expect(source.firstIndex(of: "$") == underline.firstIndex(of: "^"))
    }

    @Test func aFileOverTheSizeLimitIsRefusedUnread() {
        var limits = Limits()
        limits.fileSize = 10
        let loaded = CharterLoader.check(text: "role r \"un libellé\"", name: "t", limits: limits)
        #expect(loaded.diagnostics.map(\.message) == [.fileTooLarge(size: 20, limit: 10)])
        #expect(loaded.tree.declarations.isEmpty)
        #expect(loaded.checked?.model == nil)
    }

    @Test func floodsOfDiagnosticsAreCappedAndCounted() {
        let loaded = check(String(repeating: "$\n", count: 5000))
        #expect(loaded.diagnostics.count == Limits.keptDiagnostics + 1)
        #expect(loaded.diagnostics.last?.message == .tooManyDiagnostics(errors: 4000, warnings: 0, limit: 1000))
        #expect(loaded.diagnostics.last?.code == .E013)
        #expect(loaded.file.location(of: loaded.diagnostics.last?.span.start ?? 0).line == 1001)
    }

    @Test func cappedCheckerDiagnosticsAreCountedToo() {
        // 1500 unknown actors: the checker keeps 1000 and counts the rest.
        let text = "role r\netape e { tache t { responsable r informe " + (0..<1500).map { "x\($0)" }.joined(separator: ", ") + " } }"
        let loaded = check(text)
        #expect(loaded.diagnostics.filter { $0.code == .E100 }.count == 1000)
        #expect(loaded.diagnostics.last?.message == .tooManyDiagnostics(errors: 500, warnings: 0, limit: 1000))
    }

    @Test func objectsCalendarsAndEnumerationsHaveASize() {
        let attributes = (0...1000).map { "a\($0): booleen" }.joined(separator: "\n")
        #expect(underlined("objet o {\n\(attributes)\n}") == ["E013 a1000"])
        let values = (0...1000).map { "v\($0)" }.joined(separator: " | ")
        #expect(underlined("objet o { x: \(values) }") == ["E013 v1000"])
        let entries = (0...1000).map { "j\($0) 2026-09-01" }.joined(separator: "\n")
        #expect(underlined("calendrier {\n\(entries)\n}") == ["E013 j1000"])
    }

    @Test func aTaskWithManyActionClausesIsAnalysedWithoutDeepRecursion() {
        // The clauses' conditions are or-ed for the coverage analysis: a balanced tree, not a chain.
        let clauses = String(repeating: "action a si x\n", count: 200_000)
        let loaded = check("role r\nobjet o { x: booleen }\naction a sur o\netape e { tache t { responsable r\n\(clauses)} }")
        #expect(loaded.diagnostics.map(\.code) == [.W501])
    }

    @Test func manyUnknownNamesAmongManyDeclaredOnesStayFast() {
        // Suggestions have a budget: past it, diagnostics come without "vouliez-vous dire".
        let roles = (0..<3000).map { "role role\($0)" }.joined(separator: "\n")
        let references = (0..<3000).map { "rol\($0)" }.joined(separator: ", ")
        let loaded = check("\(roles)\netape e { tache t { responsable role0 informe \(references) } }")
        #expect(loaded.diagnostics.filter { $0.code == .E100 }.count == 1000)
        #expect(loaded.diagnostics.first { $0.code == .E100 }?.candidates.isEmpty == false)
        #expect(loaded.diagnostics.last { $0.code == .E100 }?.candidates.isEmpty == true)
    }
}

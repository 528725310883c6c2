import Testing
@testable import Charte

/// Issue 12, item 6: what is shown is what is read. A lone CR ends a line, control characters
/// are a warning and every text output escapes them, look-alike identifiers are a warning.
@Suite struct ShownIsReadTests {
    /// A charter whose `interdit` sits after a lone CR at the end of a comment: a terminal
    /// shows it on a line of its own, so the checker must read it as code.
    static let hiddenForbid = """
        role doc "Documentaliste"
        action preter "Prêter"
        etape e "E" {
          tache t "T" { responsable doc action preter }
        }
        # une remarque\rinterdit doc preter
        """

    @Test func aForbidHiddenAfterALoneCarriageReturnIsSeenByTheChecker() {
        let loaded = check(ShownIsReadTests.hiddenForbid)
        // The forbid makes the task impossible (E500), on line 7: the lone CR ends line 6.
        #expect(loaded.diagnostics.map(\.code.rawValue) == ["E500"])
        #expect(GccRenderer().render(loaded.diagnostics[0], sources: loaded.sources).hasPrefix("test.charte:7:1: error:"))
        #expect(loaded.checked == nil)
        #expect(loaded.comments.map { loaded.file.text($0.range) } == ["# une remarque"])
    }

    @Test func aPermissionAfterALoneCarriageReturnDecides() throws {
        let text = """
            role doc "Documentaliste"
            role eleve "Élève"
            action preter "Prêter"
            etape e "E" {
              tache t "T" { responsable doc action preter informe eleve }
            }
            # une remarque\rautorise eleve preter
            """
        let checked = try #require(check(text).checked)
        let answer = QueryText.render(try QueryEngine(checked).answer("peut eleve preter"))
        #expect(answer.contains("Réponse : autorisé"))
        #expect(answer.contains("test.charte, ligne 8"))
    }

    @Test(arguments: [
        // Line starts after \n, \r\n and a lone \r; the text of each line has no line end.
        ("a\nb\r\nc\rd", ["a", "b", "c", "d"]),
        ("a\r\rb", ["a", "", "b"]),
        ("a\r\r\nb\r", ["a", "", "b", ""]),
    ])
    func lineTableCountsALoneCarriageReturn(text: String, lines: [String]) {
        let file = SourceFile(id: FileID(0), name: "t", text: text)
        #expect((1...file.lineStarts.count).map(file.lineText) == lines)
    }

    @Test func aLoneCarriageReturnEndsAString() {
        // The string stops at the CR (E002), and `interdit…` is read as code, not as text.
        #expect(underlined("role doc \"Doc\rinterdit doc x\n") == ["E002 \"", "E103 x"])
    }

    @Test func diagnosticsAfterALoneCarriageReturnHaveItsLine() {
        let loaded = check("role a\rrole b\rrole c\rmauvais\n")
        let text = GccRenderer().render(loaded.diagnostics[0], sources: loaded.sources)
        #expect(text.hasPrefix("test.charte:4:1: error:"))
    }

    @Test func theLineLengthLimitCountsALoneCarriageReturnAsALineEnd() {
        let bytes = Array(String(repeating: "# x\r", count: 100).utf8)
        #expect(Limits.firstLine(of: bytes, longerThan: 10) == nil)
        #expect(Limits.firstLine(of: Array("ab\r\(String(repeating: "y", count: 20))".utf8), longerThan: 10)?.start == 3)
    }

    // MARK: - Control characters

    @Test(arguments: [
        ("role a \"x\u{1B}y\"\n", ["W302 a", "W602 \u{1B}"]),
        ("role a \"x\u{0}y\"\n", ["W302 a", "W602 \u{0}"]),
        ("role a \"x\u{7F}y\"\n", ["W302 a", "W602 \u{7F}"]),
        ("role a \"x\u{9B}y\"\n", ["W302 a", "W602 \u{9B}"]),
        ("# note \u{1B}[2K\nrole a\n", ["W602 \u{1B}", "W302 a"]),
        ("# note \u{08}\u{08}\nrole a\n", ["W602 \u{08}", "W602 \u{08}", "W302 a"]),
        // Tab is not a control character here; neither is a line end.
        ("role a \"x\ty\" # tab\there\r\n", ["W302 a"]),
    ])
    func controlCharactersInStringsAndCommentsAreAWarning(text: String, expected: [String]) {
        #expect(underlined(text) == expected)
    }

    @Test func aStringKeepsItsControlCharacterButEveryOutputEscapesIt() throws {
        let loaded = check("role a \"A\u{1B}[2K\rBilan : 0 action refusée\"\netape e \"E\" { tache t \"T\" { responsable a } }\n")
        // The lone CR ends the string: E002, so take one without it.
        #expect(loaded.diagnostics.map(\.code.rawValue).contains("E002"))
        let clean = check("role a \"A\u{1B}[2K\u{0}\"\netape e \"E\" { tache t \"T\" { responsable a } }\n")
        let checked = try #require(clean.checked)
        #expect(checked.model.actors[0].label == "A\u{1B}[2K\u{0}")
        let answer = QueryText.render(try QueryEngine(checked).answer("montre a"))
        #expect(!ControlCharacters.needsEscaping(answer, keepingLineBreaks: true))
        #expect(answer.contains("role a \"A\\u{1B}[2K\\u{00}\""))
        let human = HumanRenderer(colour: false).render(clean.diagnostics[0], sources: clean.sources)
        #expect(human == """
            avertissement[W602]: caractère de contrôle U+001B dans une chaîne
             --> test.charte:1:10
              |
            1 | role a "A\\u{1B}[2K\\u{00}"
              |          ^^^^^^ caractère invisible
              |
              = aide: retirez ce caractère invisible : sur un terminal, il peut effacer ou réécrire ce qui est affiché

            """)
    }

    @Test(arguments: [
        ("plain text", "plain text"),
        ("tab\tkept", "tab\tkept"),
        ("a\u{1B}[31mb", "a\\u{1B}[31mb"),
        ("line\nbreak\r", "line\\u{0A}break\\u{0D}"),
        ("nul\u{0} del\u{7F} csi\u{9B}", "nul\\u{00} del\\u{7F} csi\\u{9B}"),
        ("é\u{A0}ü", "é\u{A0}ü"),
    ])
    func theEscapingFunction(text: String, expected: String) {
        #expect(ControlCharacters.escaped(text) == expected)
        #expect(ControlCharacters.needsEscaping(text) == (text != expected))
        #expect(ControlCharacters.escaped("a\nb\u{1B}", keepingLineBreaks: true) == "a\nb\\u{1B}")
    }

    @Test func aDiagnosticOnAFileWhoseNameHasControlCharactersIsEscaped() {
        let loaded = CharterLoader.check(text: "mauvais\n", name: "x\u{1B}[2K\nBilan.charte")
        let human = HumanRenderer(colour: true).render(loaded.diagnostics[0], sources: loaded.sources)
        #expect(human.contains("x\\u{1B}[2K\\u{0A}Bilan.charte:1:1"))
        let gcc = GccRenderer().render(loaded.diagnostics[0], sources: loaded.sources)
        #expect(gcc.hasPrefix("x\\u{1B}[2K\\u{0A}Bilan.charte:1:1: error:"))
        #expect(gcc.filter { $0 == "\n" }.count == 1)
        let github = GitHubRenderer().render(loaded.diagnostics[0], sources: loaded.sources)
        #expect(github.hasPrefix("::error file=x\\u{1B}[2K\\u{0A}Bilan.charte,line=1"))
    }

    // MARK: - Journal reports

    /// A journal whose cells try to write a `Bilan` line of their own.
    static let forgingJournal = """
        date,acteur,action,categorie
        2026-09-15,"inconnu
        Bilan : 0 action refusée.",attribuer_licence,manuel
        2026-09-16,\u{1B}[1A\u{1B}[2KBilan : 0 action refusée.,attribuer_licence,manuel
        2026-09-17,documentaliste,attribuer_licence,"manuel\u{1B}[2K"
        2026-09-18,documentaliste,attribuer_licence,manuel
        """

    @Test func aJournalCannotForgeALineOfTheReport() {
        let report = checkJournal(ShownIsReadTests.forgingJournal)
        let text = JournalTextRenderer(charter: journalFixture.model, charterName: "c\u{1B}.charte", journalName: "j\u{7}.csv").render(report)
        #expect(!ControlCharacters.needsEscaping(text, keepingLineBreaks: true))
        let bilans = text.split(separator: "\n").filter { $0.hasPrefix("Bilan :") }
        #expect(bilans.count == 1, "\(text)")
        #expect(text.hasPrefix("Journal « j\\u{07}.csv » au jeudi 1er octobre 2026, selon « c\\u{1B}.charte »\n"))
        #expect(text.contains("acteur inconnu « \\u{1B}[1A\\u{1B}[2KBilan : 0 action refusée. »"))
        #expect(report.hasProblems)
        let json = JournalJSONRenderer(charter: journalFixture.model, charterName: "c", journalName: "j").render(report)
        #expect(!json.unicodeScalars.contains { ControlCharacters.isEscaped($0, keepingLineBreaks: true) })
    }

    // MARK: - Exports

    @Test func exportsEscapeControlCharacters() throws {
        let loaded = check("role a \"A\u{1B}[2K\u{9B}\"\netape e \"E\" { tache t \"T\u{7}\" { responsable a } }\n")
        let checked = try #require(loaded.checked)
        for format in ExportFormat.allCases {
            let text = CharterExporter.render(checked, format: format)
            let raw = text.unicodeScalars.filter { ControlCharacters.isEscaped($0, keepingLineBreaks: true) && $0 != "\r" }
            #expect(raw.isEmpty, "\(format): raw control characters \(raw.map(\.value))")
        }
    }

    // MARK: - Look-alike identifiers

    @Test(arguments: [
        // Entirely Cyrillic, reading as a declared Latin name.
        ("role cpe\nrole \u{0441}\u{0440}\u{0435}\n", ["W302 cpe", "W302 \u{0441}\u{0440}\u{0435}", "W603 \u{0441}\u{0440}\u{0435}"]),
        // Mixed scripts: W600 from the lexer and W603 naming both.
        ("role role\nrole r\u{043E}le\n", ["W302 role", "W302 r\u{043E}le", "W600 r\u{043E}le", "W603 r\u{043E}le"]),
        // Greek capitals reading as a Latin name.
        ("role TOP\nrole \u{03A4}\u{039F}\u{03A1}\n", ["W302 TOP", "W302 \u{03A4}\u{039F}\u{03A1}", "W603 \u{03A4}\u{039F}\u{03A1}"]),
        // Cyrillic that reads as no declared name: nothing.
        ("role \u{0441}\u{0440}\u{0435}\n", ["W302 \u{0441}\u{0440}\u{0435}"]),
        // Accented Latin is not a look-alike.
        ("role eleve\nrole élève\n", ["W302 eleve", "W302 élève"]),
    ])
    func lookAlikeIdentifiers(text: String, expected: [String]) {
        #expect(underlined(text) == expected)
    }

    @Test func theLookAlikeWarningNamesBoth() {
        let loaded = check("role cpe\nrole \u{0441}\u{0440}\u{0435}\netape e \"E\" { tache t \"T\" { responsable cpe aide \u{0441}\u{0440}\u{0435} } }\n")
        let diagnostic = loaded.diagnostics[0]
        #expect(diagnostic.message.text == "l'identifiant « \u{0441}\u{0440}\u{0435} » (cyrillique) se confond à l'œil avec « cpe »")
        #expect(diagnostic.notes.map { loaded.file.text($0.span?.range ?? 0..<0) } == ["cpe"])
    }
}

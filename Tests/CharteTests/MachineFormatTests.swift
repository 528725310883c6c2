import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

@Suite("charte verifier --format json|github")
struct MachineFormatTests {
    // MARK: - JSON

    @Test func jsonGolden() throws {
        let loaded = try ExportSupport.machineFormatFixture()
        let files = [FileDiagnostics(loaded)]
        let text = DiagnosticJSONRenderer().render(files, summary: CheckSummary(files))
        expectGolden(text, "Tests/CharteTests/Fixtures/export/golden/erreurs.diagnostics.json")
    }

    @Test func jsonShape() throws {
        let loaded = try ExportSupport.machineFormatFixture()
        let files = [FileDiagnostics(loaded)]
        let text = DiagnosticJSONRenderer().render(files, summary: CheckSummary(files, unreadable: ["absent.charte"]))
        let root = try #require(try ExportSupport.parseJSON(text) as? [String: Any])
        #expect(root["version"] as? Int == 1)
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == loaded.diagnostics.count)
        let keys: Set<String> = ["code", "titre", "severite", "message", "fichier", "ligne", "colonne", "ligne_fin",
                                 "colonne_fin", "octet_debut", "octet_fin", "etiquette", "notes", "aide", "suggestions"]
        for diagnostic in diagnostics { #expect(Set(diagnostic.keys) == keys) }

        let unknown = try #require(diagnostics.first { $0["code"] as? String == "E100" })
        #expect(unknown["severite"] as? String == "erreur")
        #expect(unknown["message"] as? String == "acteur inconnu « documentalist »")
        #expect(unknown["fichier"] as? String == "Tests/CharteTests/Fixtures/export/erreurs.charte")
        #expect(unknown["ligne"] as? Int == 10)
        #expect(unknown["colonne"] as? Int == 17)
        #expect(unknown["colonne_fin"] as? Int == 30)
        let start = try #require(unknown["octet_debut"] as? Int), end = try #require(unknown["octet_fin"] as? Int)
        #expect(loaded.file.text(start..<end) == "documentalist")
        #expect(unknown["etiquette"] as? String == "n'est déclaré nulle part")
        let suggestion = try #require((unknown["suggestions"] as? [[String: Any]])?.first)
        #expect(suggestion["nom"] as? String == "documentaliste")
        #expect(suggestion["ligne"] as? Int == 3)

        let duplicate = try #require(diagnostics.first { $0["code"] as? String == "E101" })
        let note = try #require((duplicate["notes"] as? [[String: Any]])?.first)
        #expect(note["message"] as? String == "première déclaration ici")
        #expect(note["ligne"] as? Int == 5)

        let summary = try #require(root["bilan"] as? [String: Any])
        #expect(summary["fichiers"] as? Int == 1)
        #expect(summary["erreurs"] as? Int == 2)
        #expect(summary["avertissements"] as? Int == 2)
        #expect(summary["illisibles"] as? [String] == ["absent.charte"])
    }

    @Test func jsonOnStdoutThroughTheCLI() throws {
        let path = repositoryPath("Tests/CharteTests/Fixtures/export/erreurs.charte")
        let result = runCLI(["verifier", "--format", "json", path])
        #expect(result.status == ExitCode.problems)
        #expect(result.err.isEmpty)
        let root = try #require(try ExportSupport.parseJSON(result.out) as? [String: Any])
        #expect((root["diagnostics"] as? [Any])?.count == 4)

        let clean = runCLI(["verifier", "--format", "json", repositoryPath("Tests/CharteTests/Fixtures/export/college-essai.charte")])
        #expect(clean.status == ExitCode.success)
        let cleanRoot = try #require(try ExportSupport.parseJSON(clean.out) as? [String: Any])
        #expect((cleanRoot["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func unreadableFileIsCountedAndExitsTwo() throws {
        let result = runCLI(["verifier", "--format", "json", "/nonexistent/absent.charte"])
        #expect(result.status == ExitCode.usage)
        let root = try #require(try ExportSupport.parseJSON(result.out) as? [String: Any])
        #expect((root["bilan"] as? [String: Any])?["illisibles"] as? [String] == ["/nonexistent/absent.charte"])
    }

    // MARK: - GitHub workflow commands

    @Test func githubGolden() throws {
        let loaded = try ExportSupport.machineFormatFixture()
        let text = loaded.diagnostics.map { GitHubRenderer().render($0, sources: loaded.sources) }.joined()
        expectGolden(text, "Tests/CharteTests/Fixtures/export/golden/erreurs.github.txt")
    }

    @Test func githubCommandsOnStdout() {
        let result = runCLI(["verifier", "--format", "github", repositoryPath("Tests/CharteTests/Fixtures/export/erreurs.charte")])
        #expect(result.status == ExitCode.problems)
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") })
        #expect(result.out.contains("title=E100::acteur inconnu « documentalist »%0Aaide : vouliez-vous dire"))
        #expect(result.err == "2 erreurs, 2 avertissements\n")
    }

    @Test func githubEscapesWhatAMessageQuotes() {
        let loaded = check("role a \"A\"\n%\n", name: "dossier,1/x:y.charte")
        let lines = loaded.diagnostics.map { GitHubRenderer().render($0, sources: loaded.sources) }
        #expect(lines.contains { $0.hasPrefix("::error file=dossier%2C1/x%3Ay.charte,line=2,col=1,") && $0.contains("« %25 »") })
    }

    @Test(arguments: [
        ("100 %", "100 %25"),
        ("ligne 1\nligne 2", "ligne 1%0Aligne 2"),
        ("a\r\nb", "a%0D%0Ab"),
        ("::error::injection", "::error::injection"),
        ("%0A déjà échappé", "%250A déjà échappé"),
    ])
    func githubDataEscaping(raw: String, escaped: String) {
        #expect(GitHubRenderer.escapeData(raw) == escaped)
    }

    @Test(arguments: [
        ("rules/a,b.charte", "rules/a%2Cb.charte"),
        ("C:/chartes/x.charte", "C%3A/chartes/x.charte"),
        ("100%\n", "100%25%0A"),
        ("title=E100::x", "title=E100%3A%3Ax"),
    ])
    func githubPropertyEscaping(raw: String, escaped: String) {
        #expect(GitHubRenderer.escapeProperty(raw) == escaped)
    }

    @Test func githubMultiLineSpanOmitsColumns() {
        let text = "role a \"A\"\netape e \"E\" {\n  tache t \"T\" {\n    responsable a\n  }\n}\n"
        var sources = SourceMap()
        let file = sources.add(name: "x.charte", bytes: Array(text.utf8))
        let diagnostic = Diagnostic(.emptyStep("e"), at: Span(file: file.id, start: 11, end: 40))
        let line = GitHubRenderer().render(diagnostic, sources: sources)
        #expect(line.hasPrefix("::warning file=x.charte,line=2,endLine=3,title=W303::"))
    }

    // MARK: - Format option

    @Test func unknownFormatIsAUsageError() {
        let result = runCLI(["verifier", "--format", "xml", repositoryPath("Tests/CharteTests/Fixtures/export/erreurs.charte")])
        #expect(result.status == ExitCode.usage)
        #expect(result.err.contains("humain, gcc, json, sarif, github"))
    }
}

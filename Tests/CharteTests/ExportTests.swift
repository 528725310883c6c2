import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

@Suite("charte exporter")
struct ExportTests {
    // MARK: - Golden files, one per format

    @Test(arguments: [
        (ExportFormat.markdown, DelimitedExport.View.tableau, "college-essai.md"),
        (.html, .tableau, "college-essai.html"),
        (.csv, .tableau, "college-essai.tableau.csv"),
        (.csv, .raci, "college-essai.raci.csv"),
        (.tsv, .tableau, "college-essai.tableau.tsv"),
        (.tsv, .raci, "college-essai.raci.tsv"),
        (.dot, .tableau, "college-essai.dot"),
        (.json, .tableau, "college-essai.json"),
    ])
    func golden(format: ExportFormat, view: DelimitedExport.View, name: String) throws {
        let (charter, file) = try ExportSupport.exportFixture()
        let text = CharterExporter.render(charter, file: file, format: format, view: view)
        expectGolden(text, "Tests/CharteTests/Fixtures/export/golden/" + name)
        #expect(CharterExporter.render(charter, file: file, format: format, view: view) == text, "output must be deterministic")
    }

    // MARK: - The views

    @Test func stepTableHasTheSeedShape() throws {
        let (charter, _) = try ExportSupport.exportFixture()
        let table = StepRoleTable(charter: charter)
        #expect(table.columns == ["Équipe de direction", "Professeur-documentaliste", "Gestionnaire",
                                  "=Coordinateurs, \"disciplines\" | 1+1"])
        #expect(table.rows.map(\.label) == ["En amont", "Point 1 : Choisir", "Point 2 : Acquérir", "Point 3 : Gérer le fonds"])
        // R first, then the other letters, each in declaration order.
        #expect(table.rows[1].cells[0].map(\.text) == ["Choisir les manuels", "-Sélectionner les ressources \"utiles\" (I)"])
        #expect(table.rows[2].cells[0].map(\.text) == ["+Commander auprès des éditeurs (A)"])
        #expect(table.filledCells == 12)
    }

    @Test func raciMatrixListsEveryActorHoldingALetter() throws {
        let (charter, _) = try ExportSupport.exportFixture()
        let matrix = RaciMatrix(charter: charter)
        #expect(matrix.columns.map(\.id) == ["direction", "doc", "gestion", "coord", "ca", "editeur"])
        let selection = try #require(matrix.rows.first { $0.task == "selection" })
        #expect(selection.letters.map(RaciMatrix.cellText) == ["I", "S", "", "R", "A", "C"])
    }

    @Test func calendarOrdersDeadlinesAndHolidays() throws {
        let (charter, _) = try ExportSupport.exportFixture()
        let calendar = DeadlineCalendar(charter: charter)
        let timeline = calendar.timeline.map { entry -> String in
            switch entry {
            case .task(let item): item.task
            case .holiday(let period): "vacances:" + period.name
            }
        }
        #expect(timeline == ["pilotage", "vacances:toussaint", "selection", "manuels", "commandes",
                             "licences_manuels", "licences_autres", "vacances:noel"])
        #expect(calendar.recurring.map(\.task) == ["mouvements", "reaffecter"])
        #expect(calendar.undated.isEmpty)
    }

    @Test(arguments: [
        ("categorie == manuel", "categorie == manuel"),
        ("categorie != manuel ou abonnement et non categorie == outil", "categorie != manuel ou abonnement et non categorie == outil"),
        ("(categorie == manuel ou categorie == outil) et abonnement", "(categorie == manuel ou categorie == outil) et abonnement"),
        ("non (abonnement ou categorie == outil)", "non (abonnement ou categorie == outil)"),
        ("categorie dans [manuel, outil]", "categorie dans [manuel, outil]"),
        ("titre == \"Le \\\"bon\\\" livre\"", "titre == \"Le \\\"bon\\\" livre\""),
        ("prix >= 1000", "prix >= 1000"),
    ])
    func conditionsAreWrittenBack(condition: String, expected: String) throws {
        let text = """
        role a "A"
        objet ressource { categorie: manuel | documentaire | outil  abonnement: booleen  titre: texte  prix: nombre }
        action faire sur ressource
        etape e { tache t { responsable a  action faire si \(condition) } }
        """
        let loaded = check(text)
        let charter = try #require(loaded.checked?.model, "\(loaded.diagnostics.map(\.message.text))")
        let predicate = try #require(charter.tasks.first?.actions.first?.condition)
        #expect(ConditionText(objectType: charter.objectTypes[0]).text(predicate) == expected)
    }

    @Test(arguments: [
        ((2026, 9, 1), "mardi 1er septembre 2026", "01/09/2026"),
        ((2027, 2, 28), "dimanche 28 février 2027", "28/02/2027"),
        ((2024, 12, 25), "mercredi 25 décembre 2024", "25/12/2024"),
    ])
    func frenchDates(parts: (Int, Int, Int), long: String, short: String) throws {
        let date = try #require(CalendarDate(year: parts.0, month: parts.1, day: parts.2))
        #expect(DateText.long(date) == long)
        #expect(DateText.short(date) == short)
    }

    // MARK: - The command

    @Test func writesStdoutByDefault() throws {
        let result = runCLI(["exporter", repositoryPath(ExportSupport.exportFixturePath), "--format", "csv"])
        #expect(result.status == ExitCode.success)
        #expect(result.err.isEmpty)
        let (charter, file) = try ExportSupport.exportFixture()
        #expect(result.out == CharterExporter.render(charter, file: file, format: .csv))
    }

    @Test func writesTheOutputFileAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charte-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("charte.html").path
        try "ancien contenu".write(toFile: target, atomically: false, encoding: .utf8)

        let result = runCLI(["exporter", repositoryPath(ExportSupport.exportFixturePath), "-o", target])
        #expect(result.status == ExitCode.success)
        #expect(result.out.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"), "the format comes from the extension")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["charte.html"], "no temporary file left")
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect(((attributes[.posixPermissions] as? Int) ?? 0) & 0o044 == 0o044, "readable by others, like any document")
    }

    @Test func unwritableOutputIsAUsageError() {
        let result = runCLI(["exporter", repositoryPath(ExportSupport.exportFixturePath), "--format", "json", "-o", "/nonexistent/dir/x.json"])
        #expect(result.status == ExitCode.usage)
        #expect(result.err.contains("impossible d'écrire"))
    }

    @Test func aCharterWithErrorsIsRefused() {
        let result = runCLI(["exporter", repositoryPath("Tests/CharteTests/Fixtures/export/erreurs.charte"), "--format", "html"])
        #expect(result.status == ExitCode.problems)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("erreur[E100]"))
        #expect(result.err.hasSuffix("contient des erreurs : elle doit être corrigée avant usage.\n"))
    }

    @Test func warningsAreMentionedButDoNotStopTheExport() {
        let text = "role a \"A\"\nrole b \"B\"\netape e { tache t { responsable a } }\n"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charte-warn-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.charte").path
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = runCLI(["exporter", path, "--format", "tsv"])
        #expect(result.status == ExitCode.success)
        #expect(result.out == "LES ETAPES\tA\tB\ne\tt\t\n")
        #expect(result.err.contains("1 avertissement"))
    }

    @Test(arguments: [
        (["--format", "pdf"], "format inconnu « pdf »"),
        (["--format", "markdown", "--vue", "raci"], "--vue ne vaut que pour"),
        (["--format", "csv", "--vue", "colonnes"], "vue inconnue « colonnes »"),
    ])
    func usageErrors(options: [String], message: String) {
        let result = runCLI(["exporter", repositoryPath(ExportSupport.exportFixturePath)] + options)
        #expect(result.status == ExitCode.usage)
        #expect(result.err.contains(message))
    }

    @Test func missingOrUnreadableCharter() {
        #expect(runCLI(["exporter"]).status == ExitCode.usage)
        let result = runCLI(["exporter", "/nonexistent/x.charte", "--format", "json"])
        #expect(result.status == ExitCode.usage)
        #expect(result.err.contains("impossible de lire"))
    }

    @Test(arguments: [("x.md", ExportFormat.markdown), ("x.HTML", .html), ("a/b.gv", .dot), ("x.tsv", .tsv),
                      ("x.json", .json), ("x.csv", .csv), ("sans-extension", .markdown)])
    func formatFromTheOutputExtension(output: String, format: ExportFormat) throws {
        #expect(try ExportCommand.format(nil, output: output) == format)
    }
}

import Testing
import Foundation
@testable import Charte
import CharteCLI

private let seedTablePath = repositoryPath("Tests/CharteTests/Fixtures/ressources-numeriques-organisation.tsv")

/// The seed's filled cells as (step, role, text), read with nothing but string splitting.
private func seedCells() throws -> [[String]] {
    let text = try String(contentsOfFile: seedTablePath, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    let headerIndex = try #require(lines.firstIndex { $0.filter { !$0.isEmpty }.count >= 3 })
    let roles = lines[headerIndex]
    var cells: [[String]] = []
    for line in lines[(headerIndex + 1)...] where line.count > 1 {
        for column in 1..<line.count where !line[column].trimmingCharacters(in: .whitespaces).isEmpty {
            cells.append([line[0], roles[column], line[column]])
        }
    }
    return cells
}

/// (step label, responsable's label, task label, note) of every task of a charter's tree.
private func taskTriples(_ text: String) -> [[String]] {
    let tree = CharterLoader.check(text: text).tree
    var roleLabels: [String: String] = [:]
    var triples: [[String]] = []
    for declaration in tree.declarations {
        if case .actor(let actor) = declaration { roleLabels[actor.name.text] = actor.label?.value ?? "" }
        guard case .step(let step) = declaration else { continue }
        for task in step.tasks {
            var responsables: [String] = [], notes: [String] = []
            for clause in task.clauses {
                if case .actors(.responsable, let names) = clause.clause { responsables += names.map { roleLabels[$0.text] ?? "?" } }
                if case .note(let note) = clause.clause { notes.append(note.value) }
            }
            triples.append([step.label?.value ?? "", responsables.joined(separator: ","), task.label?.value ?? "", notes.joined()])
        }
    }
    return triples
}

/// Whether `charte exporter --format tsv` exists yet (another branch writes it).
private let tsvExportAvailable: Bool = {
    guard let exporter = CLI.commands.first(where: { $0.name == "exporter" }) else { return false }
    return exporter.help.contains("tsv")
}()

/// Text with every run of white space turned into one space.
private func squashed(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

@Suite struct ImportTests {
    @Test func seedGolden() throws {
        let reading = try TableReader.read(path: seedTablePath)
        let skeleton = CharterSkeleton(table: reading.table, source: seedTablePath)
        expectGolden(skeleton.text, "Tests/CharteTests/Golden/import/ressources-numeriques-organisation.charte")
    }

    @Test func seedTable() throws {
        let reading = try TableReader.read(path: seedTablePath)
        let table = reading.table
        #expect(reading.warnings.isEmpty)
        #expect(reading.separator == UInt8(ascii: "\t"))
        #expect(table.headerLine == 7)
        #expect(table.title == ["RESSOURCES NUMERIQUES : exemple d'organisation au sein de l'établissement scolaire"])
        #expect(table.corner == "LES ETAPES")
        #expect(table.roles == ["Equipe de direction", "Professeur-documentaliste", "Référent numérique",
                                "Gestionnaire", "Administrateur de l'ENT", "Coordinateurs de discipline"])
        #expect(table.rows.map(\.step) == ["En amont", "Point 1 : Connaître l'offre des ressources",
                                          "Point 2 : Choisir les ressources", "Point 3 : Acquérir les ressources",
                                          "Point 4 : Gérer le fonds", "Point 5 : Mettre à disposition",
                                          "Point 6 : Accompagner les usages", "Point 7 : Evaluer les usages et les ressources"])
        // The spec speaks of 28 filled cells; the seed file itself has 26 (2+2+4+3+4+4+3+4).
        #expect(table.filledCellCount == (try seedCells()).count)
        #expect(table.filledCellCount == 26)
    }

    /// The generated charter checks clean and has one task per filled cell, with the
    /// right step, responsable and text (as label and note), in table order.
    @Test func seedCharterHasEveryCell() throws {
        let reading = try TableReader.read(path: seedTablePath)
        let skeleton = CharterSkeleton(table: reading.table, source: seedTablePath)
        let loaded = CharterLoader.check(text: skeleton.text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message.text))")
        #expect(Formatter.format(text: skeleton.text).text == skeleton.text)
        let expected = try seedCells()
        let triples = taskTriples(skeleton.text)
        #expect(triples.count == expected.count)
        #expect(triples.map { [$0[0], $0[1], $0[2]] } == expected)
        #expect(triples.allSatisfy { $0[2] == $0[3] })
        #expect(skeleton.steps.flatMap(\.tasks).count == expected.count)
        let first = try #require(skeleton.steps.first?.tasks.first)
        #expect(first.id == "amont_equipe_direction" && first.role.id == "equipe_de_direction")
        let collaboration = try #require(skeleton.steps[1].tasks.first)
        #expect(collaboration.mentions.map(\.id) == ["referent_numerique"])
    }

    @Test(.enabled(if: tsvExportAvailable, "charte exporter --format tsv n'existe pas encore sur cette branche"))
    func seedRoundTripsThroughTheTSVExport() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let charter = directory + "/seed.charte"
        let imported = runCLI(["importer", seedTablePath, "-o", charter])
        #expect(imported.status == 0)
        let exported = runCLI(["exporter", charter, "--format", "tsv"])
        #expect(exported.status == 0, "\(exported.err)")
        let original = try TableReader.read(path: seedTablePath).table
        let back = try TableReader.read(bytes: Array(exported.out.utf8), name: "export.tsv").table
        #expect(back.roles == original.roles)
        #expect(back.rows.map(\.step) == original.rows.map(\.step))
        #expect(back.filledCellCount == original.filledCellCount)
        for (row, backRow) in zip(original.rows, back.rows) {
            #expect(row.cells.map(squashed) == backRow.cells.map(squashed), "\(row.step)")
        }
    }

    @Test func semicolonCSVWithQuotesAndAwkwardNames() throws {
        let csv = """
            Organisation, version 2;;;
            ;;;
            Étapes;Direction;Tous;;Direction
            Choisir;"Choisir; puis ""valider""
            en conseil";;Tâche sans titre de colonne;
            Vide;;;;
            ;Sans nom d'étape;;;

            """
        let reading = try TableReader.read(bytes: Array(csv.utf8), name: "t.csv")
        let table = reading.table
        #expect(reading.separator == UInt8(ascii: ";"))
        #expect(table.title == ["Organisation, version 2"])
        #expect(table.roles == ["Direction", "Tous", "Colonne 4", "Direction"])
        #expect(table.rows.map(\.step) == ["Choisir", "Vide", "Ligne 7"])
        #expect(table.rows[0].cells == ["Choisir; puis \"valider\"\nen conseil", "", "Tâche sans titre de colonne", ""])
        let skeleton = CharterSkeleton(table: table, source: "dossier/t.csv")
        #expect(skeleton.roles.map(\.id) == ["direction", "role_tous", "colonne_4", "direction_2"])
        #expect(skeleton.roles.map(\.isUsed) == [true, false, true, false])
        let loaded = CharterLoader.check(text: skeleton.text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message.text))\n\(skeleton.text)")
        #expect(skeleton.text.contains("# role role_tous \"Tous\"  -- colonne sans case remplie"))
        #expect(skeleton.text.contains("# etape vide \"Vide\"  -- ligne 6 sans case remplie"))
        #expect(skeleton.text.contains("tache choisir_direction \"Choisir; puis \\\"valider\\\"\\nen conseil\" {"))
        #expect(skeleton.text.hasPrefix("# Charte générée par « charte importer » à partir de « t.csv »."))
    }

    @Test func windows1252IsReadWithAWarning() throws {
        let latin1: [UInt8] = Array("Etapes\tR".utf8) + [0xF4] + Array("le A\tR".utf8) + [0xF4] + Array("le B\nChoisir\tEnqu".utf8)
            + [0xEA] + Array("te\tBilan\n".utf8)
        let reading = try TableReader.read(bytes: latin1, name: "t.tsv")
        #expect(reading.table.roles == ["Rôle A", "Rôle B"])
        #expect(reading.table.rows.first?.cells == ["Enquête", "Bilan"])
        #expect(reading.warnings.count == 1)
        #expect(reading.warnings.first?.contains("Windows-1252") == true)
    }

    @Test(arguments: [
        ("seul\nune ligne\tdeux\n", ImportError.noHeader),
        ("", ImportError.noHeader),
        ("A\tB\tC\n", ImportError.emptyTable),
    ])
    func unusableTables(text: String, error: ImportError) {
        #expect(throws: error) { try TableReader.read(bytes: Array(text.utf8), name: "t.tsv") }
    }

    @Test(arguments: [
        ("Référent numérique", "referent_numerique"), ("Administrateur de l'ENT", "administrateur_de_l_ent"),
        ("  --Équipe  (direction)-- ", "equipe_direction"), ("Point 1 : Connaître", "point_1_connaitre"), ("???", ""),
    ])
    func identifiers(name: String, slug: String) {
        #expect(IdentifierMaker.slug(name) == slug)
    }

    @Test func commandWritesAtomicallyOrToStandardOutput() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let printed = runCLI(["importer", seedTablePath])
        #expect(printed.status == 0)
        #expect(printed.err.isEmpty)
        let written = runCLI(["importer", seedTablePath, "-o", directory + "/charte.charte"])
        #expect(written.status == 0)
        #expect(written.out.isEmpty)
        #expect(written.err.contains("8 étapes, 6 rôles, 26 tâches"))
        #expect(try String(contentsOfFile: directory + "/charte.charte", encoding: .utf8) == printed.out)
        #expect(runCLI(["verifier", "--strict", directory + "/charte.charte"]).status == 0)

        #expect(runCLI(["importer", directory + "/absent.tsv"]).status == 2)
        #expect(runCLI(["importer"]).status == 2)
        try "rien\n".write(toFile: directory + "/vide.tsv", atomically: false, encoding: .utf8)
        let empty = runCLI(["importer", directory + "/vide.tsv"])
        #expect(empty.status == 1)
        #expect(empty.err.contains("aucune ligne d'en-tête"))
        let failed = runCLI(["importer", seedTablePath, "-o", directory + "/absent/charte.charte"])
        #expect(failed.status == 2)
        #expect(failed.err.contains("impossible d'écrire"))
    }
}

import Testing
import Foundation
@testable import Charte
import CharteCLI

private let seedName = "ressources-numeriques-organisation.tsv"
private let seedTablePath = repositoryPath("Tests/CharteTests/Fixtures/" + seedName)
/// The tables imported in golden tests: the seed, and two written for the tests.
private let importTables = [seedName, "lycee-pro-ddfpt.tsv", "college-marie-curie.csv"]

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
                if case .actors(.responsible, let names) = clause.clause { responsables += names.map { roleLabels[$0.text] ?? "?" } }
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
    /// The generated charter and the report, for the seed and two tables written for the
    /// tests (a lycée professionnel with a DDFPT, a collège in `;` CSV): golden files, and the
    /// charter checks clean and is already in canonical layout.
    @Test(arguments: importTables)
    func tableGoldens(table: String) throws {
        let path = table == seedName ? seedTablePath : repositoryPath("Tests/CharteTests/Fixtures/import/" + table)
        let reading = try TableReader.read(path: path)
        let skeleton = CharterSkeleton(table: reading.table, source: path)
        let stem = table.split(separator: ".").dropLast().joined(separator: ".")
        expectGolden(skeleton.text, "Tests/CharteTests/Golden/import/\(stem).charte")
        expectGolden(skeleton.report, "Tests/CharteTests/Golden/import/\(stem).rapport")
        let loaded = CharterLoader.check(text: skeleton.text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message.text))")
        #expect(Formatter.format(text: skeleton.text).text == skeleton.text)
        // One task per filled cell, in table order, with the whole cell as note.
        var expected: [[String]] = []
        for row in reading.table.rows {
            for (column, cell) in row.cells.enumerated() where !cell.isEmpty { expected.append([row.step, reading.table.roles[column], cell]) }
        }
        #expect(taskTriples(skeleton.text).map { [$0[0], $0[1], $0[3]] } == expected)
        #expect(skeleton.report.hasSuffix("La charte produite se vérifie sans erreur ni avertissement.\n"))
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
        #expect(triples.map { [$0[0], $0[1], $0[3]] } == expected)
        #expect(triples.map { $0[2] } == skeleton.steps.flatMap(\.tasks).map(\.label))
        #expect(triples.allSatisfy { $0[2].count <= CellReading.labelLimit + 1 })
        #expect(skeleton.steps.flatMap(\.tasks).count == expected.count)
        let first = try #require(skeleton.steps.first?.tasks.first)
        #expect(first.id == "pilotage_global_chef" && first.role.id == "equipe_direction")
        #expect(skeleton.steps.map(\.id) == ["amont", "connaitre_offre", "choisir_ressources", "acquerir_ressources",
                                            "gerer_fonds", "mettre_disposition", "accompagner_usages", "evaluer_usages"])
        let collaboration = try #require(skeleton.steps[1].tasks.first)
        #expect(collaboration.label == "Identifie les grands gisements et catégories de ressources")
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
        // Each exported cell is the task's short label, in the cell's place.
        let skeleton = CharterSkeleton(table: original, source: seedTablePath)
        var labels = skeleton.steps.map { _ in [String](repeating: "", count: original.roles.count) }
        for (index, step) in skeleton.steps.enumerated() {
            for task in step.tasks {
                if let column = skeleton.roles.firstIndex(of: task.role) { labels[index][column] = task.label }
            }
        }
        #expect(back.rows.map { $0.cells.map(squashed) } == labels.map { $0.map(squashed) })
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
        #expect(skeleton.steps.first?.tasks.map(\.label) == ["Choisir", "Tâche sans titre de colonne"])
        #expect(skeleton.steps.first?.tasks.map(\.id) == ["choisir_direction", "tache_sans_titre"])
        #expect(skeleton.roles.map(\.isUsed) == [true, false, true, false])
        let loaded = CharterLoader.check(text: skeleton.text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message.text))\n\(skeleton.text)")
        #expect(skeleton.text.contains("# role role_tous \"Tous\"  -- colonne sans case remplie"))
        #expect(skeleton.text.contains("# etape vide \"Vide\"  -- ligne 6 sans case remplie"))
        #expect(skeleton.text.contains("tache choisir_direction \"Choisir\" {"))
        #expect(skeleton.text.contains("note \"Choisir; puis \\\"valider\\\"\\nen conseil\""))
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
        ("\t\t\n\n", ImportError.noHeader),
        ("É\u{0}t\u{0}a\tA\tB\n", ImportError.notText(offset: 2)),
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
        let skeleton = CharterSkeleton(table: try TableReader.read(path: seedTablePath).table, source: seedTablePath)
        let printed = runCLI(["importer", seedTablePath])
        #expect(printed.status == 0)
        #expect(printed.out == skeleton.text)
        let report = TextWrap.wrap(skeleton.report, width: 80)
        #expect(printed.err == report)
        #expect(report.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(runCLI(["--quiet", "importer", seedTablePath]).err.isEmpty)
        let reported = runCLI(["importer", seedTablePath, "--rapport", directory + "/rapport.txt"])
        #expect(reported.status == 0 && reported.err.isEmpty && reported.out == skeleton.text)
        #expect(try String(contentsOfFile: directory + "/rapport.txt", encoding: .utf8) == report)
        let written = runCLI(["importer", seedTablePath, "-o", directory + "/charte.charte"])
        #expect(written.status == 0)
        #expect(written.out.isEmpty)
        #expect(written.err == "charte importer : 8 étapes, 6 rôles, 26 tâches écrites dans « \(directory)/charte.charte »\n"
                + report)
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

    // MARK: - Bad input

    /// A spreadsheet's own file (`.xlsx` is a zip) or UTF-16 without its mark: refused with
    /// a French message, exit 1, never a charter with NUL characters in its strings.
    @Test func binaryFilesAreRefused() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let utf16 = Array("Étapes\tRôle A\tRôle B\nChoisir\tEnquête\tBilan\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8)
        for (name, bytes) in [("sans-bom.tsv", utf16), ("classeur.xlsx", zip)] {
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
            let result = runCLI(["importer", directory + "/" + name])
            #expect(result.status == 1)
            #expect(result.out.isEmpty)
            #expect(result.err.hasPrefix("charte importer : le fichier n'est pas un tableau en texte (octet nul à la position "))
            #expect(result.err.contains("enregistrez-le depuis le tableur en « CSV UTF-8 » ou en « Texte Unicode »"))
        }
    }

    /// UTF-16 with its byte order mark (Excel's "Texte Unicode") reads as the same table as UTF-8.
    @Test func utf16WithAMarkIsTheSameTable() throws {
        let text = "Étapes\tRôle A\tRôle B\nChoisir\tEnquête avant la fin juin\tBilan\n"
        let little: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let expected = try TableReader.read(bytes: Array(text.utf8), name: "t.tsv").table
        #expect(try TableReader.read(bytes: little, name: "t.tsv").table == expected)
        #expect(try TableReader.read(bytes: big, name: "t.tsv").table == expected)
        #expect(expected.roles == ["Rôle A", "Rôle B"])
        let skeleton = CharterSkeleton(table: expected, source: "t.tsv")
        #expect(skeleton.roles.map(\.id) == ["role_a", "role_b"])
        #expect(skeleton.guesses.filter { !$0.isProposal }.map(\.clause)
                == ["calendrier \"2026-2027\" { zone B  fin_juin \"Fin juin\" 30/06/2027 }", "echeance fin_juin"])
    }

    /// Rows shorter or longer than the header, a row without a step name, control characters
    /// in a cell: every filled cell is a task, extra columns get a name, the text is clean.
    @Test func raggedRowsAndControlCharacters() throws {
        let text = "Étapes\tA\tB\nUn\tx\nDeux\ty\tz\tw\textra\n\tsans nom\u{7}\u{1B}[31m\n"
        let table = try TableReader.read(bytes: Array(text.utf8), name: "t.tsv").table
        #expect(table.roles == ["A", "B", "Colonne 4", "Colonne 5"])
        #expect(table.rows.map(\.cells) == [["x", "", "", ""], ["y", "z", "w", "extra"], ["sans nom\u{7}\u{1B}[31m", "", "", ""]])
        #expect(table.rows.map(\.step) == ["Un", "Deux", "Ligne 4"])
        let skeleton = CharterSkeleton(table: table, source: "t.tsv")
        #expect(skeleton.steps.map { $0.tasks.map(\.id) } == [["x"], ["y", "z", "w", "extra"], ["sans_nom_31m"]])
        #expect(skeleton.steps[2].tasks[0].text == "sans nom[31m")
        #expect(CharterLoader.check(text: skeleton.text).diagnostics.isEmpty)
        #expect(!skeleton.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    // MARK: - Linear work

    /// The importer's work (identifier look-ups and check rounds) grows linearly with the
    /// table, even when every step has the same name: at 1×, 2× and 4× rows it is at most
    /// 2× and 4× (plus a constant). The former identifier maker probed `_2`, `_3`… from the
    /// start for each clash: n² / 2 look-ups for n steps named alike.
    @Test func workIsLinearInTheRows() throws {
        func work(rows: Int) throws -> Int {
            var text = "LES ETAPES\tDirection\tGestionnaire\tDocumentaliste\n"
            for row in 0..<rows {
                let cells = ["Le choix est validé en conseil pédagogique avant la fin juin.",
                             "Le gestionnaire attribue les licences dans le GAR, en collaboration avec la direction.",
                             "Signale au gestionnaire tout départ d'élève dans les trois jours ouvrés."]
                text += "Gérer le fonds\t" + cells[row % 3] + "\t" + cells[(row + 1) % 3] + "\t" + cells[(row + 2) % 3] + "\n"
            }
            let skeleton = CharterSkeleton(table: try TableReader.read(bytes: Array(text.utf8), name: "t.tsv").table, source: "t.tsv")
            #expect(skeleton.steps.count == rows)
            #expect(CharterLoader.check(text: skeleton.text).diagnostics.isEmpty)
            return skeleton.work
        }
        let one = try work(rows: 40), two = try work(rows: 80), four = try work(rows: 160)
        // The constant: the check rounds (at most `maximumRounds` + 1 per import).
        let rounds = SkeletonWriter.maximumRounds + 1
        #expect(two <= 2 * one + 2 * rounds, "travail : \(one), \(two), \(four)")
        #expect(four <= 4 * one + 4 * rounds, "travail : \(one), \(two), \(four)")
        #expect(four >= 4 * 160, "chaque ligne fait au moins quatre identifiants")

        var maker = IdentifierMaker()
        for _ in 0..<1_000 { _ = maker.make(from: "Gérer le fonds", kind: "etape") }
        #expect(maker.probes == 1_999)
        #expect(maker.make(from: "Gérer le fonds", kind: "etape") == "gerer_le_fonds_1001")
    }

    // MARK: - Reading cells

    @Test(arguments: [
        // (cell, label, deadline, delay, actions, councils)
        ("Le choix des ressources sur abonnement est validé en conseil pédagogique.",
         "Le choix des ressources sur abonnement est validé en conseil pédagogique", "", "", "", "conseil_pedagogique!"),
        ("Le gestionnaire effectue les commandes des ressources auprès des éditeurs avant le 4 décembre.",
         "Effectue les commandes des ressources auprès des éditeurs avant le 4…", "le_4_decembre=2026-12-04", "", "commander", ""),
        ("Affecte dans le GAR les licences, dans les trois jours ouvrés suivant l'arrivée d'un élève.",
         "Affecte dans le GAR les licences", "", "3 jours ouvres/arrivee_eleve", "affecter_licence", ""),
        ("La proviseure arrête la liste, votée en conseil d'administration avant la fin juin.",
         "Arrête la liste, votée en conseil d'administration avant la fin juin", "fin_juin=2027-06-30", "", "",
         "conseil_administration!"),
        ("Elle présente le bilan au conseil numérique/pédagogique avant les vacances de Noël.",
         "Présente le bilan au conseil numérique/pédagogique avant les vacances…", "noel - 1 jour", "",
         "", "conseil_numerique,conseil_pedagogique"),
        ("Le CPE signale tout départ d'élève dans les 3 jours.", "Signale tout départ d'élève dans les 3 jours", "",
         "3 jours/depart_eleve", "", ""),
        ("Il paie les factures sous huitaine, au plus tard le 1er mars.", "Paie les factures sous huitaine",
         "le_1_mars=2027-03-01", "8 jours/", "payer_facture", ""),
        ("Les enseignants attribuent et gèrent le suivi des licences dans le GAR avant la fin octobre.",
         "Attribuent et gèrent le suivi des licences dans le GAR avant la fin…", "fin_octobre=2026-10-30", "",
         "attribuer_licence", ""),
        ("La commande est passée par le gestionnaire ; les licences sont validées par la direction.",
         "La commande est passée par le gestionnaire", "", "", "", ""),
    ])
    func cellReadings(cell: String, label: String, deadline: String, delay: String, actions: String, councils: String) {
        let roleKeys = ["Proviseure", "Gestionnaire", "CPE", "Enseignants", "Equipe de direction"].map(CharterSkeleton.keys(naming:))
        // The column's role is the one the cell opens with (Enseignants otherwise).
        let own = ["La proviseure", "Le gestionnaire", "Le CPE", "Les enseignants"].firstIndex { cell.hasPrefix($0) } ?? 3
        let reading = CellReading(text: cell, role: own, roleKeys: roleKeys)
        #expect(reading.label == label)
        let writtenDeadline = reading.deadline.map { found in
            found.expression + (found.entry.map { "=" + $0.date.description } ?? "")
        } ?? ""
        #expect(writtenDeadline == deadline)
        #expect((reading.delay.map { $0.duration + "/" + ($0.trigger?.key ?? "") } ?? "") == delay)
        #expect(reading.actions.map(\.key).joined(separator: ",") == actions)
        #expect(reading.councils.map { $0.key + ($0.validates ? "!" : "") }.joined(separator: ",") == councils)
    }

    @Test(arguments: [
        ("Le professeur documentaliste identifie les gisements, en collaboration avec le référent numérique.", 1,
         "aide referent_numerique"),
        ("Les coordinateurs transmettent au gestionnaire et au chef d'établissement les besoins.", 1,
         "informe gestionnaire,informe direction"),
        ("La direction signale aux documentaliste, gestionnaire et référent numérique tout départ.", 0,
         "informe documentaliste,informe gestionnaire,informe referent_numerique"),
        ("L'administrateur apporte son aide au gestionnaire.", 4, "cite gestionnaire"),
        ("Le référent ouvre les accès, avec l'aide du gestionnaire, et se renseigne auprès de la direction.", 2,
         "aide gestionnaire,consulte direction"),
    ])
    func rolesNamedInACell(cell: String, own: Int, expected: String) {
        let names = ["Équipe de direction", "Professeur-documentaliste", "Référent numérique", "Gestionnaire", "Administrateur de l'ENT"]
        let ids = ["direction", "documentaliste", "referent_numerique", "gestionnaire", "administrateur"]
        let reading = CellReading(text: cell, role: own, roleKeys: names.map(CharterSkeleton.keys(naming:)))
        #expect(reading.mentions.map { "\($0.relation.rawValue) \(ids[$0.role])" }.joined(separator: ",") == expected)
    }

    /// Cells that say the same thing share one action; a second role doing it is only
    /// proposed (without objects the checker could not tell them apart, W502).
    @Test func actionsAreSharedBetweenCells() throws {
        let text = """
            Étapes\tGestionnaire\tDocumentaliste\tDirection
            Licences\tLe gestionnaire attribue les licences des manuels dans le GAR.\tAttribue les licences documentaires au sein du GAR.\tValide les commandes.
            Suivi\tIl attribue les licences des nouveaux élèves dans le GAR.\t\tLa direction valide les commandes urgentes.

            """
        let skeleton = CharterSkeleton(table: try TableReader.read(bytes: Array(text.utf8), name: "t.tsv").table, source: "t.tsv")
        #expect(skeleton.guesses.map { ($0.isProposal ? "# " : "") + $0.clause } == [
            "action attribuer_licence \"Attribuer des licences dans le GAR\"",
            "action valider_commande \"Valider les commandes\"",
            "action attribuer_licence", "# action attribuer_licence", "action valider_commande",
            "action attribuer_licence", "action valider_commande",
        ])
        #expect(skeleton.guesses[3].reason == SkeletonWriter.sharedActionReason("gestionnaire"))
        #expect(CharterLoader.check(text: skeleton.text).diagnostics.isEmpty)
    }
}

import Foundation
import Testing
@testable import Charte

/// The journal as the CI gate: every action row ends permitted, refused, undetermined or not
/// verifiable, and nothing unverified passes; names are read as spreadsheets write them.
@Suite("Journal: fails closed and reads what spreadsheets write")
struct JournalFailClosedTests {
    @Test("a journal written with labels, as a secretary writes it, is checked: its refusals fail the run")
    func labels() {
        let report = checkJournal("""
        Date;Acteur;Action;Catégorie
        2026-09-07;Gestionnaire;Attribuer des licences dans le GAR;Manuel
        2026-09-07;Professeur-documentaliste;Attribuer des licences dans le GAR;Manuel
        2026-09-07;professeur documentaliste;attribuer des licences dans le gar;manuel
        2026-09-07;administrateur de l’ENT;Commander une ressource;
        2026-09-07;M. PETIT;commander une ressource;
        """)
        #expect(report.issues.isEmpty)
        #expect(report.refused.map(\.line) == [3, 4, 5])
        #expect(report.counts.actions == 5)
        #expect(report.counts.permitted == 2)
        #expect(report.counts.refused == 3)
        #expect(report.hasProblems)
    }

    @Test("a row whose actor, action, task or value cannot be read is not verifiable and fails the run", arguments: [
        ("2026-09-04;gestionaire;attribuer_licence;;manuel", "2:acteur_inconnu"),
        ("2026-09-04;gestionnaire;atribuer_licence;;manuel", "2:action_inconnue"),
        ("2026-09-04;gestionnaire;;licence_manuels;", "2:tache_inconnue"),
        ("2026-09-04;gestionnaire;attribuer_licence;;manuels", "2:valeur_invalide"),
        ("2026-09-04;;attribuer_licence;;manuel", "2:acteur_absent"),
    ])
    func unverifiable(_ row: String, _ code: String) {
        let report = checkJournal("date;acteur;action;tache;categorie\n" + row + "\n", at: "2026-09-05")
        #expect(report.issueCodes == [code])
        #expect(report.counts.unverifiable == 1)
        #expect(report.counts.notVerifiable == 1)
        #expect(report.counts.permitted == 0)
        #expect(report.hasProblems)
        // The same journal with the row fixed passes.
        let fixed = checkJournal("date;acteur;action;tache;categorie\n2026-09-04;gestionnaire;attribuer_licence;;manuel\n", at: "2026-09-05")
        #expect(!fixed.hasProblems)
    }

    @Test("a refusal stands even when another cell of the row is invalid")
    func refusedDespiteABadCell() {
        let report = checkJournal("date;acteur;action;abonnement\n2026-09-07;documentaliste;commander;peut-être\n")
        #expect(report.refused.map(\.line) == [2])
        #expect(report.counts.refused == 1)
        #expect(report.counts.unverifiable == 0)
    }

    @Test("an undetermined row fails the run unless tolerated")
    func undeterminedFails() {
        let csv = "date;acteur;action;categorie\n2026-09-04;gestionnaire;attribuer_licence;\n"
        let strict = checkJournal(csv, at: "2026-09-05")
        #expect(strict.counts.undetermined == 1)
        #expect(strict.hasProblems)
        let tolerant = JournalChecker(charter: journalFixture.model, charterSource: journalFixture.file, date: day("2026-09-05"),
                                      toleratesUndetermined: true).check(bytes: Array(csv.utf8))
        #expect(tolerant.counts.undetermined == 1)
        #expect(!tolerant.hasProblems)
    }

    @Test("two actors whose labels fold the same are ambiguous: the row names both and fails")
    func ambiguousLabel() throws {
        let charter = CharterLoader.check(text: """
        role gestionnaire "Gestionnaire"
        role adjoint_gestionnaire "gestionnaire"
        action commander
        autorise gestionnaire commander
        """)
        #expect(!charter.hasErrors)
        let report = JournalChecker(charter: charter.model, charterSource: charter.file, date: day("2026-10-01"))
            .check(bytes: Array("date;acteur;action\n2026-09-07;GESTIONNAIRE ;commander\n2026-09-07;gestionnaire;commander\n".utf8))
        let issue = try #require(report.issues.first)
        #expect(report.issueCodes == ["2:nom_ambigu"])
        #expect(issue.message.contains("acteur « gestionnaire »"))
        #expect(issue.message.contains("« gestionnaire » (adjoint_gestionnaire)"))
        #expect(report.counts.permitted == 1)  // the id written exactly is not ambiguous
        #expect(report.hasProblems)
    }

    @Test("cells are trimmed of no-break spaces; values and headers are matched folded")
    func spreadsheetCells() {
        let report = checkJournal("""
        \u{A0}Date ;Qui;Action ;Abonnement;catégorie\u{202F}
        2026-09-07\u{A0};\u{A0}Mme Martin\u{A0};attribuer_licence;TRUE;DOCUMENTAIRE\u{A0}
        2026-09-07;Mme Martin;attribuer_licence;X;Manuel
        """)
        #expect(report.issues.isEmpty)
        #expect(report.counts.permitted == 1)
        #expect(report.refused.map(\.line) == [3])
        #expect(report.refused.first?.attributes.map(\.raw) == ["manuel", "vrai"])
    }

    @Test("booleans also read TRUE/FALSE and a ticked X", arguments: [
        ("TRUE", true), ("False", false), ("x", true), ("X", true), ("Oui", true), ("Non", false),
    ])
    func spreadsheetBooleans(_ cell: String, _ value: Bool) {
        #expect(JournalCell.boolean(cell) == value)
    }

    @Test("enumeration values are matched without spaces, hyphens or case")
    func foldedEnumeration() {
        #expect(JournalNames.key("Non-nominative") == JournalNames.key("non_nominative"))
        #expect(JournalNames.key("Référent numérique") == JournalNames.key("referent_numerique"))
        #expect(JournalNames.key("l’ENT") == JournalNames.key("l'ent"))
    }

    @Test("the summary counts every kind of row, in text and JSON")
    func summary() throws {
        let csv = """
        date;acteur;action;categorie
        2026-09-04;gestionnaire;attribuer_licence;manuel
        2026-09-04;documentaliste;attribuer_licence;manuel
        2026-09-04;gestionnaire;attribuer_licence;
        2026-09-04;inconnu;attribuer_licence;manuel
        31/02/2026;gestionnaire;attribuer_licence;manuel
        """
        let report = checkJournal(csv, at: "2026-09-05")
        let text = JournalTextRenderer(charter: journalFixture.model, charterName: "c", journalName: "j").render(report)
        #expect(text.contains("5 lignes : 3 actions vérifiées (1 autorisée, 1 refusée, 1 indéterminée), 0 événement, "
                              + "0 tâche marquée faite, 1 ligne non vérifiable, 1 ligne non lue."))
        #expect(text.contains("Bilan : 1 action refusée, 0 tâche en retard, 2 lignes non vérifiables, 1 action indéterminée,"))
        let json = JournalJSONRenderer(charter: journalFixture.model, charterName: "c", journalName: "j").render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let lines = try #require(object["lignes"] as? [String: Int])
        #expect(lines["autorisees"] == 1 && lines["refusees"] == 1 && lines["indeterminees"] == 1)
        #expect(lines["non_verifiables"] == 1 && lines["ignorees"] == 1)
        let summary = try #require(object["bilan"] as? [String: Any])
        #expect(summary["non_verifiables"] as? Int == 2)
        #expect(object["code_de_sortie"] as? Int == 1)
    }
}

/// The CSV traps: a stray quote, text after a quote, one bad byte, Excel's "Texte Unicode".
@Suite("Journal: quoting and encoding never hide rows")
struct JournalCSVTrapTests {
    /// A journal whose rows 3 and 4 are refusals, after a row whose comment opens a quote.
    static let strayQuote = #"""
    date;acteur;action;categorie;commentaire
    2026-09-04;gestionnaire;attribuer_licence;manuel;"Le gestionnaire était en formation
    2026-09-04;documentaliste;attribuer_licence;manuel;
    2026-09-04;documentaliste;attribuer_licence;manuel;"dit ""urgent"""
    """#

    @Test("a stray quote does not swallow the rows after it: they are read, the broken row is not read and fails")
    func strayQuote() {
        let report = checkJournal(Self.strayQuote, at: "2026-09-05")
        #expect(report.issueCodes == ["2:guillemet_deborde"])
        #expect(report.refused.map(\.line) == [3, 4])
        #expect(report.counts.skipped == 1)
        #expect(report.counts.rows == 3)
        #expect(report.hasProblems)
        // Whatever the chunks.
        let bytes = Array(Self.strayQuote.utf8)
        for size in [1, 2, 7, 64] {
            var reader = try? CSVReader(source: MemoryByteSource(bytes, chunkSize: size))
            var lines: [Int] = []
            while reader?.next() == true { lines.append(reader?.currentLine ?? 0) }
            #expect(lines == [1, 3, 4], "chunk \(size)")
        }
    }

    @Test("a legitimate cell on two lines is still one field")
    func multiLineCell() {
        let report = checkJournal("date;acteur;action;categorie;commentaire\n2026-09-04;documentaliste;attribuer_licence;manuel;\"ligne un\nligne deux\"\n", at: "2026-09-05")
        #expect(report.issues.isEmpty)
        #expect(report.refused.map(\.line) == [2])
    }

    @Test("text after a closing quote: that row is not read, the next one is")
    func textAfterQuote() {
        let report = checkJournal("""
        date;acteur;action;categorie
        2026-09-04;"documentaliste"x;attribuer_licence;manuel
        2026-09-04;documentaliste;attribuer_licence;manuel
        """, at: "2026-09-05")
        #expect(report.issueCodes == ["2:texte_apres_guillemet"])
        #expect(report.refused.map(\.line) == [3])
        #expect(report.counts.skipped == 1)
        #expect(report.hasProblems)
    }

    @Test("a quote never closed: the rows after it are read again")
    func unclosedAtTheEnd() {
        let report = checkJournal("date;acteur;action;categorie\n2026-09-04;gestionnaire;attribuer_licence;\"manuel\n2026-09-04;documentaliste;attribuer_licence;manuel\n", at: "2026-09-05")
        #expect(report.issueCodes == ["2:guillemet_deborde"])
        #expect(report.refused.map(\.line) == [3])
    }

    @Test("one bad byte in a UTF-8 journal: that row is reported and not read, accents elsewhere stay right")
    func oneBadByte() {
        let bytes = Array("date;acteur;action;catégorie\n2026-09-04;Mme Martin;attribuer_licence;manuel\n2026-09-04;gestionnaire;attribuer_licence;manuel ".utf8)
            + [0xFF] + Array("\n".utf8)
        let report = JournalChecker(charter: journalFixture.model, charterSource: journalFixture.file, date: day("2026-09-05"))
            .check(bytes: bytes)
        #expect(report.encoding == .utf8)
        #expect(report.issueCodes == ["3:octets_invalides"])
        #expect(report.refused.map(\.line) == [2])  // `Mme Martin` and `catégorie` were read as UTF-8
        #expect(report.counts.skipped == 1)
        #expect(report.hasProblems)
    }

    @Test("a Windows-1252 journal is still read as a whole, no-break spaces trimmed")
    func windows1252() {
        let bytes = Array("date;acteur;action;cat".utf8) + [0xE9] + Array("gorie\n2026-09-04;documentaliste".utf8) + [0xA0]
            + Array(";attribuer_licence;manuel\n".utf8)
        let report = JournalChecker(charter: journalFixture.model, charterSource: journalFixture.file, date: day("2026-09-05"))
            .check(bytes: bytes)
        #expect(report.encoding == .windows1252)
        #expect(report.issueCodes == ["1:encodage"])
        #expect(report.refused.map(\.line) == [2])
    }

    @Test("UTF-16 with its byte order mark (Excel's Texte Unicode) is read", arguments: [true, false])
    func utf16(littleEndian: Bool) {
        let text = "date\tacteur\taction\tcatégorie\n2026-09-04\tMme Martin\tattribuer_licence\tmanuel\n2026-09-04\t😀\tattribuer_licence\tmanuel\n"
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let options = CSVOptions(separators: [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")])
        for size in [1, 3, 1 << 16] {
            guard var reader = try? CSVReader(source: MemoryByteSource(bytes, chunkSize: size), options: options) else {
                Issue.record("unreadable")
                return
            }
            let report = JournalChecker(charter: journalFixture.model, charterSource: journalFixture.file, date: day("2026-09-05"))
                .check(&reader)
            #expect(report.encoding == (littleEndian ? .utf16LE : .utf16BE))
            #expect(report.refused.map(\.line) == [2], "chunk \(size)")
            #expect(report.issues.map(\.message) == ["acteur inconnu « 😀 » : l'autorisation n'a pas pu être vérifiée"], "chunk \(size)")
        }
    }
}

import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

/// `charte exporter --format ics [--acteur X]`: the whole calendar and one person's, as golden
/// files, and the names `--acteur` accepts.
@Suite("ICS calendars per person")
struct ICSAttendeeTests {
    static let fixture = "Tests/CharteTests/Fixtures/export/college-essai.charte"
    static let golden = "Tests/CharteTests/Fixtures/export/golden/"

    static func checked() throws -> CheckedCharter {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repositoryPath(fixture))))
        return try #require(CharterLoader.check(bytes: bytes, name: fixture).checked)
    }

    /// The calendar with CRLF shown as LF, so the golden file reads as text.
    static func readable(_ ics: String) -> String { ics.replacing("\r\n", with: "\n") }

    @Test("the whole calendar lists its event-triggered tasks in X-WR-CALDESC")
    func wholeCalendar() throws {
        let text = ICSExport.render(try Self.checked())
        expectGolden(Self.readable(text), Self.golden + "college-essai.ics.txt")
        let lines = ICSWriter.unfold(text).components(separatedBy: "\r\n")
        let note = try #require(lines.first { $0.hasPrefix("X-WR-CALDESC:") })
        #expect(note.contains("- Signaler les mouvements d'élèves : sous 3 jours après chaque «\u{00A0}Arrivée ou départ d'un élève\u{00A0}» (responsable : Équipe de direction)"))
        #expect(note.contains("- Réaffecter les licences : sous 1 semaine après chaque"))
    }

    @Test("one calendar per actor or person, by id, label or name, case and accents aside", arguments: [
        ("gestion", "college-essai.gestion.ics.txt"),
        ("mme blanc", "college-essai.mme-blanc.ics.txt"),
    ])
    func attendeeCalendar(name: String, goldenName: String) throws {
        let checked = try Self.checked()
        guard case .found(let attendee) = CalendarAttendee.resolve(name, in: checked) else {
            Issue.record("« \(name) » must resolve")
            return
        }
        expectGolden(Self.readable(ICSExport.render(checked, attendee: attendee)), Self.golden + goldenName)
    }

    @Test("every spelling of an actor gives the same calendar", arguments: ["gestion", "GESTION", "Gestionnaire", "gestionnaire"])
    func spellings(name: String) throws {
        let checked = try Self.checked()
        guard case .found(let attendee) = CalendarAttendee.resolve(name, in: checked),
              case .found(let reference) = CalendarAttendee.resolve("gestion", in: checked) else {
            Issue.record("« \(name) » must resolve")
            return
        }
        #expect(attendee.actors == reference.actors)
        #expect(attendee.displayName == "Gestionnaire")
        #expect(attendee.uidToken == "gestion")
    }

    @Test("only the tasks where the attendee holds a letter, directly or through an instance")
    func letters() throws {
        let checked = try Self.checked()
        guard case .found(let gestion) = CalendarAttendee.resolve("gestion", in: checked) else {
            Issue.record("gestion must resolve")
            return
        }
        #expect(gestion.letters.keys.sorted() == ["commandes", "licences_manuels", "mouvements", "pilotage", "reaffecter", "selection"])
        #expect(gestion.letters["selection"] == .init(letter: .approver, holder: "Conseil d'administration", throughInstance: true))
        #expect(gestion.role(gestion.letters["selection"]!) == "approbateur (Conseil d'administration, dont vous êtes membre)")
        #expect(gestion.role(gestion.letters["commandes"]!) == "responsable")
        let events = ICSWriter.unfold(ICSExport.render(checked, attendee: gestion)).components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(events == ["UID:pilotage.college-essai.gestion@charte", "UID:selection.college-essai.gestion@charte",
                           "UID:commandes.college-essai.gestion@charte", "UID:licences_manuels.college-essai.gestion@charte"])
    }

    @Test("an unknown actor is refused with the close names")
    func unknown() throws {
        #expect(CalendarAttendee.resolve("gestoin", in: try Self.checked()) == .unknown(suggestions: ["gestion"]))
        let result = runCLI(["exporter", repositoryPath(Self.fixture), "--format", "ics", "--acteur", "gestoin"])
        #expect(result.status == ExitCode.problems)
        #expect(result.out.isEmpty)
        #expect(result.err == """
        charte exporter : aucun acteur ni personne « gestoin » dans \(repositoryPath(Self.fixture)) ; vouliez-vous dire « gestion » ?
          Acteurs de la charte : direction, doc, gestion, coord, ca, editeur

        """)
    }

    @Test("--acteur is for the ics format only; the format may come from -o")
    func usage() throws {
        let result = runCLI(["exporter", repositoryPath(Self.fixture), "--format", "html", "--acteur", "gestion"])
        #expect(result.status == ExitCode.usage)
        #expect(result.err.hasPrefix("charte exporter : l'option --acteur ne vaut que pour le format ics\n"))
        let through = runCLI(["exporter", repositoryPath(Self.fixture), "--acteur", "Mme Blanc", "-o", "-", "--format", "ics"])
        #expect(through.status == ExitCode.success)
        #expect(through.out.contains("X-WR-CALNAME:Échéances de Mme Blanc — Collège « Les <Essais> » & Cie\r\n"))
    }
}

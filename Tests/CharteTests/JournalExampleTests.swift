import Foundation
import Testing
@testable import Charte

/// The bundled example charter and its example journal (rules/), checked against golden files.
/// Skipped, not failed, while the example charter is absent.
private let exampleCharter = "rules/etablissement-exemple.charte"
private let exampleJournal = "rules/journal-2026-2027.csv"
private let exampleDate = "2027-05-24"
private let examplesPresent = FileManager.default.fileExists(atPath: repositoryPath(exampleCharter))
    && FileManager.default.fileExists(atPath: repositoryPath(exampleJournal))

@Suite("Journal: the bundled example", .enabled(if: examplesPresent, "rules/etablissement-exemple.charte is absent"))
struct JournalExampleTests {
    let loaded: LoadedCharter?
    let report: JournalReport?

    init() {
        loaded = try? CharterLoader.load(path: repositoryPath(exampleCharter))
        report = loaded.flatMap { loaded in
            try? JournalChecker(charter: loaded.model, charterSource: loaded.file, date: day(exampleDate))
                .check(path: repositoryPath(exampleJournal))
        }
    }

    @Test("the example charter has no error")
    func charterIsClean() throws {
        let loaded = try #require(loaded)
        #expect(!loaded.hasErrors)
    }

    @Test("the report, as text")
    func text() throws {
        let (loaded, report) = (try #require(loaded), try #require(report))
        var renderer = JournalTextRenderer(charter: loaded.model, charterName: exampleCharter, journalName: exampleJournal)
        renderer.width = 80  // as `charte journal` prints it when not on a terminal
        let text = renderer.render(report)
        expectGolden(text, "Tests/CharteTests/Golden/journal/journal-2026-2027.texte.attendu")
    }

    @Test("the report, as JSON")
    func json() throws {
        let (loaded, report) = (try #require(loaded), try #require(report))
        let json = JournalJSONRenderer(charter: loaded.model, charterName: exampleCharter, journalName: exampleJournal).render(report)
        expectGolden(json, "Tests/CharteTests/Golden/journal/journal-2026-2027.json.attendu")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }

    @Test("the agenda to the end of June")
    func agenda() throws {
        let (loaded, report) = (try #require(loaded), try #require(report))
        let agenda = Agenda(charter: loaded.model, instances: report.instances, date: day(exampleDate), until: day("2027-06-30"))
        var renderer = AgendaTextRenderer(charter: loaded.model, charterName: exampleCharter, journalName: exampleJournal)
        renderer.width = 80  // as `charte agenda` prints it when not on a terminal
        let text = renderer.render(agenda)
        expectGolden(text, "Tests/CharteTests/Golden/journal/agenda-2026-2027.texte.attendu")
    }

    @Test("the calendar of the charter's deadlines")
    func calendar() throws {
        let loaded = try #require(loaded)
        expectGolden(ICSExport.render(loaded.model, fileName: exampleCharter),
                     "Tests/CharteTests/Golden/journal/etablissement-exemple.ics.attendu")
    }

    @Test("the example shows every kind of finding")
    func coverage() throws {
        let report = try #require(report)
        #expect(report.encoding == .utf8)
        #expect(report.separator == UInt8(ascii: ";"))
        #expect(!report.refused.isEmpty && !report.undecided.isEmpty && !report.outOfOrder.isEmpty && !report.issues.isEmpty)
        for status in DeadlineStatus.allCases {
            #expect(!report.instances(status).isEmpty, "no instance \(status)")
        }
        #expect(report.instances.contains { $0.occurrence > 0 && $0.status == .overdue })
        #expect(report.hasProblems)
    }
}

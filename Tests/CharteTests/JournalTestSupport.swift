import Foundation
@testable import Charte

/// The small charter of the journal tests (Tests/CharteTests/Fixtures/journal-petit.charte).
let journalFixturePath = repositoryPath("Tests/CharteTests/Fixtures/journal-petit.charte")

/// The fixture, loaded once.
let journalFixture: LoadedCharter = {
    guard let loaded = try? CharterLoader.load(path: journalFixturePath) else {
        return CharterLoader.check(text: "", name: "absent")
    }
    return loaded
}()

/// A date written `AAAA-MM-JJ` in a test.
func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(iso: Substring(text)) else { preconditionFailure("bad test date \(text)") }
    return date
}

/// Checks a journal written as text against the fixture at a date.
func checkJournal(_ csv: String, at date: String = "2026-10-01", charter: LoadedCharter = journalFixture) -> JournalReport {
    JournalChecker(charter: charter.model, charterSource: charter.file, date: day(date)).check(bytes: Array(csv.utf8))
}

/// The line of the first occurrence of a text in the fixture.
func fixtureLine(of text: String) -> Int? {
    let lines = (try? String(contentsOfFile: journalFixturePath, encoding: .utf8))?.components(separatedBy: "\n") ?? []
    return lines.firstIndex { $0.contains(text) }.map { $0 + 1 }
}

extension JournalReport {
    /// The instances of a task, as `occurrence:status:days`.
    func statuses(of task: String, in charter: Charter = journalFixture.model) -> [String] {
        instances.filter { charter.tasks[$0.task].id == task }.map { "\($0.occurrence):\($0.status.rawValue):\($0.days)" }
    }

    /// The issues as `line:code`.
    var issueCodes: [String] { issues.map { "\($0.line):\($0.code)" } }
}

/// Writes text to a fresh temporary file and returns its path.
func temporaryFile(_ name: String, _ bytes: [UInt8]) -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charte-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent(name).path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}

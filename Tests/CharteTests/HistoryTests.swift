import Testing
import Foundation
@testable import CharteCLI

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory(_ name: String = "charte") -> String {
    let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The permission bits of a file.
private func mode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
}

struct HistoryTests {
    @Test func collapsesDuplicatesAndSkipsBlankLines() {
        var history = History(entries: ["qui a", "qui b", "qui a", "  ", ""])
        #expect(history.entries == ["qui b", "qui a"])
        history.add("qui b")
        #expect(history.entries == ["qui a", "qui b"])
        history.add("")
        history.add("deux\nlignes")
        #expect(history.count == 2)
    }

    @Test func keepsOnlyTheNewestEntries() {
        var history = History(limit: 3)
        for index in 1...5 { history.add("qui \(index)") }
        #expect(history.entries == ["qui 3", "qui 4", "qui 5"])
        #expect(History(entries: (1...1500).map { "q\($0)" }).count == History.defaultLimit)
    }

    @Test(arguments: [
        (["XDG_STATE_HOME": "/etat", "HOME": "/home/marie"], "/etat/charte/historique"),
        (["HOME": "/home/marie"], "/home/marie/.local/state/charte/historique"),
        (["XDG_STATE_HOME": "relatif", "HOME": "/home/marie"], "/home/marie/.local/state/charte/historique"),
        (["XDG_STATE_HOME": ""], nil),
        ([:], nil),
    ] as [([String: String], String?)])
    func findsItsLocation(environment: [String: String], path: String?) {
        #expect(HistoryFile.defaultPath(environment: environment) == path)
    }
}

struct HistoryFileTests {
    @Test func createsItsDirectoryAndAPrivateFile() throws {
        let state = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let path = try #require(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": state]))
        let file = HistoryFile(path: path)
        #expect(file.load().entries.isEmpty)
        #expect(throws: Never.self) { try file.append("qui preter").get() }
        #expect(mode(path) == 0o600)
        #expect(mode(state + "/charte") == 0o700)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "qui preter\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: state + "/charte")
        #expect(leftovers == ["historique"])
    }

    @Test func survivesAcrossSessions() throws {
        let state = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let path = state + "/charte/historique"
        let first = HistoryFile(path: path)
        _ = first.append("qui preter livre(genre: album)")
        _ = first.append("peut doc preter")
        _ = first.append("qui preter livre(genre: album)")
        let second = HistoryFile(path: path)
        #expect(second.load().entries == ["peut doc preter", "qui preter livre(genre: album)"])
        var editor = LineEditor(history: second.load())
        _ = editor.handle(.up)
        #expect(editor.line == "qui preter livre(genre: album)")
    }

    @Test func aWiderFileBecomesPrivateWhenRewritten() throws {
        let state = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let path = state + "/historique"
        try "ancien\n".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        _ = HistoryFile(path: path).append("nouveau")
        #expect(mode(path) == 0o600)
        #expect(HistoryFile(path: path).load().entries == ["ancien", "nouveau"])
    }

    @Test func staysBounded() throws {
        let state = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let file = HistoryFile(path: state + "/historique", limit: 2)
        for query in ["a", "b", "c"] { _ = file.append(query) }
        #expect(file.load().entries == ["b", "c"])
    }

    @Test func reportsAnUnwritableLocation() throws {
        let state = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        try "pas un dossier".write(toFile: state + "/charte", atomically: false, encoding: .utf8)
        let result = HistoryFile(path: state + "/charte/historique").append("qui")
        #expect(throws: HistoryFileError.cannotCreateDirectory(path: state + "/charte")) { try result.get() }
    }
}

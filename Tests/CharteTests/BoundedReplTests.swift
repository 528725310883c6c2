import Testing
import Foundation
import Charte
@testable import CharteCLI

/// Issue 12, item 7: the REPL's history file and standard input are bounded, a history file
/// that is not a regular file is refused (never read, never written, never waited on), and
/// sessions running at the same time keep each other's lines.
@Suite struct BoundedReplTests {
    @Test func aFIFOHistoryIsRefusedWithoutWaiting() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/historique"
        #expect(mkfifo(path, 0o600) == 0)
        // Without a writer, opening the FIFO to read it would wait forever.
        let file = HistoryFile(path: path)
        #expect(file.read() == .failure(.notRegular(path: path)))
        #expect(file.load().entries.isEmpty)
        #expect(throws: HistoryFileError.notRegular(path: path)) { try file.append("qui preter").get() }
        #expect(HistoryFileError.notRegular(path: path).message
            == "l'historique « \(path) » n'est pas un fichier ordinaire (tube, périphérique, dossier) : il n'est ni lu ni écrit")
    }

    @Test func aHistoryLinkedToDevZeroIsRefused() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/historique"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        // Read whole, /dev/zero would fill memory.
        #expect(HistoryFile(path: path).read() == .failure(.notRegular(path: path)))
        #expect(throws: HistoryFileError.notRegular(path: path)) { try HistoryFile(path: path).append("qui").get() }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == "/dev/zero")
    }

    @Test func aHistoryDirectoryIsRefused() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/historique", withIntermediateDirectories: false)
        #expect(HistoryFile(path: folder + "/historique").read() == .failure(.notRegular(path: folder + "/historique")))
    }

    @Test func onlyTheEndOfAHugeHistoryIsRead() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/historique"
        // 3 MiB of lines: only the last 64 KiB are read, from a line start.
        let lines = (0..<100_000).map { "qui tache_\($0) -- \(String(repeating: "x", count: 16))" }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let history = try HistoryFile(path: path, limit: 100_000, maximumBytes: 64 * 1024).read().get()
        #expect(history.entries.last == lines.last)
        #expect(history.count < 2000 && history.count > 1000)
        #expect(history.entries.allSatisfy { lines.contains($0) })
    }

    @Test func appendsAreCompactedPastHalfTheLimit() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/historique"
        let file = HistoryFile(path: path, limit: 5, maximumBytes: 256)
        for index in 0..<200 { try file.append("requete \(index % 50)").get() }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size <= 128 + 16)
        #expect(file.load().entries == ["requete 45", "requete 46", "requete 47", "requete 48", "requete 49"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["historique"])
    }

    @Test func twoSessionsAtOnceKeepEveryLine() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/charte/historique"
        // Two sessions opened together, then typing at the same time.
        let first = HistoryFile(path: path, limit: 1000), second = HistoryFile(path: path, limit: 1000)
        _ = first.load()
        _ = second.load()
        DispatchQueue.concurrentPerform(iterations: 2) { session in
            let file = session == 0 ? first : second
            for index in 0..<150 { _ = file.append("session \(session) ligne \(index)") }
        }
        let entries = Set(HistoryFile(path: path, limit: 1000).load().entries)
        let expected = Set((0..<2).flatMap { session in (0..<150).map { "session \(session) ligne \($0)" } })
        #expect(entries == expected)
    }

    @Test func aSecondSessionSeesTheFirstOnesLinesAfterItsOwn() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/historique"
        let first = HistoryFile(path: path), second = HistoryFile(path: path)
        try first.append("qui a").get()
        try second.append("qui b").get()
        try first.append("qui c").get()
        try second.append("qui a").get()
        #expect(HistoryFile(path: path).load().entries == ["qui b", "qui c", "qui a"])
    }

    // MARK: - Standard input

    @Test func aTooLongLineOfStandardInputIsDroppedWithAMessage() {
        let file = TemporaryCharter(replCharterText)
        let long = "qui " + String(repeating: "x", count: 70_000)
        let result = runCLI(["repl", file.path], input: [long, "taches direction"])
        #expect(result.err == "Ligne trop longue (70004 octets, limite 65536) : elle est ignorée.\n")
        #expect(result.out.hasPrefix("Fiche de poste de « Équipe de direction »"))
        #expect(result.status == 1)
    }

    @Test func theProcessReadsAHugeLineWithoutKeepingIt() throws {
        let file = TemporaryCharter(replCharterText)
        // 8 MiB on one line, then a query: the line is dropped, the query answered.
        let stdin = String(repeating: "y", count: 8 << 20) + "\r\ntaches direction\r\n"
        let result = try runBinary(["repl", file.path], stdin: stdin)
        #expect(result.err == "Ligne trop longue (8388609 octets, limite 65536) : elle est ignorée.\n")
        #expect(result.out.hasPrefix("Fiche de poste de « Équipe de direction »"))
    }

    @Test func theLineEditorStopsAtTheLimit() {
        var editor = LineEditor()
        editor.maximumLength = 3
        #expect(editor.handle(.character("q")) == .redraw)
        #expect(editor.handle(.character("u")) == .redraw)
        #expect(editor.handle(.character("i")) == .redraw)
        #expect(editor.handle(.character("x")) == .bell)
        #expect(editor.line == "qui")
        #expect(LineEditor().maximumLength == Limits.standard.inputLine)
    }
}

import Testing
import Foundation
@testable import Charte
#if canImport(Glibc)
import Glibc
#endif

/// Nothing lost: `charte fmt --write` killed at any moment leaves either the original or the
/// complete new file, and writes nowhere but beside its target (the temporary file).
@Suite(.enabled(if: charteBinary() != nil), .serialized) struct RobustnessWriteTests {
    /// A large valid charter in a messy layout, so formatting and writing take a while.
    static let messy: String = {
        var text = "role   r \"R\"\n"
        for step in 0..<150 {
            text += "etape e\(step)  {\n"
            for task in 0..<40 { text += "tache  t\(step)_\(task) \"Tâche\"{responsable r   note \"n\"}\n" }
            text += "}\n"
        }
        return text
    }()

    /// Every file under a directory, with its bytes (sorted by path).
    static func snapshot(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path) ?? Data()
            }
        }
        return files
    }

    @Test func aWriteKilledAtAnyMomentLosesNothing() throws {
        let binary = try #require(charteBinary())
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/chartes", elsewhere = root + "/ailleurs"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try Data("voisin\n".utf8).write(to: URL(fileURLWithPath: elsewhere + "/voisin.txt"))
        let path = directory + "/charte.charte"
        let original = Data(Self.messy.utf8)
        let formatted = try #require(Formatter.format(text: Self.messy).text)
        #expect(Data(formatted.utf8) != original)

        var random = SeededGenerator(state: 7)
        var outcomes: [String: Int] = [:]
        for attempt in 0..<16 {
            try original.write(to: URL(fileURLWithPath: path))
            for leftover in try FileManager.default.contentsOfDirectory(atPath: directory) where leftover != "charte.charte" {
                try FileManager.default.removeItem(atPath: directory + "/" + leftover)
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["fmt", "--write", path]
            process.currentDirectoryURL = URL(fileURLWithPath: elsewhere)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill at a spread of moments: before, during and after the write.
            usleep(UInt32(attempt == 0 ? 0 : Int.random(in: 0...1_200_000, using: &random)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let now = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(now == original || now == Data(formatted.utf8), "essai \(attempt) : fichier partiel (\(now.count) octets)")
            outcomes[now == original ? "original" : "formaté", default: 0] += 1
            // Only the target and, when killed mid-write, its temporary file beside it.
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name != "charte.charte" {
                #expect(name.hasPrefix(".charte.charte.tmp-"), "fichier inattendu : \(name)")
            }
            #expect(Self.snapshot(elsewhere) == ["voisin.txt": Data("voisin\n".utf8)])
            #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["ailleurs", "chartes"])
        }
        #expect(outcomes.values.reduce(0, +) == 16)
    }

    @Test(arguments: [WriteFault.create, .write, .sync, .rename])
    func aFailedWriteTouchesNothingElse(fault: WriteFault) throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/chartes", withIntermediateDirectories: true)
        let path = root + "/chartes/charte.charte"
        try Data(Self.messy.utf8).write(to: URL(fileURLWithPath: path))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/voisin.txt"))
        let before = Self.snapshot(root)
        #expect(throws: WriteError.self) { try FileAccess.writeAtomically(Array("nouveau".utf8), to: path, fault: fault) }
        #expect(Self.snapshot(root) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/chartes") == ["charte.charte"])
    }

    @Test func aSuccessfulWriteChangesOnlyItsTarget() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/charte.charte"
        try Data("role   r\n".utf8).write(to: URL(fileURLWithPath: path))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/voisin.txt"))
        let result = try runBinary(["fmt", "--write", path])
        #expect(result.status == 0)
        #expect(Self.snapshot(root) == ["charte.charte": Data("role r\n".utf8), "voisin.txt": Data("x".utf8)])
    }
}

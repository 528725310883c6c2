import Testing
import Foundation
@testable import Charte
import CharteCLI

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("charte-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func write(_ text: String, _ path: String) throws {
    try text.write(toFile: path, atomically: false, encoding: .utf8)
}

private func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

private let messy = "role   a \"A\"\netape e{tache t{responsable a}}\n"
private let tidy = "role a \"A\"\n\netape e {\n  tache t {\n    responsable a\n  }\n}\n"
private let broken = "role a \"A\netape e { tache t { responsable a } }\n"

@Suite struct FormatCommandTests {
    @Test func printsToStandardOutput() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write(messy, directory + "/a.charte")
        let result = runCLI(["fmt", directory + "/a.charte"])
        #expect(result.status == 0)
        #expect(result.out == tidy)
        #expect(read(directory + "/a.charte") == messy)
    }

    @Test func checkListsFilesThatWouldChange() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write(messy, directory + "/a.charte")
        try write(tidy, directory + "/b.charte")
        let result = runCLI(["fmt", "--check", directory + "/a.charte", directory + "/b.charte"])
        #expect(result.status == 1)
        #expect(result.out == directory + "/a.charte\n")
        #expect(read(directory + "/a.charte") == messy)
        #expect(runCLI(["fmt", "--check", directory + "/b.charte"]).status == 0)
    }

    @Test func writeReplacesChangedFilesOnly() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write(messy, directory + "/a.charte")
        try write(tidy, directory + "/b.charte")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: directory + "/a.charte")
        let result = runCLI(["fmt", "--write", directory + "/a.charte", directory + "/b.charte"])
        #expect(result.status == 0)
        #expect(result.out == directory + "/a.charte\n")
        #expect(read(directory + "/a.charte") == tidy)
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/a.charte")[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(runCLI(["fmt", "--check", directory + "/a.charte"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["a.charte", "b.charte"])
    }

    @Test func refusesSyntaxErrors() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try write(broken, directory + "/c.charte")
        for flags in [["--write"], ["--check"], []] {
            let result = runCLI(["fmt"] + flags + [directory + "/c.charte"])
            #expect(result.status == 1)
            #expect(result.out.isEmpty)
            #expect(result.err.contains("erreur[E002]"))
            #expect(read(directory + "/c.charte") == broken)
        }
        let gcc = runCLI(["fmt", "--format", "gcc", directory + "/c.charte"])
        #expect(gcc.err.hasPrefix(directory + "/c.charte:1:8: error:"))
    }

    @Test func usageErrors() {
        #expect(runCLI(["fmt"]).status == 2)
        #expect(runCLI(["fmt", "--check", "--write", "x.charte"]).status == 2)
        let missing = runCLI(["fmt", "/nonexistent/x.charte"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("impossible de lire"))
        #expect(runCLI(["fmt", "--help"]).out.contains("charte fmt [--check|--diff|--write] FICHIER…"))
    }

    @Test func binaryFormatsTheBundledCharters() throws {
        guard charteBinary() != nil else { return }
        let paths = allCharterPaths().filter { $0.contains("/rules/") && !$0.contains("exemples-erreurs") }
        for path in paths {
            let result = try runBinary(["fmt", path])
            #expect(result.status == 0, "\(path): \(result.err)")
            #expect(Formatter.format(text: result.out).text == result.out)
        }
    }
}

@Suite struct AtomicWriteTests {
    @Test(arguments: [WriteFault.create, .write, .sync, .rename])
    func failureLeavesTheOriginalIntact(fault: WriteFault) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/charte.charte"
        try write("original\n", path)
        #expect(throws: WriteError.self) {
            try FileAccess.writeAtomically(Array("nouveau\n".utf8), to: path, fault: fault)
        }
        #expect(read(path) == "original\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["charte.charte"])
    }

    @Test func failureMessageIsFrench() {
        let error = WriteError(path: "x.charte", reason: "permission refusée")
        #expect(error.message == "impossible d'écrire « x.charte » : permission refusée (le fichier d'origine, s'il existe, est intact)")
    }

    @Test func readOnlyDirectoryLeavesTheOriginalIntact() throws {
        // Root ignores directory permissions: the injected faults above cover that case.
        guard getuid() != 0 else { return }
        let directory = try makeTemporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
            try? FileManager.default.removeItem(atPath: directory)
        }
        let path = directory + "/charte.charte"
        try write(messy, path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory)
        let result = runCLI(["fmt", "--write", path])
        #expect(result.status == 2)
        #expect(result.err.contains("permission refusée"))
        #expect(read(path) == messy)
    }

    @Test func createsAndReplacesThroughSymbolicLinks() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileAccess.writeAtomically("un\n", to: directory + "/nouveau.txt")
        #expect(read(directory + "/nouveau.txt") == "un\n")
        try FileManager.default.createSymbolicLink(atPath: directory + "/lien.txt", withDestinationPath: directory + "/nouveau.txt")
        try FileAccess.writeAtomically("deux\n", to: directory + "/lien.txt")
        #expect(read(directory + "/nouveau.txt") == "deux\n")
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/lien.txt")
        #expect(destination == directory + "/nouveau.txt")
        #expect(throws: WriteError.self) { try FileAccess.writeAtomically("x", to: directory) }
        #expect(throws: WriteError.self) { try FileAccess.writeAtomically("x", to: directory + "/absent/x.txt") }
    }
}

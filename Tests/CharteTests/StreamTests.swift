import Foundation
import Testing
@testable import Charte
import CharteCLI

/// Runs a shell line in the repository with the built binary as `$CHARTE`; its exit status and stderr.
private func shell(_ line: String) throws -> (status: Int32, err: String) {
    guard let binary = charteBinary() else { throw BinaryMissing() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", "set -o pipefail; " + line]
    process.environment = ["CHARTE": binary, "NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
    process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// `-` for standard input, `-o -` for standard output, and write errors on standard output.
@Suite("Streams: standard input and output", .enabled(if: charteBinary() != nil, "the charte binary is not built"))
struct StreamTests {
    static let charter = "Tests/CharteTests/Fixtures/journal-petit.charte"
    static let journal = "date;acteur;action;categorie\n2026-09-04;documentaliste;attribuer_licence;manuel\n"

    @Test("`-` reads the journal from standard input (a pipe, read once)")
    func journalFromStandardInput() throws {
        let result = try runBinary(["journal", Self.charter, "-", "--date", "2026-09-05"], stdin: Self.journal)
        #expect(result.status == 1)
        #expect(result.out.hasPrefix("Journal « - » au samedi 5 septembre 2026"))
        #expect(result.out.contains("Actions refusées (1)"))
        #expect(result.err.isEmpty)
    }

    @Test("`-` reads the charter from standard input, for every command reading one")
    func charterFromStandardInput() throws {
        let text = try String(contentsOfFile: repositoryPath(Self.charter), encoding: .utf8)
        #expect(try runBinary(["verifier", "-"], stdin: text).status == 0)
        #expect(try runBinary(["qui", "-", "attribuer_licence"], stdin: text).status == 0)
        let exported = try runBinary(["exporter", "-", "--format", "json", "-o", "-"], stdin: text)
        #expect(exported.status == 0)
        #expect(exported.out.hasPrefix("{"))
        let journal = temporaryFile("j.csv", Array(Self.journal.utf8))
        #expect(try runBinary(["journal", "-", journal, "--date", "2026-09-05"], stdin: text).out.contains("Actions refusées (1)"))
    }

    @Test("a pipe given by path (<(…), /dev/stdin) is read once, never rewound")
    func pipesByPath() throws {
        let pipe = try shell("$CHARTE journal \(Self.charter) <(printf '\(Self.journal.replacingOccurrences(of: "\n", with: "\\n"))') --date 2026-09-05")
        #expect(pipe.status == 1)
        #expect(pipe.err.isEmpty)
        let devStdin = try shell("printf '\(Self.journal.replacingOccurrences(of: "\n", with: "\\n"))' | $CHARTE journal \(Self.charter) /dev/stdin --date 2026-09-05")
        #expect(devStdin.status == 1)
        #expect(devStdin.err.isEmpty)
    }

    @Test("standard input cannot be both the charter and the journal")
    func standardInputOnce() throws {
        let result = try runBinary(["journal", "-", "-"], stdin: "")
        #expect(result.status == 2)
        #expect(result.err.contains("ne peut être lue qu'une fois"))
    }

    @Test("a full disk on standard output is a French error and exit 2, never exit 0", arguments: [
        "journal \(charter) rules/journal-2026-2027.csv --date 2026-09-01", "verifier rules/etablissement-exemple.charte --format json",
        "exporter rules/etablissement-exemple.charte --format json",
    ])
    func fullDisk(_ command: String) throws {
        let result = try shell("$CHARTE \(command) > /dev/full")
        #expect(result.status == 2)
        #expect(result.err.contains("impossible d'écrire sur la sortie standard : plus de place sur le disque"))
    }

    @Test("a closed pipe on standard output is a French error and exit 2")
    func closedPipe() throws {
        let result = try shell("$CHARTE journal rules/etablissement-exemple.charte rules/journal-2026-2027.csv --date 2027-05-24 | true")
        #expect(result.status == 2)
        #expect(result.err.contains("la sortie a été fermée"))
    }

    @Test("in process: a failed write turns any exit code into 2")
    func inProcess() {
        let console = Console.capture()
        console.simulateOutputFailure(28)  // ENOSPC
        #expect(CLI.run(["verifier", repositoryPath(Self.charter)], console: console) == 2)
        #expect(console.capturedErr.contains("plus de place sur le disque"))
    }
}

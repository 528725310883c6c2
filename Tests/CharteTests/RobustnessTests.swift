import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

/// Regressions: each crash or hang found by fuzzing or by the stress shapes
/// (`scripts/stress.py`), with the smallest input that showed it.
@Suite struct RobustnessTests {
    private static let head = "role r\nobjet o { x: booleen }\naction a sur o\n"

    /// Found by `stress.py chain-et`: 3 million `et` built a tree as deep as the chain, and
    /// the typer's recursion overflowed the stack (segmentation fault).
    @Test func aLongChainOfOperatorsIsALimitNotAStackOverflow() {
        let chain = (0..<200_000).map { _ in "x" }.joined(separator: " et\n")
        #expect(underlined(Self.head + "autorise r a si " + chain) == ["E013 et"])
    }

    /// Found by `stress.py clause-actions`: a task's clauses were or-ed into a chain for the
    /// coverage analysis, then evaluated recursively (segmentation fault). Same for `qui`.
    @Test func manyActionClausesAreEvaluatedWithoutDeepRecursion() throws {
        let clauses = String(repeating: "action a si x\n", count: 100_000)
        let loaded = check(Self.head + "etape e { tache t { responsable r\n\(clauses)} }")
        #expect(loaded.diagnostics.map(\.code) == [.W501])
        let engine = QueryEngine(try loaded.requireChecked())
        guard case .who(let answer) = try engine.answer("qui a o(x: vrai)") else {
            Issue.record("qui doit répondre")
            return
        }
        #expect(answer.results.map(\.task) == ["t"])
    }

    // These tests assert the answers on the inputs that once took quadratic time; the time
    // itself is measured by `scripts/stress.py` and `charte-bench`, never in a unit test
    // (a loaded CI machine would make a timed test flaky).

    /// Found by `stress.py apres-chain`: the cycle search looked tasks up on its path linearly
    /// (quadratic, 100 s on 15 MiB).
    @Test func longPrerequisiteChainsWithBackEdgesStayFast() {
        let tasks = (0..<20_000).map { "tache t\($0) { responsable r apres t\($0 + 1), t\(max($0 - 1, 0)) }" }
        let loaded = check("role r\netape e {\n" + tasks.joined(separator: "\n") + "\n}")
        #expect(loaded.diagnostics.contains { $0.code == .E305 })
        #expect(loaded.diagnostics.contains { $0.message == .tooManyDiagnostics(errors: 19_001, warnings: 0, limit: 1000) })
    }

    /// Found by `stress.py deadline-prerequisites`: each deadline walked every prerequisite
    /// without a deadline again (quadratic); E400 now spends a bounded budget.
    @Test func deadlinesBehindLongChainsStayFast() {
        var lines = (0..<30_000).map { "tache p\($0) { responsable r apres p\($0 + 1) }" }
        lines.append("tache p30000 { responsable r echeance 2026-09-01 }")
        lines += (0..<3_000).map { "tache d\($0) { responsable r apres p0 echeance 2026-01-01 }" }
        let loaded = check("role r\netape e {\n" + lines.joined(separator: "\n") + "\n}")
        #expect(loaded.diagnostics.contains { $0.code == .E400 })
    }

    /// Found by `stress.py task-actions`: W502 compares every pair of tasks of an action
    /// (quadratic); the analysis now has a budget and skips what would exceed it.
    @Test func manyTasksOfOneActionStayFast() {
        let tasks = (0..<5_000).map { "tache t\($0) { responsable r action a si x }" }
        let loaded = check(Self.head + "etape e {\n" + tasks.joined(separator: "\n") + "\n}")
        #expect(!loaded.hasErrors)
    }

    /// Found by `stress.py invalid-utf8` and `dollars`: one diagnostic per byte filled gigabytes.
    @Test func floodsOfInvalidBytesStayBounded() {
        let bytes = [UInt8](repeating: 0xFF, count: 100_000) + Array("\n$".utf8) + [UInt8](repeating: 0x0A, count: 2) + [0xFE]
        let codes = underlined(bytes: bytes)
        #expect(codes == ["E005 " + String(repeating: "\u{FFFD}", count: 100_000), "E001 $", "E005 \u{FFFD}"])
    }

    /// `charte verifier /dev/zero` read forever; files are now read up to the size limit only.
    @Test func endlessFilesAreReadUpToTheLimit() throws {
        guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
        let result = runCLI(["verifier", "--format", "gcc", "--taille-max", "64K", "/dev/zero"])
        #expect(result.status == 1)
        #expect(result.err == "/dev/zero:1:1: error: fichier trop grand (plus de 65536 octets) [E013]\n")
        var limits = Limits()
        limits.fileSize = 1000
        let loaded = try CharterLoader.load(path: "/dev/zero", limits: limits)
        #expect(loaded.diagnostics.map(\.message) == [.inputTooLarge(limit: 1000)])
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSize() throws {
        let path = temporaryFile("grande.charte", Array(String(repeating: "role r\n", count: 300).utf8))
        let result = runCLI(["verifier", "--format", "gcc", "--taille-max", "1K", path])
        #expect(result.status == 1)
        #expect(result.err == "\(path):1:1: error: fichier trop grand (2100 octets, limite 1024) [E013]\n")
        #expect(runCLI(["verifier", "--taille-max", "4K", path]).status == 1)  // E101 duplicates, but read
        let outcome = try Formatter.format(path: path, limits: { var l = Limits(); l.fileSize = 1024; return l }())
        #expect(outcome.result == .syntaxErrors([Diagnostic(.fileTooLarge(size: 2100, limit: 1024), at: Span(file: outcome.file.id, start: 0, end: 0))]))
    }

    @Test(arguments: [("1024", 1024), ("64K", 65_536), ("64k", 65_536), ("16M", 16_777_216), ("16Mo", 16_777_216),
                      ("16Mio", 16_777_216), ("2KiB", 2048), ("1G", 1_073_741_824), ("100o", 100), ("1Ko", 1024), ("3gio", 3 << 30)])
    func sizeOptionValues(text: String, bytes: Int) throws {
        #expect(try SizeOption.parse(text, default: 1) == bytes)
    }

    @Test(arguments: ["", "0", "-1", "1X", "M", "1.5M", "99999999999999999999G", "9999999999999G", "16 M", "1Mx", "Ko"])
    func sizeOptionRefusals(text: String) {
        #expect(throws: UsageError.self) { try SizeOption.parse(text, default: 1) }
        #expect(runCLI(["verifier", "--taille-max", text, "rules/college-petit.charte"]).status == 2)
    }
}

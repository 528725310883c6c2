import Testing
import Foundation
@testable import Charte
import CharteCLI

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

/// A path inside the repository.
func repositoryPath(_ relative: String) -> String { repositoryRoot + "/" + relative }

/// Compares `actual` with the golden file at `relative` (from the repository root).
///
/// With `CHARTE_REGOLDEN=1` in the environment the golden file is rewritten instead,
/// so a reviewer reads the change as a diff.
func expectGolden(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = repositoryPath(relative)
    if ProcessInfo.processInfo.environment["CHARTE_REGOLDEN"] == "1" {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("golden file missing: \(relative) (run with CHARTE_REGOLDEN=1 to create it)", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "golden mismatch: \(relative)", sourceLocation: sourceLocation)
}

/// The result of running the CLI in-process.
struct CLIResult {
    let status: Int32
    let out: String
    let err: String
}

/// Runs `charte` in-process with a captured console.
func runCLI(_ arguments: [String], input: [String] = [], environment: [String: String] = [:]) -> CLIResult {
    let console = Console.capture(environment: environment, input: input)
    let status = CLI.run(arguments, console: console)
    return CLIResult(status: status, out: console.capturedOut, err: console.capturedErr)
}

/// The built `charte` binary, for black-box tests.
func charteBinary() -> String? {
    let candidates = [".build/debug/charte", ".build/release/charte"].map(repositoryPath)
    let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("charte").path
    return ([bundle] + candidates).first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs the built binary as a separate process.
func runBinary(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"], stdin: String? = nil) throws -> CLIResult {
    guard let binary = charteBinary() else { throw BinaryMissing() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                     err: String(decoding: errData, as: UTF8.self))
}

struct BinaryMissing: Error {}

/// Checks a charter given as text.
func check(_ text: String, name: String = "test.charte") -> LoadedCharter {
    CharterLoader.check(text: text, name: name)
}

/// The codes of a charter's diagnostics, in order.
func codes(_ text: String) -> [String] {
    check(text).diagnostics.map(\.code.rawValue)
}

/// The text underlined by each diagnostic, with its code: `E100 documentalist`.
func underlined(_ text: String) -> [String] {
    let loaded = check(text)
    return loaded.diagnostics.map { "\($0.code.rawValue) \(loaded.file.text($0.span.range))" }
}

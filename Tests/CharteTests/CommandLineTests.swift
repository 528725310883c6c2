import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

@Suite struct CommandLineTests {
    @Test func helpAndVersion() {
        let help = runCLI(["--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("verifier"))
        #expect(runCLI(["--version"]).out == "charte \(CLI.version)\n")
        let commandHelp = runCLI(["verifier", "--help"])
        #expect(commandHelp.status == 0)
        #expect(commandHelp.out.hasPrefix("Usage : charte verifier"))
    }

    @Test func unknownCommandAndFlagExitTwo() {
        let command = runCLI(["verifer"])
        #expect(command.status == 2)
        #expect(command.err.contains("commande inconnue « verifer »"))
        #expect(command.err.contains("Vouliez-vous dire « verifier » ?"))
        let flag = runCLI(["verifier", "--stric", "x.charte"])
        #expect(flag.status == 2)
        #expect(flag.err.contains("option inconnue « --stric » (vouliez-vous dire « --strict » ?)"))
        #expect(runCLI(["verifier", "--format", "xml", "x.charte"]).status == 2)
        #expect(runCLI(["verifier"]).status == 2)
        #expect(runCLI([]).status == 2)
    }

    @Test func verifierExitCodes() {
        let clean = runCLI(["verifier", repositoryPath("rules/etablissement-exemple.charte")])
        #expect(clean.status == 0)
        #expect(clean.err == "0 erreur, 0 avertissement\n")
        let error = runCLI(["verifier", repositoryPath("rules/exemples-erreurs/E100-acteur-inconnu.charte")])
        #expect(error.status == 1)
        let warning = repositoryPath("rules/exemples-erreurs/W302-acteur-inutilise.charte")
        #expect(runCLI(["verifier", warning]).status == 0)
        #expect(runCLI(["check", "--strict", warning]).status == 1)
        #expect(runCLI(["verifier", "/nonexistent/x.charte"]).status == 2)
        #expect(runCLI(["verifier", repositoryPath("rules")]).status == 2)
    }

    @Test func gccFormatIsOneLinePerDiagnostic() {
        let result = runCLI(["verifier", "--format=gcc", "rules/exemples-erreurs/E100-acteur-inconnu.charte"])
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("rules/exemples-erreurs/E100-acteur-inconnu.charte:") == true)
        #expect(lines.first?.hasSuffix("[E100]") == true)
    }
}

/// Runs the real binary: stdout, stderr and exit code as a user sees them.
@Suite(.enabled(if: charteBinary() != nil)) struct BinaryTests {
    @Test func verifierOnTheBundledCharter() throws {
        let result = try runBinary(["verifier", "rules/etablissement-exemple.charte"])
        #expect(result.status == 0)
        #expect(result.out == "")
        #expect(result.err == "0 erreur, 0 avertissement\n")
    }

    @Test func noColourWhenNotATerminal() throws {
        let result = try runBinary(["verifier", "rules/exemples-erreurs/E101-declaration-en-double.charte"], environment: [:])
        #expect(result.status == 1)
        #expect(!result.err.contains("\u{1B}["))
        #expect(result.err.hasPrefix("erreur[E101]"))
    }

    @Test func unknownCommand() throws {
        let result = try runBinary(["bonjour"])
        #expect(result.status == 2)
        #expect(result.out == "")
        #expect(result.err.contains("commande inconnue"))
    }
}

@Suite struct ExportIcsCommandTests {
    @Test func exporterWritesTheCalendar() throws {
        let result = runCLI(["exporter", repositoryPath("rules/etablissement-exemple.charte"), "--format", "ics"])
        #expect(result.status == 0)
        let loaded = try CharterLoader.load(path: repositoryPath("rules/etablissement-exemple.charte"))
        let charter = try #require(loaded.checked?.model)
        #expect(result.out == ICSExport.render(charter, fileName: repositoryPath("rules/etablissement-exemple.charte")))
        #expect(result.out.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        let dated = charter.tasks.filter { $0.deadline != nil && $0.trigger == nil }.count
        #expect(result.out.components(separatedBy: "BEGIN:VEVENT").count - 1 == dated)
    }

    @Test func theExtensionOfTheOutputChoosesIcs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charte-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("echeances.ics").path
        #expect(runCLI(["exporter", repositoryPath("rules/college-petit.charte"), "-o", output]).status == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["echeances.ics"])
    }
}

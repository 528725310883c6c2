#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Charte

/// `demarrage`: `charte verifier rules/etablissement-exemple.charte` as a whole process,
/// against the start-up of an empty Swift program compiled on the spot with `swiftc -O`.
struct StartupSuite {
    let report: Report
    let quick: Bool

    func run() {
        let charte = Processes.charteBinary
        let charter = "rules/etablissement-exemple.charte"
        guard Processes.isExecutable(charte), FileAccess.read(charter) != nil else {
            report.note("démarrage non mesuré : construisez d'abord charte (swift build -c release) et lancez depuis la racine du dépôt")
            return
        }
        guard let empty = StartupSuite.emptyProgram() else {
            report.note("démarrage non mesuré : swiftc introuvable pour compiler un programme vide")
            return
        }
        report.progress("démarrage : \(charte)…")
        let runs = quick ? 5 : 60
        // Warm the page cache, then alternate so both see the same machine state.
        _ = Processes.run(empty, [], captureOutput: false)
        _ = Processes.run(charte, ["verifier", charter], captureOutput: false)
        var emptyTimes: [Double] = [], charteTimes: [Double] = []
        var failures = 0
        for _ in 0..<runs {
            emptyTimes.append(Clock.time { if Processes.run(empty, [], captureOutput: false) == nil { failures += 1 } })
            charteTimes.append(Clock.time { if Processes.run(charte, ["verifier", charter], captureOutput: false) == nil { failures += 1 } })
        }
        report.check(failures == 0, "démarrage : \(failures) exécutions en échec")
        let emptySpread = Spread(emptyTimes), charteSpread = Spread(charteTimes)
        report.add("demarrage.programme_vide", "processus", emptySpread.scaled(by: 1e3), "ms")
        report.add("demarrage.charte_verifier", "exemple", charteSpread.scaled(by: 1e3), "ms")
        let ratio = charteSpread.median / emptySpread.median
        report.add("demarrage.rapport", "verifier / vide", Spread(median: ratio, min: ratio, max: ratio), "x")
    }

    /// An empty Swift program, compiled once into the temporary directory.
    static func emptyProgram() -> String? {
        let directory = Processes.scratchFolder()
        let binary = directory + "/programme-vide"
        if Processes.isExecutable(binary) { return binary }
        guard let swiftc = Processes.which("swiftc") else { return nil }
        let source = directory + "/programme-vide.swift"
        let descriptor = open(source, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return nil }
        _ = write(descriptor, "// empty\n", 9)
        close(descriptor)
        guard Processes.run(swiftc, ["-O", source, "-o", binary], captureOutput: false) != nil else { return nil }
        return Processes.isExecutable(binary) ? binary : nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Charte

/// `verifier`: lex + parse + check of generated charters, end to end and phase by phase,
/// with the floor (counting the newlines of the same bytes) and the peak memory.
struct VerifierSuite {
    let report: Report
    let quick: Bool
    /// The numbers of tasks measured, when not the default ones.
    var sizes: [Int]?

    /// No size limit: the largest generated charter is bigger than the default 16 MiB.
    static var limits: Limits {
        var limits = Limits()
        limits.fileSize = Int.max
        return limits
    }

    /// The floor: a plain loop over the same bytes.
    static func countNewlines(_ bytes: [UInt8]) -> Int {
        var count = 0
        for byte in bytes where byte == 10 { count += 1 }
        return count
    }

    func run() {
        let sizes = self.sizes ?? (quick ? [200, 2_000] : [1_000, 10_000, 100_000])
        var medians: [Int: Double] = [:]
        for size in sizes {
            report.progress("verifier : \(size) tâches…")
            let bytes = CharterGenerator.verifierCharter(tasks: size)
            let label = "\(size) taches"
            let repetitions = quick ? 2 : size >= 100_000 ? 5 : size >= 10_000 ? 7 : 15
            let megabytes = Double(bytes.count) / 1e6

            // The answer first: a generated charter checks clean, with every task.
            let loaded = CharterLoader.check(bytes: bytes, name: "genere-\(size).charte", limits: VerifierSuite.limits)
            let codes = Set(loaded.diagnostics.map(\.code.rawValue)).sorted()
            report.check(loaded.diagnostics.isEmpty, "verifier \(size) : la charte générée a des diagnostics \(codes)")
            report.check(loaded.model.tasks.count == size, "verifier \(size) : \(loaded.model.tasks.count) tâches au lieu de \(size)")

            var lines = 0
            let floor = Spread(Clock.repeated(repetitions * 3) { lines = VerifierSuite.countNewlines(bytes) })
            report.check(lines > size, "verifier \(size) : plancher incohérent")
            let floorRate = floor.inverted(times: megabytes)

            // As `charte verifier` does with its last file, the result is not freed piece by
            // piece (the process exits): the repetitions' results are freed after the timing,
            // so each repetition works in fresh memory, as a process does. Freeing in place is
            // measured apart (`verifier.liberation`).
            var diagnostics = -1
            var results: [LoadedCharter] = []
            results.reserveCapacity(repetitions)
            let times = Clock.repeatedWithProcessorTime(repetitions) {
                let loaded = CharterLoader.check(bytes: bytes, name: "genere.charte", limits: VerifierSuite.limits)
                diagnostics = loaded.diagnostics.count
                results.append(loaded)
            }
            results.removeAll()
            let total = Spread(times.wall)
            report.check(diagnostics == 0, "verifier \(size) : diagnostics à la mesure")
            medians[size] = total.median
            let rate = total.inverted(times: megabytes)
            report.add("verifier", label, rate, "Mo/s", floor: rate.median / floorRate.median)
            report.add("verifier", label, total.scaled(by: 1e6 / Double(size)), "µs/tache")
            // Megabytes per second of processor time : what the work costs,
            // whatever else the machine runs meanwhile.
            report.add("verifier.cpu", label, Spread(times.processor).inverted(times: megabytes), "Mo/s cpu")

            // What freeing the result costs when it is done in place (an embedding program
            // dropping its charter), apart from the end-to-end time above.
            let releasing = Spread((0..<max(1, repetitions / 2)).map { _ in
                var loaded: LoadedCharter? = CharterLoader.check(bytes: bytes, name: "genere.charte", limits: VerifierSuite.limits)
                report.check(loaded?.model.tasks.count == size, "verifier \(size) : libération d'une charte incomplète")
                return Clock.time { loaded = nil }
            })
            report.add("verifier.liberation", label, releasing.scaled(by: 1e3), "ms")

            // Phase by phase, each on the output of the previous one.
            let file = SourceFile(id: FileID(0), name: "genere.charte", bytes: bytes)
            var tokenCount = 0
            let lexing = Spread(Clock.repeated(repetitions) { tokenCount = Lexer.tokenize(file).tokens.count })
            report.check(tokenCount > size * 5, "verifier \(size) : trop peu de jetons (\(tokenCount))")
            let lexer = Lexer.tokenize(file)
            var declarationCount = 0
            let parsing = Spread(Clock.repeated(repetitions) {
                declarationCount = Parser.parse(lexer, file: file.id).tree?.declarations.count ?? 0
            })
            let parser = Parser.parse(lexer, file: file.id)
            let tree = parser.tree ?? SyntaxTree(declarations: [], file: file.id)
            report.check(declarationCount == tree.declarations.count, "verifier \(size) : analyse instable")
            var taskCount = 0
            let checking = Spread(Clock.repeated(repetitions) {
                taskCount = Checker.check(tree, damage: SyntaxDamage(names: parser.damagedNames)).charter.tasks.count
            })
            report.check(taskCount == size, "verifier \(size) : vérification incomplète")
            for (phase, spread) in [("lexer", lexing), ("parseur", parsing), ("checker", checking)] {
                let phaseRate = spread.inverted(times: megabytes)
                report.add("verifier.\(phase)", label, phaseRate, "Mo/s", floor: phaseRate.median / floorRate.median)
            }
            report.add("plancher (lignes)", label, floorRate, "Mo/s")

            // Peak memory, measured in a fresh process (`charte-bench --interne-memoire N`) so
            // earlier sizes do not hide it.
            if let peak = Processes.numberFromChild(["--interne-memoire", String(size)]) {
                report.addPeakMemory("verifier", label, bytes: peak, fileSize: bytes.count)
            } else {
                report.note("mémoire de pointe non mesurée pour \(size) tâches (/proc indisponible)")
            }
            report.note("verifier \(size) tâches : fichier de \(Report.number(megabytes)) Mo, \(Report.grouped(lines)) lignes.")
            if size == sizes.last { wholeProcess(bytes: bytes, label: label, repetitions: quick ? 1 : 3) }
        }
        if sizes.count >= 2, let small = medians[sizes[sizes.count - 2]], let large = medians[sizes[sizes.count - 1]], small > 0 {
            let ratio = large / small
            report.add("verifier.linearite", "\(sizes[sizes.count - 1]) / \(sizes[sizes.count - 2])",
                       Spread(median: ratio, min: ratio, max: ratio), "x")
        }
        exampleCharter()
    }

    /// A phase of the verifier, for `--profiler`.
    enum Phase: String {
        case lexer, parseur, checker, tout
    }

    /// Runs one phase `repetitions` times on a generated charter and measures nothing: the
    /// workload to run under a profiler (`perf record`, `valgrind --tool=callgrind`).
    static func profile(_ phase: Phase, tasks: Int, repetitions: Int) {
        let bytes = CharterGenerator.verifierCharter(tasks: tasks)
        let file = SourceFile(id: FileID(0), name: "genere.charte", bytes: bytes)
        let parser = Parser.parse(Lexer.tokenize(file), file: file.id)
        let tree = parser.tree ?? SyntaxTree(declarations: [], file: file.id)
        var total = 0
        for _ in 0..<repetitions {
            switch phase {
            case .lexer: total += Lexer.tokenize(file).tokens.count
            case .parseur: total += Parser.parse(Lexer.tokenize(file), file: file.id).tree?.declarations.count ?? 0
            case .checker: total += Checker.check(tree, damage: SyntaxDamage(names: parser.damagedNames)).charter.tasks.count
            case .tout:
                let loaded = CharterLoader.check(bytes: bytes, name: "genere.charte", limits: limits)
                total += loaded.model.tasks.count
            }
        }
        output("\(total)\n")
    }

    /// `charte verifier` on the largest generated charter, as a whole process: start-up,
    /// reading the file, checking, the summary and the exit.
    func wholeProcess(bytes: [UInt8], label: String, repetitions: Int) {
        let charte = Processes.charteBinary
        guard Processes.isExecutable(charte) else {
            report.note("processus non mesuré : construisez d'abord charte (swift build -c release)")
            return
        }
        let path = Processes.scratchFolder() + "/genere.charte"
        guard (try? FileAccess.writeAtomically(bytes, to: path)) != nil else {
            report.note("processus non mesuré : \(path) ne peut pas être écrit")
            return
        }
        defer { unlink(path) }
        let arguments = ["verifier", path, "--taille-max", String(bytes.count)]
        _ = Processes.run(charte, arguments, captureOutput: false)   // the file into the page cache
        var failures = 0
        let times = Clock.repeated(repetitions) {
            if Processes.run(charte, arguments, captureOutput: false) == nil { failures += 1 }
        }
        report.check(failures == 0, "verifier (processus) : \(failures) exécutions en échec")
        report.add("verifier.processus", label, Spread(times).inverted(times: Double(bytes.count) / 1e6), "Mo/s")
    }

    /// The bundled example charter, in process (what `charte verifier` spends after start-up).
    func exampleCharter() {
        let path = "rules/etablissement-exemple.charte"
        guard let bytes = FileAccess.read(path) else {
            report.note("\(path) absent : charte d'exemple non mesurée")
            return
        }
        let loaded = CharterLoader.check(bytes: bytes, name: path)
        report.check(!loaded.hasErrors, "\(path) a des erreurs")
        var count = 0
        let repetitions = quick ? 20 : 200
        let total = Spread(Clock.repeated(repetitions) { count += CharterLoader.check(bytes: bytes, name: path).diagnostics.count })
        var lines = 0
        let floor = Spread(Clock.repeated(repetitions) { lines = VerifierSuite.countNewlines(bytes) })
        report.check(lines > 0 && count >= 0, "exemple : plancher incohérent")
        report.add("verifier", "exemple (\(bytes.count / 1000) ko)", total.scaled(by: 1e6), "µs",
                   floor: floor.median / total.median)
    }

    /// The child side: prints the peak resident memory of verifying (input bytes included), in bytes.
    ///
    /// The peak is the kernel's high-water mark reset just before verifying, minus what the
    /// process held before the input was generated, so the input itself is counted.
    static func measurePeakMemory(size: Int) -> String {
        let before = Memory.status("VmRSS") ?? 0
        let bytes = CharterGenerator.verifierCharter(tasks: size)
        let reset = Memory.resetPeak()
        let loaded = CharterLoader.check(bytes: bytes, name: "genere.charte", limits: limits)
        guard let peak = Memory.status("VmHWM"), loaded.model.tasks.count == size else { return "" }
        // Without a reset the high-water mark includes generating the input: still an upper bound.
        _ = reset
        return String(max(0, peak - before))
    }
}

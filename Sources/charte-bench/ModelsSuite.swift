import Charte

/// `modeles`: checking a school's adaptation (model read and applied) against checking its
/// flattened equivalent (`charte aplatir`), on the bundled adaptations, each read from the disk.
///
/// Target from the models issue: the adaptation costs at most 20% more than the flattened
/// charter, in the same run. Every answer is checked: the flattened charter checks clean and
/// its tests give the same results as the adaptation's.
struct ModelsSuite {
    let report: Report
    let quick: Bool

    static let overheadTarget = 1.20
    static let model = "rules/modeles/academie-exemple.charte"
    static let schools = ["rules/modeles/college-adapte.charte", "rules/modeles/lycee-adapte.charte"]

    func run() {
        guard FileAccess.read(ModelsSuite.model) != nil else {
            report.note("modeles : modèle fourni introuvable (lancer depuis la racine du projet), mesure omise")
            return
        }
        for path in ModelsSuite.schools {
            report.progress("modeles : \(path)…")
            // Both sides read their files from the disk, as `charte verifier` does: the
            // adaptation its own file and its model (found beside it), the flattened charter one file.
            guard let adapted = try? CharterLoader.load(path: path, limits: VerifierSuite.limits).checked else {
                report.check(false, "modeles \(path) : la charte adaptée a des erreurs")
                continue
            }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let flatPath = Processes.scratchFolder() + "/aplatie-" + name
            guard JournalSuite.write(Array(Flattening.text(of: adapted).utf8), to: flatPath),
                  let flattened = try? CharterLoader.load(path: flatPath, limits: VerifierSuite.limits).checked,
                  flattened.warnings.isEmpty else {
                report.check(false, "modeles \(path) : la charte aplatie ne se vérifie pas sans diagnostic")
                continue
            }
            let same = ModelsSuite.results(QueryEngine(adapted).runTests()) == ModelsSuite.results(QueryEngine(flattened).runTests())
            report.check(same, "modeles \(path) : la charte aplatie ne donne pas les mêmes réponses")
            let repetitions = quick ? 3 : 300
            // Interleaved in pairs, each side first in turn, so a change of the machine's load
            // weighs on both alike; the ratio judged is the median of the pairs' ratios.
            var adaptation: [Double] = [], flatOnly: [Double] = [], ratios: [Double] = []
            for round in 0..<repetitions {
                let adapt = { Clock.time { _ = try? CharterLoader.load(path: path, limits: VerifierSuite.limits) } }
                let flat = { Clock.time { _ = try? CharterLoader.load(path: flatPath, limits: VerifierSuite.limits) } }
                let (a, f) = round % 2 == 0 ? (adapt(), flat()) : { let f = flat(); return (adapt(), f) }()
                adaptation.append(a)
                flatOnly.append(f)
                if f > 0 { ratios.append(a / f) }
            }
            let a = Spread(adaptation), f = Spread(flatOnly)
            report.add("modeles", "\(name) adaptée", a.scaled(by: 1e3), "ms")
            report.add("modeles", "\(name) aplatie", f.scaled(by: 1e3), "ms")
            let ratio = ratios.isEmpty ? 1 : Spread(ratios).median
            let minima = f.min > 0 ? a.min / f.min : 1
            report.note("modeles \(name) : l'adaptation coûte \(Report.number(ratio)) fois la charte aplatie "
                        + "(médiane de \(ratios.count) paires ; rapport des minima \(Report.number(minima)) ; cible ≤ \(Report.number(ModelsSuite.overheadTarget)))")
            // Timing targets are judged on full runs only: the quick mode is for the answers.
            if !quick { report.check(ratio <= ModelsSuite.overheadTarget, "modeles \(name) : surcoût de l'adaptation au-delà de 20 %") }
        }
    }

    /// The answers of a test run, without their positions (they differ between the two files).
    static func results(_ report: TestReport) -> [String] { Flattening.answers(of: report) }
}

import Charte

/// `modeles`: checking a school's adaptation (model read and applied) against checking its
/// flattened equivalent (`charte aplatir`), on the bundled adaptations.
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
        guard let modelBytes = FileAccess.read(ModelsSuite.model) else {
            report.note("modeles : modèle fourni introuvable (lancer depuis la racine du projet), mesure omise")
            return
        }
        let search = ModelSearch(files: [ModelsSuite.model: modelBytes], readsDisk: false)
        for path in ModelsSuite.schools {
            guard let bytes = FileAccess.read(path) else { continue }
            report.progress("modeles : \(path)…")
            guard let adapted = CharterLoader.check(bytes: bytes, name: path, limits: VerifierSuite.limits, models: search).checked else {
                report.check(false, "modeles \(path) : la charte adaptée a des erreurs")
                continue
            }
            let flat = Array(Flattening.text(of: adapted).utf8)
            guard let flattened = CharterLoader.check(bytes: flat, name: "aplatie.charte", limits: VerifierSuite.limits).checked,
                  flattened.warnings.isEmpty else {
                report.check(false, "modeles \(path) : la charte aplatie ne se vérifie pas sans diagnostic")
                continue
            }
            let same = ModelsSuite.results(QueryEngine(adapted).runTests()) == ModelsSuite.results(QueryEngine(flattened).runTests())
            report.check(same, "modeles \(path) : la charte aplatie ne donne pas les mêmes réponses")
            let repetitions = quick ? 3 : 25
            // Interleaved, so a change of the machine's load weighs on both alike.
            var adaptation: [Double] = [], flatOnly: [Double] = []
            for _ in 0..<repetitions {
                adaptation += Clock.repeated(1) { _ = CharterLoader.check(bytes: bytes, name: path, limits: VerifierSuite.limits, models: search) }
                flatOnly += Clock.repeated(1) { _ = CharterLoader.check(bytes: flat, name: "aplatie.charte", limits: VerifierSuite.limits) }
            }
            let a = Spread(adaptation), f = Spread(flatOnly)
            let name = path.split(separator: "/").last.map(String.init) ?? path
            report.add("modeles", "\(name) adaptée", a.scaled(by: 1e3), "ms")
            report.add("modeles", "\(name) aplatie", f.scaled(by: 1e3), "ms")
            let ratio = f.median > 0 ? a.median / f.median : 1
            report.note("modeles \(name) : l'adaptation coûte \(Report.number(ratio)) fois la charte aplatie (cible ≤ \(Report.number(ModelsSuite.overheadTarget)))")
            // Timing targets are judged on full runs only: the quick mode is for the answers.
            if !quick { report.check(ratio <= ModelsSuite.overheadTarget, "modeles \(name) : surcoût de l'adaptation au-delà de 20 %") }
        }
    }

    /// The answers of a test run, without their positions (they differ between the two files).
    static func results(_ report: TestReport) -> [String] { Flattening.answers(of: report) }
}

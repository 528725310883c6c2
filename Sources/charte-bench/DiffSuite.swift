import Charte

/// `diff`: `CharterDiff` as `charte diff` computes it (both charters checked, then compared).
///
/// Targets from the revision issue: the bundled charters in at most 50 ms; a charter of 5,000
/// rules against a copy with 1% of its rules changed in at most 2 s. Every answer is checked:
/// a charter compared with itself gives an empty diff (for the bundled charters and every
/// generated charter of the benchmark), and the 1% revision gives a non-empty one that lists
/// permission changes.
struct DiffSuite {
    let report: Report
    let quick: Bool

    static let bundledTargetMilliseconds = 50.0
    static let rulesTargetSeconds = 2.0

    func run() {
        bundled()
        models()
        revision(rules: quick ? 500 : 5_000)
        selfDiffs()
    }

    /// Loads and checks a charter, or records a failure.
    func checked(_ bytes: [UInt8], name: String) -> CheckedCharter? {
        let loaded = CharterLoader.check(bytes: bytes, name: name, limits: VerifierSuite.limits)
        guard let checked = loaded.checked else {
            report.check(false, "diff \(name) : la charte a des erreurs")
            return nil
        }
        return checked
    }

    /// Both files read, checked and compared, as the command does (minus printing).
    func timedDiff(_ old: [UInt8], _ new: [UInt8], name: String, repetitions: Int) -> (Spread, CharterDiff?) {
        var last: CharterDiff?
        let spread = Spread(Clock.repeated(repetitions) {
            guard let before = checked(old, name: name + " (ancienne)"), let after = checked(new, name: name + " (nouvelle)") else { return }
            last = CharterDiff(old: before, new: after)
        })
        return (spread, last)
    }

    func bundled() {
        let names = ["etablissement-exemple", "college-petit", "lycee-region"]
        let files = names.compactMap { name in FileAccess.read("rules/\(name).charte").map { (name, $0) } }
        guard files.count == names.count else {
            report.note("diff : chartes fournies introuvables (lancer depuis la racine du projet), mesure omise")
            return
        }
        var worst = 0.0
        for (name, bytes) in files {
            report.progress("diff : \(name)…")
            let (spread, diff) = timedDiff(bytes, bytes, name: name, repetitions: quick ? 3 : 15)
            report.check(diff?.isEmpty == true, "diff \(name) : une charte comparée à elle-même n'est pas vide")
            report.add("diff", "\(name) / elle-meme", spread.scaled(by: 1e3), "ms")
            worst = max(worst, spread.median * 1e3)
        }
        // A real revision: the example charter against the lycée's, two different charters.
        let (spread, diff) = timedDiff(files[0].1, files[2].1, name: "exemple → lycée", repetitions: quick ? 3 : 15)
        report.check(diff.map { !$0.isEmpty } == true, "diff exemple → lycée : aucun changement trouvé")
        report.add("diff", "exemple / lycee-region", spread.scaled(by: 1e3), "ms")
        worst = max(worst, spread.median * 1e3)
        report.note("diff : chartes fournies, objectif ≤ \(Report.number(Self.bundledTargetMilliseconds)) ms : "
                    + (worst <= Self.bundledTargetMilliseconds ? "tenu" : "NON TENU") + " (\(Report.number(worst)) ms au pire)")
    }

    /// The model forms on the bundled adaptations, as the command computes them (every file
    /// read, the sides checked, then compared): a school against its model (`--modele`), and
    /// the académie's revision seen through the school (`--adaptation`). Same 50 ms target.
    func models() {
        let schools = ["rules/modeles/college-adapte.charte", "rules/modeles/lycee-adapte.charte"]
        let model = "rules/modeles/academie-exemple.charte", revision = "Tests/Fixtures/Diff/modeles/academie-exemple-2026.2.charte"
        guard ([model, revision] + schools).allSatisfy({ FileAccess.read($0) != nil }) else {
            report.note("diff : modèles fournis introuvables (lancer depuis la racine du projet), mesure omise")
            return
        }
        var worst = 0.0
        for school in schools {
            let name = school.split(separator: "/").last.map { String($0.dropLast(".charte".count)) } ?? school
            report.progress("diff : \(name) et son modèle…")
            var diff: CharterDiff?
            let againstModel = Spread(Clock.repeated(quick ? 3 : 15) {
                diff = try? ModelComparison.schoolAgainstModel(school: school, limits: VerifierSuite.limits).get().diff()
            })
            report.check(diff.map { !$0.isEmpty } == true, "diff --modele \(name) : aucun changement trouvé")
            report.add("diff", "\(name) / son modele", againstModel.scaled(by: 1e3), "ms")
            diff = nil
            let update = Spread(Clock.repeated(quick ? 3 : 15) {
                diff = try? ModelComparison.modelUpdate(school: school, oldModel: model, newModel: revision,
                                                        limits: VerifierSuite.limits).get().diff()
            })
            report.check(diff.map { !$0.isEmpty } == true, "diff --adaptation \(name) : aucun changement trouvé")
            report.add("diff", "\(name) / modele 2026.1 → 2026.2", update.scaled(by: 1e3), "ms")
            worst = max(worst, againstModel.median * 1e3, update.median * 1e3)
        }
        report.note("diff : modèles fournis (--modele, --adaptation), objectif ≤ \(Report.number(Self.bundledTargetMilliseconds)) ms : "
                    + (worst <= Self.bundledTargetMilliseconds ? "tenu" : "NON TENU") + " (\(Report.number(worst)) ms au pire)")
    }

    /// The generated rules charter against a copy where one rule in a hundred is removed.
    func revision(rules: Int) {
        report.progress("diff : \(rules) règles, 1 % changées…")
        let old = CharterGenerator.rulesCharter(rules: rules, tasks: rules / 8, actions: rules / 40)
        let new = Self.changingRules(of: old, every: 100)
        let (spread, diff) = timedDiff(old, new, name: "\(rules) regles", repetitions: quick ? 2 : 5)
        report.check(diff.map { !$0.permissions.isEmpty || !$0.incompletePermissions.isEmpty } == true,
                     "diff \(rules) règles : les règles changées ne changent aucune permission")
        report.add("diff", "\(rules) regles, 1 % changees", spread, "s")
        if !quick {
            report.note("diff : 5 000 règles dont 1 % changées, objectif ≤ \(Report.number(Self.rulesTargetSeconds)) s : "
                        + (spread.median <= Self.rulesTargetSeconds ? "tenu" : "NON TENU") + " (\(Report.number(spread.median)) s)")
        }
    }

    /// Every generated charter of the benchmark compared with itself gives an empty diff.
    func selfDiffs() {
        var charters: [(String, [UInt8])] = []
        for tasks in quick ? [200, 1_000] : [1_000, 10_000] {
            charters.append(("\(tasks) taches", CharterGenerator.verifierCharter(tasks: tasks)))
        }
        for rules in quick ? [8, 500] : [8, 500, 5_000] {
            charters.append(("\(rules) regles", CharterGenerator.rulesCharter(rules: rules, tasks: max(8, rules / 8), actions: max(4, rules / 40))))
        }
        for (name, bytes) in charters {
            report.progress("diff : \(name) comparée à elle-même…")
            guard let charter = checked(bytes, name: name) else { continue }
            let diff = CharterDiff(old: charter, new: charter)
            report.check(diff.isEmpty, "diff \(name) : une charte générée comparée à elle-même n'est pas vide")
        }
        report.note("diff : \(charters.count) chartes générées comparées à elles-mêmes (différence vide attendue)")
    }

    /// The charter's text with every `every`-th permission rule line removed (rules are single
    /// lines starting with `autorise` or `interdit` at the top level).
    static func changingRules(of bytes: [UInt8], every: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var ruleIndex = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let isRule = line.starts(with: Array("autorise ".utf8)) || line.starts(with: Array("interdit ".utf8))
            if isRule {
                ruleIndex += 1
                if ruleIndex % every == 0 { continue }
            }
            out.append(contentsOf: line)
            out.append(UInt8(ascii: "\n"))
        }
        if bytes.last != UInt8(ascii: "\n"), !out.isEmpty { out.removeLast() }
        return out
    }
}

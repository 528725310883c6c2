import Charte

/// `analyser`: `charte analyser` on the bundled charters, as the command computes it (the file
/// checked, the analysis made and rendered as text), and the analysis alone; the example also
/// with its journal. Target from the absences issue: well under 20 ms.
///
/// Every answer is checked: the letters counted per actor add up to the letters of every task
/// (counted naively), and the months' instances to the dated tasks (plus, with the journal, one
/// instance per event for each triggered task).
struct AnalyseSuite {
    let report: Report
    let quick: Bool

    static let targetMilliseconds = 20.0

    func run() {
        let names = ["etablissement-exemple", "college-petit", "lycee-region"]
        let files = names.compactMap { name in FileAccess.read("rules/\(name).charte").map { (name, $0) } }
        guard files.count == names.count else {
            report.note("analyser : chartes fournies introuvables (lancer depuis la racine du projet), mesure omise")
            return
        }
        var worst = 0.0
        for (name, bytes) in files {
            report.progress("analyser : \(name)…")
            worst = max(worst, measure(name: name, bytes: bytes, journal: nil))
        }
        if let everyRow = CalendarDate(year: 9999, month: 12, day: 31),
           let loaded = CharterLoader.check(bytes: files[0].1, name: names[0], limits: VerifierSuite.limits).checked,
           let journal = try? JournalChecker(charter: loaded, date: everyRow).check(path: "rules/journal-2026-2027.csv") {
            report.progress("analyser : etablissement-exemple avec son journal…")
            worst = max(worst, measure(name: names[0], bytes: files[0].1, journal: journal))
        }
        report.note("analyser : chartes fournies, objectif ≤ \(Report.number(Self.targetMilliseconds)) ms : "
                    + (worst <= Self.targetMilliseconds ? "tenu" : "NON TENU") + " (\(Report.number(worst)) ms au pire)")
    }

    /// Times the whole command (check, analysis, text) and the analysis alone; returns the
    /// command's median in milliseconds.
    func measure(name: String, bytes: [UInt8], journal: JournalReport?) -> Double {
        let label = journal == nil ? name : "\(name) + journal"
        let repetitions = quick ? 3 : 30
        var text = ""
        let whole = Spread(Clock.repeated(repetitions) {
            guard let charter = CharterLoader.check(bytes: bytes, name: name, limits: VerifierSuite.limits).checked else { return }
            let analysis = Analysis(charter: charter, journal: journal)
            text = AnalysisTextRenderer(charter: charter.model, charterName: name, journalName: nil).render(analysis)
        })
        guard let charter = CharterLoader.check(bytes: bytes, name: name, limits: VerifierSuite.limits).checked else {
            report.check(false, "analyser \(name) : la charte a des erreurs")
            return 0
        }
        var analysis: Analysis?
        let alone = Spread(Clock.repeated(repetitions * 10) { analysis = Analysis(charter: charter, journal: journal) })
        report.add("analyser", "\(label) (commande)", whole.scaled(by: 1e3), "ms")
        report.add("analyser", "\(label) (analyse seule)", alone.scaled(by: 1e3), "ms")
        report.check(text.contains("Bilan : "), "analyser \(label) : le texte n'a pas de bilan")
        if let analysis { check(analysis, charter: charter.model, journal: journal, label: label) }
        return whole.median * 1e3
    }

    /// The figures against a naive count over the model.
    func check(_ analysis: Analysis, charter: Charter, journal: JournalReport?, label: String) {
        let letters = charter.tasks.reduce(0) { total, task in total + Letter.allCases.reduce(0) { $0 + task.actors($1).count } }
        report.check(analysis.letters.reduce(0) { $0 + $1.total } == letters, "analyser \(label) : lettres mal comptées")
        var instances = charter.tasks.filter { $0.trigger == nil && $0.deadline != nil }.count
        if let journal { instances += journal.instances.filter { charter.tasks[$0.task].trigger != nil }.count }
        report.check(analysis.months.reduce(0) { $0 + $1.total } == instances, "analyser \(label) : échéances mal comptées")
    }
}

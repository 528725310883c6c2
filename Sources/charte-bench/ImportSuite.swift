import Charte

/// `import`: `charte importer`'s work (read the table, read the cells, write the charter,
/// settle its guesses against the checker) on generated tables of 5,000, 10,000 and 20,000
/// rows like the seed's, with step names repeated as schools repeat them; rows per second
/// and the 20k/5k time ratio (linear: about 4).
struct ImportSuite {
    let report: Report
    let quick: Bool

    var sizes: [Int] { quick ? [250, 500, 1_000] : [5_000, 10_000, 20_000] }

    func run() {
        var medians: [Int: Double] = [:]
        for rows in sizes {
            report.progress("import : \(rows) lignes…")
            let bytes = ImportSuite.table(rows: rows)
            var tasks = 0
            let timed = Spread(Clock.repeated(quick ? 2 : 3) {
                guard let reading = try? TableReader.read(bytes: bytes, name: "bench.tsv") else { return }
                let skeleton = CharterSkeleton(table: reading.table, source: "bench.tsv")
                tasks = skeleton.steps.reduce(0) { $0 + $1.tasks.count }
            })
            report.check(tasks == rows * 3, "import \(rows) lignes : \(tasks) tâches au lieu de \(rows * 3)")
            medians[rows] = timed.median
            report.add("import", "\(rows) lignes", timed.inverted(times: Double(rows)), "lignes/s")
        }
        if let first = sizes.first, let last = sizes.last, let small = medians[first], let large = medians[last], small > 0 {
            let ratio = large / small
            report.add("import.linearite", "\(last) / \(first) lignes", Spread(median: ratio, min: ratio, max: ratio), "x")
            let expected = Double(last) / Double(first)
            report.check(ratio <= expected * 1.6,
                         "import : \(Report.number(ratio)) fois plus long pour \(last / first) fois plus de lignes (quadratique ?)")
        }
    }

    /// A seed-like table: six roles, three filled cells a row with councils, verbs, dates,
    /// delays and other roles named, and one step name in ten repeated.
    static func table(rows: Int) -> [UInt8] {
        let roles = ["Equipe de direction", "Professeur-documentaliste", "Référent numérique", "Gestionnaire",
                     "Administrateur de l'ENT", "Coordinateurs de discipline"]
        let cells = [
            "Le choix des ressources sur abonnement est validé en conseil pédagogique avant la fin juin.",
            "Le professeur documentaliste attribue les licences des ressources au sein du GAR, en collaboration avec le référent numérique.",
            "Affecte dans le GAR les licences des manuels, dans les trois jours ouvrés suivant l'arrivée d'un élève.",
            "Le gestionnaire effectue les commandes auprès des éditeurs avant le 4 décembre.",
            "Signale au gestionnaire les problèmes techniques relevant des éditeurs.",
            "Les coordinateurs de discipline transmettent au référent numérique les besoins de formation.",
        ]
        var out = "RESSOURCES NUMERIQUES : tableau généré\n\nLES ETAPES\t" + roles.joined(separator: "\t") + "\n"
        var filled = 0
        for row in 0..<rows {
            let step = row % 10 == 0 ? "Gérer le fonds" : "Point \(row) : Gérer le fonds"
            var line = [step]
            for column in 0..<roles.count {
                guard (row + column) % 2 == 0 else {
                    line.append("")
                    continue
                }
                line.append(cells[filled % cells.count] + " (cas \(row))")
                filled += 1
            }
            out += line.joined(separator: "\t") + "\n"
        }
        return Array(out.utf8)
    }
}

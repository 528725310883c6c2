/// Renders the analysis as one printable, self-contained HTML page: inline CSS, an inline SVG
/// bar chart of the workload per month and role (with its title, description and a table of the
/// same figures), no script and nothing loaded from outside. Every text from the charter goes
/// through `HTMLExport.escape`.
public struct AnalysisHTMLRenderer: Sendable {
    /// The charter analysed.
    public let charter: Charter
    /// The names shown for the charter and the journal (if one was read).
    public let charterName: String
    /// The journal's name.
    public let journalName: String?

    /// Creates a renderer.
    public init(charter: Charter, charterName: String, journalName: String?) {
        self.charter = charter
        self.charterName = charterName
        self.journalName = journalName
    }

    /// Colours of the roles in the chart, in the order the roles come (repeated past twelve).
    static let palette = ["#1d3f8f", "#b45309", "#15803d", "#0e7490", "#9d174d", "#6d28d9",
                          "#4d7c0f", "#db2777", "#475569", "#ca8a04", "#b91c1c", "#0284c7"]

    /// The page, ending with a newline.
    public func render(_ analysis: Analysis) -> String {
        let establishment = charter.establishment?.name ?? "Établissement"
        var body = "<header>\n<p class=\"surtitre\">Équilibre des rôles</p>\n<h1>\(e(establishment))</h1>\n"
        body += "<p class=\"meta\">Charte « \(e(charterName)) »"
        if let journalName { body += ", journal « \(e(journalName)) »" }
        body += "</p>\n<p class=\"meta\">\(e(AnalysisWords.thresholdsSentence(analysis.thresholds)))</p>\n"
        if let figures = analysis.journal {
            var text = "Journal : \(AnalysisWords.count(figures.events, "événement compté", "événements comptés"))."
            if figures.notVerifiable > 0 {
                text += " \(AnalysisWords.count(figures.notVerifiable, "ligne non lue ou non vérifiable", "lignes non lues ou non vérifiables")) :"
                    + " leurs événements ne sont pas comptés."
            }
            body += "<p class=\"meta\">\(e(text))</p>\n"
        }
        body += "<p class=\"bilan\">\(e(AnalysisWords.summary(analysis)))</p>\n</header>\n"
        body += letters(analysis)
        body += load(analysis)
        body += due(analysis)
        body += findings(analysis)
        return """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Équilibre des rôles — \(e(establishment))</title>
        <style>
        \(AnalysisHTMLRenderer.css)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    private func e(_ text: String) -> String { HTMLExport.escape(text) }

    private func name(ofActor actor: Int) -> String { charter.actors[actor].label ?? PlainWords.title(charter.actors[actor].id) }

    private func name(ofTask task: Int) -> String { charter.tasks[task].label ?? PlainWords.title(charter.tasks[task].id) }

    private func monthKey(_ month: Analysis.Month) -> String { month.firstDay.map(DateText.month) ?? "\(month.month)/\(month.year)" }

    // MARK: - Letters

    private func letters(_ analysis: Analysis) -> String {
        var out = "<section>\n<h2>Lettres par acteur</h2>\n<table>\n<caption>Nombre de tâches où chaque acteur tient chaque lettre</caption>\n"
        out += "<thead><tr><th scope=\"col\">Acteur</th>"
        out += Letter.allCases.map { "<th scope=\"col\" class=\"n\"><abbr title=\"\(e($0.frenchName))\">\($0.rawValue)</abbr></th>" }.joined()
        out += "<th scope=\"col\" class=\"n\">Total</th></tr></thead>\n<tbody>\n"
        for counts in analysis.letters {
            out += "<tr><th scope=\"row\">\(e(name(ofActor: counts.actor)))</th>"
            out += counts.counts.map { "<td class=\"n\">\($0 == 0 ? "·" : String($0))</td>" }.joined()
            out += "<td class=\"n\">\(counts.total)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: - Workload

    private func load(_ analysis: Analysis) -> String {
        var out = "<section>\n<h2>Charge par mois</h2>\n"
        let months = analysis.months
        guard !months.isEmpty else { return out + "<p>Aucune tâche n'a d'échéance datée.</p>\n</section>\n" }
        let actors = charter.actors.indices.filter { actor in months.contains { $0.load[actor] > 0 } }
        out += chart(months: months, actors: actors)
        out += "<ul class=\"legende\">\n"
        for (position, actor) in actors.enumerated() {
            let colour = AnalysisHTMLRenderer.palette[position % AnalysisHTMLRenderer.palette.count]
            out += "<li><span class=\"pastille\" style=\"background:\(colour)\"></span>\(e(name(ofActor: actor)))</li>\n"
        }
        out += "</ul>\n"
        out += "<table>\n<caption>Les chiffres du graphique : tâches dont l'acteur est responsable, approbateur ou aide, par mois d'échéance</caption>\n"
        out += "<thead><tr><th scope=\"col\">Acteur</th>"
        out += months.map { "<th scope=\"col\" class=\"n\">\(e(AnalysisWords.shortMonths[$0.month - 1]))<br>\($0.year)</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        let limit = analysis.thresholds.value(.tasksPerMonthMax)
        for actor in actors {
            out += "<tr><th scope=\"row\">\(e(name(ofActor: actor)))</th>"
            out += months.map { month in
                let value = month.load[actor]
                return value > limit ? "<td class=\"n depasse\">\(value)</td>" : "<td class=\"n\">\(value == 0 ? "·" : String(value))</td>"
            }.joined()
            out += "</tr>\n"
        }
        out += "<tr class=\"total\"><th scope=\"row\">Toutes les tâches</th>"
        out += months.map { "<td class=\"n\">\($0.total)</td>" }.joined() + "</tr>\n</tbody>\n</table>\n"
        if analysis.overloads.count > 0 {
            out += "<p class=\"note\">En rouge : plus de \(limit) tâches dans le mois (seuil taches_par_mois_max).</p>\n"
        }
        return out + "</section>\n"
    }

    /// The stacked bar chart: one bar per month, one segment per role.
    private func chart(months: [Analysis.Month], actors: [Int]) -> String {
        let barWidth = 36, gap = 14, left = 36, top = 20, plot = 200, bottom = 44
        let width = left + months.count * (barWidth + gap) + gap
        let height = top + plot + bottom
        let highest = max(1, months.map { month in actors.reduce(0) { $0 + month.load[$1] } }.max() ?? 1)
        let first = months.first.map(monthKey) ?? "", last = months.last.map(monthKey) ?? ""
        var out = "<figure>\n<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
        out += " role=\"img\" aria-labelledby=\"graphe-titre graphe-desc\">\n"
        out += "<title id=\"graphe-titre\">Charge par mois et par rôle, de \(e(first)) à \(e(last))</title>\n"
        out += "<desc id=\"graphe-desc\">Une barre par mois ; chaque couleur est un rôle, sa hauteur le nombre de tâches à échéance ce mois-là"
        out += " où il est responsable, approbateur ou aide. Le nombre au-dessus d'une barre est leur somme. Le tableau qui suit donne les mêmes chiffres.</desc>\n"
        // The axis, with the highest value and its half.
        let base = top + plot
        out += "<line class=\"axe\" x1=\"\(left)\" y1=\"\(base)\" x2=\"\(width)\" y2=\"\(base)\"/>\n"
        for value in Set([highest, highest / 2]).sorted() where value > 0 {
            let y = base - plot * value / highest
            out += "<line class=\"repere\" x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\"/>"
            out += "<text class=\"graduation\" x=\"\(left - 6)\" y=\"\(y + 4)\">\(value)</text>\n"
        }
        for (index, month) in months.enumerated() {
            let x = left + gap + index * (barWidth + gap)
            var cumulative = 0
            out += "<g>\n"
            for (position, actor) in actors.enumerated() where month.load[actor] > 0 {
                let lower = base - plot * cumulative / highest
                cumulative += month.load[actor]
                let upper = base - plot * cumulative / highest
                let colour = AnalysisHTMLRenderer.palette[position % AnalysisHTMLRenderer.palette.count]
                out += "<rect x=\"\(x)\" y=\"\(upper)\" width=\"\(barWidth)\" height=\"\(lower - upper)\" fill=\"\(colour)\">"
                out += "<title>\(e(name(ofActor: actor))) : \(e(AnalysisWords.count(month.load[actor], "tâche", "tâches"))) en \(e(monthKey(month)))</title></rect>\n"
            }
            if cumulative > 0 {
                out += "<text class=\"valeur\" x=\"\(x + barWidth / 2)\" y=\"\(base - plot * cumulative / highest - 5)\">\(cumulative)</text>\n"
            }
            out += "<text class=\"mois\" x=\"\(x + barWidth / 2)\" y=\"\(base + 16)\">\(e(AnalysisWords.shortMonths[month.month - 1]))</text>"
            out += "<text class=\"annee\" x=\"\(x + barWidth / 2)\" y=\"\(base + 30)\">\(month.year)</text>\n</g>\n"
        }
        return out + "</svg>\n<figcaption>Charge par mois et par rôle (tâches où le rôle est responsable, approbateur ou aide).</figcaption>\n</figure>\n"
    }

    // MARK: - Deadlines and findings

    private func due(_ analysis: Analysis) -> String {
        var out = "<section>\n<h2>Échéances par mois</h2>\n"
        let filled = analysis.months.filter { !$0.tasks.isEmpty }
        if filled.isEmpty { out += "<p>Aucune.</p>\n" }
        for month in filled {
            out += "<h3>\(e(PlainWords.capitalized(monthKey(month)))) <span class=\"compte\">(\(month.total))</span></h3>\n<ul>\n"
            for item in month.tasks {
                let when = item.date.map { DateText.long($0) } ?? "\(AnalysisWords.count(item.count, "fois", "fois")), après un événement"
                out += "<li>\(e(name(ofTask: item.task))) — \(e(when))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<h3>Déclenchées par un événement <span class=\"compte\">(\(analysis.triggered.count))</span></h3>\n"
        if analysis.triggered.isEmpty { out += "<p>Aucune.</p>\n" } else { out += "<ul>\n" }
        for item in analysis.triggered {
            let task = charter.tasks[item.task], event = charter.events[item.event]
            var text = "\(name(ofTask: item.task)) — à chaque « \(event.label ?? PlainWords.readable(event.id)) »"
            if let delay = task.delay { text += ", sous \(delay.description)" }
            if let occurrences = item.occurrences { text += " ; \(AnalysisWords.count(occurrences, "fois", "fois")) dans le journal" }
            out += "<li>\(e(text))</li>\n"
        }
        if !analysis.triggered.isEmpty { out += "</ul>\n" }
        if analysis.journal == nil, !analysis.triggered.isEmpty {
            out += "<p class=\"note\">Leur nombre dépend des événements : avec un journal (--journal), ceux du journal sont comptés dans la charge par mois.</p>\n"
        }
        if !analysis.undated.isEmpty {
            out += "<h3>Sans échéance <span class=\"compte\">(\(analysis.undated.count))</span></h3>\n<ul>\n"
            out += analysis.undated.map { "<li>\(e(name(ofTask: $0)))</li>\n" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }

    private func findings(_ analysis: Analysis) -> String {
        var out = "<section>\n<h2>Points d'attention</h2>\n"
        out += "<h3>Tâches sans relève <span class=\"compte\">(\(analysis.singlePoints.count))</span></h3>\n"
        out += "<p class=\"note\">Une seule personne est responsable, sans aide ni suppléant.</p>\n"
        if analysis.singlePoints.isEmpty {
            out += "<p>Aucune : chaque tâche a une relève.</p>\n"
        } else {
            out += "<table>\n<thead><tr><th scope=\"col\">Tâche</th><th scope=\"col\">Tenue par</th></tr></thead>\n<tbody>\n"
            for point in analysis.singlePoints {
                let holder: String
                switch point.holder {
                case .actor(let actor): holder = name(ofActor: actor)
                case .person(let person, let actors): holder = "\(person) (\(actors.map(name(ofActor:)).joined(separator: ", ")))"
                }
                out += "<tr><td>\(e(name(ofTask: point.task)))</td><td>\(e(holder))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<h3>Tâches sans approbateur <span class=\"compte\">(\(analysis.withoutApprover.count))</span></h3>\n"
        out += analysis.withoutApprover.isEmpty ? "<p>Chaque tâche a un approbateur.</p>\n"
            : "<ul class=\"colonnes\">\n" + analysis.withoutApprover.map { "<li>\(e(name(ofTask: $0)))</li>\n" }.joined() + "</ul>\n"
        let consulted = analysis.thresholds.value(.consultedMax)
        out += "<h3>Tâches avec plus de \(consulted) consultés <span class=\"compte\">(\(analysis.manyConsulted.count))</span></h3>\n"
        out += analysis.manyConsulted.isEmpty ? "<p>Aucune.</p>\n"
            : "<ul>\n" + analysis.manyConsulted.map { "<li>\(e(name(ofTask: $0.task))) — \($0.count) consultés</li>\n" }.joined() + "</ul>\n"
        out += "<h3>Seuils dépassés <span class=\"compte\">(\(analysis.exceeded))</span></h3>\n"
        if analysis.exceeded == 0 { return out + "<p>Aucun.</p>\n</section>\n" }
        out += "<ul>\n"
        let perMonth = analysis.thresholds.value(.tasksPerMonthMax)
        for overload in analysis.overloads {
            let month = CalendarDate(year: overload.year, month: overload.month, day: 1).map(DateText.month) ?? ""
            out += "<li class=\"depasse\">\(e(name(ofActor: overload.actor))) : \(overload.count) tâches en \(e(month)) (au plus \(perMonth))</li>\n"
        }
        for item in analysis.manyConsulted {
            out += "<li class=\"depasse\">\(e(name(ofTask: item.task))) : \(item.count) consultés (au plus \(consulted))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    // MARK: - Style

    /// The style sheet, inlined: readable on screen, printed on A4 portrait.
    static let css = """
    :root { --encre: #1b1f2a; --pale: #5b6475; --filet: #d5d9e0; --accent: #1d3f8f; --alerte: #b42318; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; background: #f3f4f7; color: var(--encre);
      font: 10pt/1.4 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
    main { max-width: 980px; margin: 24px auto; background: #fff; padding: 28px 34px; border-radius: 6px;
      box-shadow: 0 1px 3px rgba(0,0,0,.12); }
    header { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 14px; }
    .surtitre { margin: 0; text-transform: uppercase; letter-spacing: .12em; font-size: 8pt; color: var(--accent); font-weight: 700; }
    h1 { margin: 2px 0 4px; font-size: 20pt; line-height: 1.15; }
    .meta { margin: 0; color: var(--pale); font-size: 9pt; }
    .bilan { margin: 6px 0 0; font-weight: 700; }
    h2 { font-size: 13pt; margin: 18px 0 8px; color: var(--accent); break-after: avoid; }
    h3 { font-size: 10.5pt; margin: 12px 0 4px; break-after: avoid; }
    .compte { color: var(--pale); font-weight: 400; }
    section { break-inside: auto; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 9pt; }
    caption { text-align: left; color: var(--pale); font-size: 8.5pt; padding-bottom: 4px; }
    th, td { border: 1px solid var(--filet); padding: 3px 6px; text-align: left; vertical-align: top; }
    thead th { background: var(--accent); color: #fff; font-weight: 600; }
    tbody th { font-weight: 600; background: #f5f7fb; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    thead th.n { text-align: center; }
    tr { break-inside: avoid; }
    tr.total td, tr.total th { font-weight: 700; border-top: 2px solid var(--encre); }
    .depasse { color: var(--alerte); font-weight: 700; }
    abbr { text-decoration: none; }
    figure { margin: 0; break-inside: avoid; }
    figcaption { color: var(--pale); font-size: 8.5pt; }
    svg { max-width: 100%; height: auto; font-family: inherit; }
    svg .axe { stroke: var(--encre); stroke-width: 1; }
    svg .repere { stroke: var(--filet); stroke-width: 1; stroke-dasharray: 3 3; }
    svg text { font-size: 10px; fill: var(--encre); text-anchor: middle; }
    svg .graduation { text-anchor: end; fill: var(--pale); }
    svg .annee { fill: var(--pale); font-size: 9px; }
    svg .valeur { font-weight: 700; }
    ul.legende { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 8.5pt; }
    .pastille { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
    ul.colonnes { columns: 2; }
    .note { color: var(--pale); font-size: 8.5pt; margin: 2px 0 6px; }
    @page { size: A4 portrait; margin: 14mm 12mm; }
    @media print { body { background: #fff; } main { box-shadow: none; margin: 0; max-width: none; padding: 0; } }
    """
}

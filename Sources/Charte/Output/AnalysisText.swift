/// Renders the analysis of a charter for people, in French, in lines of at most 80 columns.
public struct AnalysisTextRenderer: Sendable {
    /// The charter analysed.
    public let charter: Charter
    /// The names shown for the charter and the journal (if one was read).
    public let charterName: String
    /// The journal's name.
    public let journalName: String?

    /// The widest line written (a longer id is written whole on its own line).
    static let width = 80

    /// Creates a renderer.
    public init(charter: Charter, charterName: String, journalName: String?) {
        self.charter = charter
        self.charterName = charterName
        self.journalName = journalName
    }

    /// The analysis, ending with a newline.
    public func render(_ analysis: Analysis) -> String {
        var out = AnalysisTextRenderer.wrap("Analyse de la charte « \(charterName) »"
            + (journalName.map { " avec le journal « \($0) »" } ?? ""), indent: "")
        out += AnalysisTextRenderer.wrap(AnalysisWords.thresholdsSentence(analysis.thresholds), indent: "")
        if let figures = analysis.journal { out += journalLines(figures) }
        out += "\n" + letterSection(analysis)
        out += "\n" + loadSection(analysis)
        out += "\n" + dueSection(analysis)
        out += "\n" + triggeredSection(analysis)
        if !analysis.undated.isEmpty {
            out += "\nTâches sans échéance (\(analysis.undated.count))\n"
            out += AnalysisTextRenderer.wrap(analysis.undated.map { charter.tasks[$0].id }.joined(separator: ", "), indent: "  ")
        }
        out += "\n" + singlePointSection(analysis)
        out += "\nTâches sans approbateur (\(analysis.withoutApprover.count))\n"
        out += analysis.withoutApprover.isEmpty ? "  Chaque tâche a un approbateur.\n"
            : AnalysisTextRenderer.wrap(analysis.withoutApprover.map { charter.tasks[$0].id }.joined(separator: ", "), indent: "  ")
        out += "\n" + consultedSection(analysis)
        out += "\n" + exceededSection(analysis)
        out += "\n" + AnalysisTextRenderer.wrap(AnalysisWords.summary(analysis), indent: "")
        return out
    }

    // MARK: - Sections

    private func journalLines(_ figures: Analysis.JournalFigures) -> String {
        var text = "Journal : \(AnalysisWords.count(figures.events, "événement compté", "événements comptés"))."
        if figures.notVerifiable > 0 {
            text += " \(AnalysisWords.count(figures.notVerifiable, "ligne non lue ou non vérifiable", "lignes non lues ou non vérifiables")) :"
                + " leurs événements ne sont pas comptés (détail : charte journal)."
        }
        return AnalysisTextRenderer.wrap(text, indent: "")
    }

    private func letterSection(_ analysis: Analysis) -> String {
        var out = "Lettres par acteur (nombre de tâches)\n"
        var rows: [[String]] = []
        for counts in analysis.letters {
            rows.append([charter.actors[counts.actor].id] + counts.counts.map(String.init) + [String(counts.total)])
        }
        out += AnalysisTextRenderer.rightAligned(header: ["acteur"] + Letter.allCases.map(\.rawValue) + ["total"], rows: rows)
        out += "  R responsable, A approbateur, S aide, C consulté, I informé.\n"
        return out
    }

    private func loadSection(_ analysis: Analysis) -> String {
        var out = "Charge par mois (tâches dont l'acteur est responsable, approbateur ou aide)\n"
        let months = analysis.months
        guard !months.isEmpty else { return out + "  Aucune tâche n'a d'échéance datée.\n" }
        let actors = charter.actors.indices.filter { actor in months.contains { $0.load[actor] > 0 } }
        let totalLabel = "toutes les tâches"
        let nameWidth = (actors.map { charter.actors[$0].id.count } + [totalLabel.count, "acteur".count]).max() ?? 0
        let perChunk = max(1, (AnalysisTextRenderer.width - 2 - nameWidth) / 5)
        var start = 0
        while start < months.count {
            let chunk = Array(months[start..<min(start + perChunk, months.count)])
            if let first = chunk.first?.firstDay, let last = chunk.last?.firstDay {
                out += "  " + (first == last ? DateText.month(first) : "de \(DateText.month(first)) à \(DateText.month(last))") + "\n"
            }
            let pad = { (text: String) in text + String(repeating: " ", count: max(0, nameWidth - text.count)) }
            let cell = { (text: String) in String(repeating: " ", count: max(0, 5 - text.count)) + text }
            out += "  " + pad("acteur") + chunk.map { cell(AnalysisWords.shortMonths[$0.month - 1]) }.joined() + "\n"
            for actor in actors {
                out += "  " + pad(charter.actors[actor].id) + chunk.map { cell($0.load[actor] == 0 ? "·" : String($0.load[actor])) }.joined() + "\n"
            }
            out += "  " + pad(totalLabel) + chunk.map { cell($0.total == 0 ? "·" : String($0.total)) }.joined() + "\n"
            start += perChunk
        }
        return out
    }

    private func dueSection(_ analysis: Analysis) -> String {
        var out = "Échéances par mois\n"
        let filled = analysis.months.filter { !$0.tasks.isEmpty }
        guard !filled.isEmpty else { return out + "  Aucune.\n" }
        for month in filled {
            guard let first = month.firstDay else { continue }
            let items = month.tasks.map { due -> String in
                let id = charter.tasks[due.task].id
                if let date = due.date { return "\(id)\u{00A0}(\(date.day == 1 ? "1er" : String(date.day)))" }
                return "\(id)\u{00A0}(\(due.count)\u{00A0}fois)"
            }
            out += AnalysisTextRenderer.wrap("\(DateText.month(first)) (\(month.total)) : " + items.joined(separator: ", "),
                                             indent: "  ", continuation: "    ")
        }
        return out
    }

    private func triggeredSection(_ analysis: Analysis) -> String {
        var out = "Tâches déclenchées par un événement (\(analysis.triggered.count))\n"
        guard !analysis.triggered.isEmpty else { return out + "  Aucune.\n" }
        for item in analysis.triggered {
            let task = charter.tasks[item.task]
            var text = "\(task.id) : à chaque « \(charter.events[item.event].id) »"
            if let delay = task.delay { text += ", sous " + AnalysisTextRenderer.unbreakable(delay.description) }
            if let occurrences = item.occurrences {
                text += " ; \(AnalysisWords.count(occurrences, "fois", "fois")) dans le journal"
            }
            out += AnalysisTextRenderer.wrap(text, indent: "  ", continuation: "    ")
        }
        if analysis.journal == nil {
            out += AnalysisTextRenderer.wrap("Leur nombre dépend des événements : avec --journal, ceux du journal sont comptés dans la charge par mois.", indent: "  ")
        }
        return out
    }

    private func singlePointSection(_ analysis: Analysis) -> String {
        let out = "Tâches sans relève : une seule personne, ni aide ni suppléant (\(analysis.singlePoints.count))\n"
        guard !analysis.singlePoints.isEmpty else { return out + "  Aucune : chaque tâche a une relève.\n" }
        var rows: [[String]] = []
        for point in analysis.singlePoints {
            rows.append([charter.tasks[point.task].id, AnalysisWords.holder(point.holder, charter: charter)])
        }
        var table = AlignedText()
        for row in rows { table.add(row) }
        return out + table.rendered
    }

    private func consultedSection(_ analysis: Analysis) -> String {
        let limit = analysis.thresholds.value(.consultedMax)
        var out = "Tâches avec beaucoup de consultés : plus de \(limit) (\(analysis.manyConsulted.count))\n"
        guard !analysis.manyConsulted.isEmpty else { return out + "  Aucune.\n" }
        var table = AlignedText()
        for item in analysis.manyConsulted {
            table.add([charter.tasks[item.task].id, AnalysisWords.count(item.count, "consulté", "consultés")])
        }
        out += table.rendered
        return out
    }

    private func exceededSection(_ analysis: Analysis) -> String {
        var out = "Seuils dépassés (\(analysis.exceeded))\n"
        guard analysis.exceeded > 0 else { return out + "  Aucun.\n" }
        let perMonth = analysis.thresholds.value(.tasksPerMonthMax)
        for overload in analysis.overloads {
            guard let first = CalendarDate(year: overload.year, month: overload.month, day: 1) else { continue }
            out += AnalysisTextRenderer.wrap("\(charter.actors[overload.actor].id) : \(overload.count) tâches en \(DateText.month(first))"
                + " (au plus \(perMonth), \(Thresholds.Kind.tasksPerMonthMax.rawValue))", indent: "  ", continuation: "    ")
        }
        let consulted = analysis.thresholds.value(.consultedMax)
        for item in analysis.manyConsulted {
            out += AnalysisTextRenderer.wrap("\(charter.tasks[item.task].id) : \(item.count) consultés"
                + " (au plus \(consulted), \(Thresholds.Kind.consultedMax.rawValue))", indent: "  ", continuation: "    ")
        }
        return out
    }

    // MARK: - Layout

    /// A table whose first column is left-aligned and the others right-aligned.
    static func rightAligned(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let columns = header.count
        var widths = [Int](repeating: 0, count: columns)
        for row in all { for (index, cell) in row.enumerated() where index < columns { widths[index] = max(widths[index], cell.count) } }
        var out = ""
        for row in all {
            var line = "  "
            for (index, cell) in row.enumerated() where index < columns {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                line += index == 0 ? cell + padding : "  " + padding + cell
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// Words laid out in lines of at most `width` columns (a longer word stays whole), each line
    /// ending with a newline; the first line starts with `indent`, the others with `continuation`.
    /// A line never breaks after `«` nor before `»`, `:` or `;`, nor at a no-break space (written
    /// as a plain space).
    static func wrap(_ text: String, indent: String, continuation: String? = nil, width: Int = width) -> String {
        let next = continuation ?? indent
        var words: [String] = []
        var glueNext = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            if let last = words.last, glueNext || ["»", ":", ";"].contains(word) {
                words[words.count - 1] = last + "\u{00A0}" + word
            } else {
                words.append(word)
            }
            glueNext = word == "«"
        }
        var out = ""
        var line = indent
        var lineHasWord = false
        for word in words {
            if lineHasWord, line.count + 1 + word.count > width {
                out += line + "\n"
                line = next
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return String((out + line + "\n").map { $0 == "\u{00A0}" ? " " : $0 })
    }

    /// The text with its spaces made no-break, for `wrap`.
    static func unbreakable(_ text: String) -> String { String(text.map { $0 == " " ? "\u{00A0}" : $0 }) }
}

/// The French words the analysis' renderers share.
enum AnalysisWords {
    /// Month abbreviations, January first, at most four letters.
    static let shortMonths = ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"]

    /// `1 tâche`, `3 tâches`, `aucune tâche` is left to the caller.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) " + (value == 1 || value == 0 ? singular : plural)
    }

    /// `Seuils : au plus 3 consultés par tâche, …`, saying which are defaults.
    static func thresholdsSentence(_ thresholds: Thresholds) -> String {
        let consulted = thresholds.value(.consultedMax), perMonth = thresholds.value(.tasksPerMonthMax)
        var text = "Seuils : au plus \(count(consulted, "consulté", "consultés")) par tâche, au plus "
            + "\(count(perMonth, "tâche", "tâches")) par mois pour un acteur"
        let defaults = Thresholds.Kind.allCases.filter { !thresholds.isWritten($0) }
        if defaults.count == Thresholds.Kind.allCases.count {
            text += " (valeurs par défaut, qu'une déclaration « seuils » de la charte peut changer)."
        } else if let only = defaults.first, defaults.count == 1 {
            text += " (\(only.rawValue) : valeur par défaut)."
        } else {
            text += " (fixés par la charte)."
        }
        return text
    }

    /// `direction`, `Mme Martin (documentaliste, referent_numerique)`.
    static func holder(_ holder: Analysis.Holder, charter: Charter) -> String {
        switch holder {
        case .actor(let actor): charter.actors[actor].id
        case .person(let name, let actors): "\(name) (\(actors.map { charter.actors[$0].id }.joined(separator: ", ")))"
        }
    }

    /// The closing line.
    static func summary(_ analysis: Analysis) -> String {
        "Bilan : \(count(analysis.singlePoints.count, "tâche", "tâches")) sans relève, "
            + "\(analysis.withoutApprover.count) sans approbateur, "
            + "\(count(analysis.exceeded, "seuil dépassé", "seuils dépassés"))."
    }
}

/// Renders a journal report for people, in French: refused actions, overdue tasks, tasks done
/// late, tasks due soon, then the rest and a summary by role.
public struct JournalTextRenderer: Sendable {
    /// The charter the journal was checked against.
    public let charter: Charter
    /// The names shown for the charter and the journal.
    public let charterName: String
    /// The journal's name.
    public let journalName: String
    /// The width the report's sentences wrap to (see `TextWrap`; the table by role is never
    /// wrapped), nil for no wrapping.
    public var width: Int? = nil

    /// Creates a renderer.
    public init(charter: Charter, charterName: String, journalName: String) {
        self.charter = charter
        self.charterName = charterName
        self.journalName = journalName
    }

    /// The whole report, ending with a newline.
    public func render(_ report: JournalReport) -> String {
        var text = ""
        render(report) { text += $0 }
        return text
    }

    /// The report written piece by piece to `write` (64 KiB at a time): the flagged rows are
    /// read back one at a time, so memory does not grow with them. Wrapping works line by line,
    /// so each piece is wrapped on its own, with the same result as the whole text.
    public func render(_ report: JournalReport, to write: (String) -> Void) {
        ChunkedText.writing(to: write) { out in render(report, into: &out) }
    }

    func render(_ report: JournalReport, into out: inout ChunkedText) {
        out += wrapped("Journal « \(ControlCharacters.escaped(journalName)) » au \(DateText.long(report.date)), "
            + "selon « \(ControlCharacters.escaped(charterName)) »\n")
        out += wrapped(countsLine(report) + "\n")
        flaggedSection(&out, "Actions refusées", report, .refused)
        flaggedSection(&out, "Actions indéterminées (attributs manquants)", report, .undetermined)
        section(&out, "Incompatibilités", report.incompatibilityList) { incompatibilityLines($0) }
        section(&out, "Actions faites en suppléance", report.deputyList) { deputyActionLines($0, report) }
        instanceSection(&out, "Tâches en retard", report, .overdue)
        instanceSection(&out, "Tâches faites en retard", report, .doneLate)
        instanceSection(&out, "À faire dans les \(DeadlineStatus.soonWindow) jours", report, .dueSoon)
        section(&out, "Tâches faites avant leurs prérequis", report.outOfOrder) { [outOfOrderLine($0)] }
        section(&out, "Actions sans l'action exigée avant elles", report.approvalList) { [approvalLine($0)] }
        section(&out, "Lignes non vérifiables, non lues ou lues en partie", report.issues) { [issueLine($0)] }
        out += "\n" + roleTable(report)
        out += "\n" + wrapped(summaryLine(report) + "\n")
    }

    private func wrapped(_ text: String) -> String { width.map { TextWrap.wrap(text, width: $0) } ?? text }

    /// `« Attribuer des licences dans le GAR »`: an action's label, else its id.
    func actionName(_ id: String) -> String {
        "« \(charter.action(named: id).flatMap { charter.actions[$0].label } ?? id) »"
    }

    /// ` quand la catégorie est manuel`: the object's known attributes in words.
    func objectWords(_ action: JournalAction) -> String {
        guard let typeName = action.objectType, let type = charter.objectType(named: typeName).map({ charter.objectTypes[$0] }),
              !action.attributes.isEmpty else { return action.objectText.map { " \($0)" } ?? "" }
        let fields = action.attributes.map { ObjectDescription.Field(attribute: $0.name, value: $0.value) }
        return " quand " + ConditionWords(objectType: type).text(fields: fields)
    }

    // MARK: - Sections

    private func section<Item>(_ out: inout ChunkedText, _ title: String, _ items: [Item], _ lines: (Item) -> [String]) {
        guard !items.isEmpty else { return }
        out += wrapped("\n\(title) (\(items.count))\n")
        for item in items { write(lines(item), to: &out) }
    }

    /// Findings kept on disk, read back one at a time.
    private func section<Item>(_ out: inout ChunkedText, _ title: String, _ items: SpilledList<Item>, _ lines: (Item) -> [String]) {
        guard !items.isEmpty else { return }
        out += wrapped("\n\(title) (\(items.count))\n")
        items.forEach { write(lines($0), to: &out) }
    }

    /// The refused or undetermined rows, read back one at a time.
    private func flaggedSection(_ out: inout ChunkedText, _ title: String, _ report: JournalReport, _ outcome: Outcome) {
        let count = outcome == .refused ? report.rows.refusedCount : report.rows.undeterminedCount
        guard count > 0 else { return }
        out += wrapped("\n\(title) (\(count))\n")
        report.forEachFlagged(outcome) { write(actionLines($0, report), to: &out) }
    }

    /// The task instances of a status, read back one at a time.
    private func instanceSection(_ out: inout ChunkedText, _ title: String, _ report: JournalReport, _ status: DeadlineStatus) {
        let count = report.deadlines.count(status)
        guard count > 0 else { return }
        out += wrapped("\n\(title) (\(count))\n")
        report.forEachInstance(status) { write([instanceLine($0)], to: &out) }
    }

    /// One item's lines, indented.
    private func write(_ lines: [String], to out: inout ChunkedText) {
        // Each line holds cells of the journal and texts of the charter: escaped, it stays one line.
        var text = ""
        for (index, line) in lines.enumerated() {
            text += (index == 0 ? "  " : "      ") + ControlCharacters.escaped(line) + "\n"
        }
        out += wrapped(text)
    }

    func countsLine(_ report: JournalReport) -> String {
        let counts = report.counts
        var checked = "\(counts.actions) \(plural(counts.actions, "action vérifiée", "actions vérifiées"))"
        if counts.actions > 0 {
            checked += " (\(counts.permitted) \(plural(counts.permitted, "autorisée", "autorisées")), "
                + "\(counts.refused) \(plural(counts.refused, "refusée", "refusées")), "
                + "\(counts.undetermined) \(plural(counts.undetermined, "indéterminée", "indéterminées")))"
        }
        var parts = [checked,
                     "\(counts.events) \(plural(counts.events, "événement", "événements"))",
                     "\(counts.completions) \(plural(counts.completions, "tâche marquée faite", "tâches marquées faites"))"]
        if counts.unverifiable > 0 {
            parts.append("\(counts.unverifiable) \(plural(counts.unverifiable, "ligne non vérifiable", "lignes non vérifiables"))")
        }
        if counts.skipped > 0 {
            parts.append("\(counts.skipped) \(plural(counts.skipped, "ligne non lue", "lignes non lues"))")
        }
        if counts.afterDate > 0 {
            parts.append("\(counts.afterDate) \(plural(counts.afterDate, "ligne postérieure", "lignes postérieures")) au \(DateText.long(report.date)) laissée\(counts.afterDate > 1 ? "s" : "") de côté")
        }
        var line = "\(counts.rows) \(plural(counts.rows, "ligne", "lignes")) : " + parts.joined(separator: ", ") + "."
        if report.encoding != .utf8 { line += " Lu en \(report.encoding.rawValue)." }
        return line
    }

    func actionLines(_ action: JournalAction, _ report: JournalReport) -> [String] {
        var head = "ligne \(action.line) · \(DateText.long(action.date)) · \(action.actor)"
        if action.roles != [action.actor] { head += " (\(action.roles.joined(separator: ", ")))" }
        head += " : \(actionName(action.action))" + objectWords(action)
        if let task = action.task { head += " — tâche \(task)" }
        if let onBehalf = action.onBehalf { head += " — pour le compte de \(onBehalf)" }
        var lines = [head]
        if !action.missing.isEmpty {
            lines.append("manque : " + ConditionWords.joined(action.missing.map { PlainWords.withArticle(PlainWords.readable($0)) }, with: "et"))
        }
        let verb = action.outcome == .refused ? "refusée par" : "selon"
        lines.append("\(verb) : " + action.rules.map(ruleText).joined(separator: " ; "))
        for standing in action.verdict.deputies {
            lines.append(DeputyWords.sentence(charter.deputies[standing.deputy], state: standing.state, in: charter)
                         + deputyLine(standing.deputy, report))
        }
        return lines
    }

    /// ` (ligne N)`: where a suppléance is written in the charter.
    func deputyLine(_ index: Int, _ report: JournalReport) -> String {
        guard report.deputyLines.indices.contains(index), let line = report.deputyLines[index] else { return "" }
        return " (ligne \(line))"
    }

    func deputyActionLines(_ action: JournalDeputyAction, _ report: JournalReport) -> [String] {
        var head = "ligne \(action.line) · \(action.date) · \(action.actor) : \(action.action)"
        if let object = action.object { head += " \(object)" }
        if let onBehalf = action.onBehalf { head += " — pour le compte de \(onBehalf)" }
        return [head] + action.deputies.map { index in
            "autorisée par la " + DeputyWords.sentence(charter.deputies[index], state: .enCours, in: charter) + deputyLine(index, report)
        }
    }

    func incompatibilityLines(_ item: JournalIncompatibility) -> [String] {
        let declared = "incompatibles" + (item.declarationLine.map { " (ligne \($0))" } ?? "")
            + (item.note.map { " : \($0)" } ?? "")
        switch item.kind {
        case .actions(let first, let second, let firstLine, let object):
            return ["lignes \(firstLine) et \(item.line) · \(item.actor) : \(first) puis \(second)" + (object.map { " sur \($0)" } ?? ""),
                    declared]
        case .roles(let first, let second):
            return ["ligne \(item.line) · \(item.date) · \(item.actor) tient ce jour-là les rôles \(first) et \(second) (suppléance comprise)",
                    declared]
        }
    }

    func ruleText(_ rule: JournalRule) -> String {
        let where_ = rule.line.map { line in rule.file.map { " (\($0), ligne \(line))" } ?? " (ligne \(line))" } ?? ""
        switch rule.kind {
        case .default: return "aucune règle ne l'autorise (refus par défaut)"
        case .task:
            let label = charter.task(named: rule.id).flatMap { charter.tasks[$0].label }
            return "tâche \(rule.id)" + (label.map { " — \($0)" } ?? "") + where_
        case .permit, .forbid:
            // The rule as a sentence, its condition in words.
            guard let span = rule.span, let index = charter.permissions.firstIndex(where: { $0.span == span }) else { return rule.id + where_ }
            let lines = PermissionLine.lines(of: charter)
            return (lines.indices.contains(index) ? lines[index].text : rule.id) + where_
        case .deputy:
            return rule.id + where_
        case .scope: return "la portée de l'action \(rule.id)\(where_)"
        }
    }

    func instanceName(_ instance: DeadlineInstance) -> String {
        let task = charter.tasks[instance.task]
        var name = task.id
        if let eventDate = instance.eventDate, let line = instance.eventLine {
            name += " (événement du \(DateText.long(eventDate)), ligne \(line))"
        }
        return name
    }

    func instanceLine(_ instance: DeadlineInstance) -> String {
        let task = charter.tasks[instance.task]
        var line = "\(DateText.long(instance.due)) · \(instanceName(instance))"
        if let label = task.label { line += " — \(label)" }
        line += " — "
        if let doneOn = instance.doneOn {
            line += "faite le \(DateText.long(doneOn))" + (instance.doneLine.map { " (ligne \($0))" } ?? "") + ", "
            line += instance.status == .doneLate ? "\(DeadlineStatus.days(instance.days)) de retard" : "à temps"
        } else {
            line += instance.status.describe(days: instance.days)
        }
        return line + " — responsable : " + task.responsables.map { charter.actors[$0].id }.joined(separator: ", ")
    }

    /// `ligne 7 (2026-11-03) : « commander » sur numero "B-14" demande d'abord « signer » par proviseur : aucune ligne ne le fait`.
    func approvalLine(_ item: ApprovalFinding) -> String {
        let who = item.actors.joined(separator: " ou ")
        let head = "ligne \(item.line) (\(DateText.long(item.date))) : « \(item.action) »"
        switch item.problem {
        case .missing:
            return head + " sur \(item.keyName) \(item.keyValue ?? "?") demande d'abord « \(item.prior) » par \(who) : aucune ligne ne le fait"
        case .later(let line, let date):
            return head + " sur \(item.keyName) \(item.keyValue ?? "?") demande d'abord « \(item.prior) » par \(who) : fait seulement ligne \(line) (\(DateText.long(date))), après"
        case .unverifiable(let missing):
            return head + " peut demander d'abord « \(item.prior) » par \(who), mais il manque : \(missing.joined(separator: ", ")) ; la ligne n'a pas pu être vérifiée"
        }
    }

    func outOfOrderLine(_ item: OutOfOrderTask) -> String {
        let task = charter.tasks[item.task].id, prerequisite = charter.tasks[item.prerequisite].id
        var line = "\(task) faite le \(DateText.long(item.doneOn)) (ligne \(item.line)) avant son prérequis « \(prerequisite) »"
        if let other = item.prerequisiteDoneOn {
            line += " (faite le \(DateText.long(other))" + (item.prerequisiteLine.map { ", ligne \($0)" } ?? "") + ")"
        } else {
            line += " (pas encore faite)"
        }
        return line
    }

    func issueLine(_ issue: JournalIssue) -> String {
        "ligne \(issue.line) : \(issue.message)" + (issue.suggestionText.map { " — \($0)" } ?? "")
    }

    // MARK: - Summary

    func roleTable(_ report: JournalReport) -> String {
        let headers = ["rôle", "autorisées", "refusées", "indéterminées", "faites à temps", "faites en retard", "en retard",
                       "bientôt", "à venir"]
        var rows: [[String]] = []
        for summary in report.roles {
            rows.append([charter.actors[summary.actor].id, String(summary.permitted), String(summary.refused),
                         String(summary.undecided), String(summary.count(.doneOnTime)), String(summary.count(.doneLate)),
                         String(summary.count(.overdue)), String(summary.count(.dueSoon)), String(summary.count(.upcoming))])
        }
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func format(_ cells: [String]) -> String {
            var line = "  "
            for (index, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                line += index == 0 ? cell + pad : "  " + pad + cell
            }
            return line + "\n"
        }
        var out = "Bilan par rôle (actions de l'acteur ; tâches dont il est responsable)\n"
        out += format(headers)
        for row in rows { out += format(row) }
        return out
    }

    func summaryLine(_ report: JournalReport) -> String {
        if !report.headerUsable { return "Bilan : journal illisible, rien n'a été vérifié." }
        let counts = report.counts
        let overdue = report.deadlines.count(.overdue)
        var parts = ["\(counts.refused) \(plural(counts.refused, "action refusée", "actions refusées"))",
                     "\(overdue) \(plural(overdue, "tâche en retard", "tâches en retard"))",
                     "\(counts.notVerifiable) \(plural(counts.notVerifiable, "ligne non vérifiable", "lignes non vérifiables"))",
                     "\(counts.undetermined) \(plural(counts.undetermined, "action indéterminée", "actions indéterminées"))"
                         + (report.toleratesUndetermined && counts.undetermined > 0 ? " (tolérées)" : "")]
        let late = report.deadlines.count(.doneLate), soon = report.deadlines.count(.dueSoon)
        let upcoming = report.deadlines.count(.upcoming), onTime = report.deadlines.count(.doneOnTime)
        parts.append("\(late) \(plural(late, "faite", "faites")) en retard")
        parts.append("\(soon) à faire dans les \(DeadlineStatus.soonWindow) jours")
        parts.append("\(upcoming) à venir")
        parts.append("\(onTime) \(plural(onTime, "faite", "faites")) à temps")
        if !report.approvalList.isEmpty {
            parts.append("\(report.approvalList.count) \(plural(report.approvalList.count, "action", "actions")) sans l'action exigée avant")
        }
        if !report.issues.isEmpty {
            parts.append("\(report.issues.count) \(plural(report.issues.count, "anomalie", "anomalies")) de lecture")
        }
        if !report.incompatibilityList.isEmpty {
            parts.append("\(report.incompatibilityList.count) \(plural(report.incompatibilityList.count, "incompatibilité", "incompatibilités"))")
        }
        return "Bilan : " + parts.joined(separator: ", ") + "."
    }

    func plural(_ count: Int, _ one: String, _ many: String) -> String { count == 1 || count == 0 ? one : many }
}

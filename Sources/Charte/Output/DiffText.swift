/// `charte diff` as plain French text: the summary line, then one section per kind of change.
public struct DiffTextRenderer: Sendable {
    /// The two files' names, for the heading.
    public let oldName: String
    public let newName: String
    /// How many object literals a line names before "… et N autres".
    public var shownObjects = 6

    /// Creates a renderer.
    public init(oldName: String, newName: String) {
        self.oldName = oldName
        self.newName = newName
    }

    /// The whole report, ending with a newline.
    public func render(_ diff: CharterDiff) -> String {
        ControlCharacters.escaped(renderUnescaped(diff), keepingLineBreaks: true)
    }

    /// The report before its control characters are escaped.
    func renderUnescaped(_ diff: CharterDiff) -> String {
        var out = DiffWords.summary(diff) + "\n"
        guard !diff.isEmpty else { return out }
        if diff.comparison == .revision {
            out += "(de \(ControlCharacters.escaped(oldName)) à \(ControlCharacters.escaped(newName)))\n"
        } else {
            out += "(\(ControlCharacters.escaped(DiffWords.origin(diff.comparison, oldName: oldName, newName: newName))))\n"
        }
        if let context = diff.comparison.context, !context.holdings.isEmpty {
            out += "\nRôles du modèle tenus dans l'établissement\n"
            for holding in context.holdings { out += "  \(DiffWords.holding(holding))\n" }
            out += "  \(DiffWords.holdingsReading(diff))\n"
        }
        if !diff.permissions.isEmpty || !diff.incompletePermissions.isEmpty {
            out += "\nPermissions\n"
            var actor = ""
            for change in diff.permissions {
                if change.subject.actor != actor {
                    actor = change.subject.actor
                    out += "  \(actor)\n"
                }
                out += "    \(change.subject.action)\n"
                for outcome in [Outcome.allowed, .refused, .undetermined] {
                    let objects = change.objects.filter { $0.after == outcome }
                    guard !objects.isEmpty else { continue }
                    let listed = DiffWords.objects(objects, limit: shownObjects)
                    out += "      \(DiffWords.now(outcome))\(listed.isEmpty ? "" : " : " + listed)\n"
                }
            }
            for subject in diff.incompletePermissions {
                out += "  \(subject.actor) \(subject.action) : trop de combinaisons pour comparer exactement\n"
            }
        }
        if !(diff.tasks.isEmpty && diff.addedTasks.isEmpty && diff.removedTasks.isEmpty && diff.addedSteps.isEmpty && diff.removedSteps.isEmpty) {
            out += "\nResponsabilités\n"
            for step in diff.addedSteps { out += "  étape ajoutée : \(DiffWords.task(step.id, label: step.label))\n" }
            for step in diff.removedSteps { out += "  étape supprimée : \(DiffWords.task(step.id, label: step.label))\n" }
            for task in diff.tasks {
                out += "  \(DiffWords.task(task.id, label: task.label))\n"
                if let oldID = task.oldID { out += "    renommée (était \(oldID))\n" }
                if let step = task.step { out += "    passe de l'étape \(step.from) à l'étape \(step.to)\n" }
                var actor = "", line = ""
                for change in task.letters {
                    if change.actor != actor {
                        if !line.isEmpty { out += line + "\n" }
                        actor = change.actor
                        line = "    \(actor) : \(DiffWords.letterChange(change))"
                    } else {
                        line += ", \(DiffWords.letterChange(change))"
                    }
                }
                if !line.isEmpty { out += line + "\n" }
            }
            for task in diff.addedTasks {
                out += "  tâche ajoutée : \(DiffWords.task(task.id, label: task.label)), étape \(task.step)\n"
                if !task.letters.isEmpty { out += "    \(DiffWords.holders(task.letters))\n" }
            }
            for task in diff.removedTasks {
                out += "  tâche supprimée : \(DiffWords.task(task.id, label: task.label)), étape \(task.step)\n"
                if !task.letters.isEmpty { out += "    \(DiffWords.holders(task.letters))\n" }
                if case .adaptation(let context) = diff.comparison, let reason = context.removalReason(of: task.id) {
                    out += "    raison donnée par l'établissement : « \(reason) »\n"
                }
            }
        }
        if !diff.deadlines.isEmpty {
            out += "\nÉchéances\n"
            let following = diff.deadlines.filter { $0.followsCalendar && $0.badDay == nil }
            for change in diff.deadlines where !following.contains(change) {
                out += "  \(DiffWords.task(change.task, label: change.label)) : \(DiffWords.deadline(change))\n"
            }
            if !following.isEmpty {
                out += "  \(DiffWords.count(following.count, "échéance suit", "échéances suivent")) \(DiffWords.calendar(diff)), avec la même règle : "
                out += following.map(\.task).joined(separator: ", ") + "\n"
            }
        }
        if !diff.tests.isEmpty {
            out += "\nTests\n"
            for change in diff.tests {
                let place = DiffWords.place(change.position, comparison: diff.comparison, oldName: oldName, newName: newName)
                out += "  « \(change.test) », \(place) : \(change.text)\n"
                out += "    avant : \(DiffWords.assertion(change.before)) ; après : \(DiffWords.assertion(change.after))\n"
                if case .adaptation(let context) = diff.comparison, let reason = context.removalReason(ofTest: change.test) {
                    out += "    test retiré par l'établissement : « \(reason) »\n"
                }
            }
        }
        if let journal = diff.journal, !journal.isEmpty {
            out += "\nJournal\n"
            for change in journal { out += "  \(DiffWords.journalRow(change))\n" }
        }
        if !diff.actors.isEmpty {
            out += "\nPar rôle\n"
            for summary in diff.actors { out += "  \(summary.actor) : \(DiffWords.actor(summary))\n" }
        }
        return out
    }
}

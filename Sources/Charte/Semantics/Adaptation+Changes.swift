// The adaptations one by one: `modifie`, `retire`, `tient`, and the locks they meet.

extension Adaptation {
    // MARK: - Finding things in the model

    /// Where a task of the model is: the index of its step declaration and its index in the step.
    func taskLocation(_ id: String) -> (step: Int, task: Int)? {
        for index in steps {
            guard case .step(let step) = model[index] else { continue }
            if let task = step.tasks.indices.first(where: { step.tasks[$0].name.text == id }) { return (index, task) }
        }
        return nil
    }

    /// The index of the model's step named `name`.
    func stepIndex(_ name: String) -> Int? {
        steps.first { index in
            if case .step(let step) = model[index] { return step.name.text == name }
            return false
        }
    }

    /// The index of the model's actor named `name` (still there).
    func actorIndex(_ name: String) -> Int? {
        actors.first { index in
            if !gone[index], case .actor(let actor) = model[index] { return actor.name.text == name }
            return false
        }
    }

    var modelTaskNames: [Candidate] {
        model.flatMap { declaration -> [Candidate] in
            guard case .step(let step) = declaration else { return [] }
            return step.tasks.map { Candidate(name: $0.name.text, span: $0.name.span, label: $0.label?.value) }
        }
    }

    var modelStepNames: [Candidate] {
        model.compactMap { if case .step(let step) = $0 { Candidate(name: step.name.text, span: step.name.span, label: step.label?.value) } else { nil } }
    }

    var modelActorNames: [Candidate] {
        model.compactMap { if case .actor(let actor) = $0 { Candidate(name: actor.name.text, span: actor.name.span, label: actor.label?.value) } else { nil } }
    }

    /// The likely new name of something renamed in the model: the closest id, else an id that
    /// keeps the old one, else the one id whose words and label share most words with the old
    /// id (and with the label the school wrote, if any).
    func renamedTo(_ name: String, among candidates: [Candidate], label: String? = nil) -> String? {
        if let close = Suggestions.closest(to: name, among: candidates).first { return close.name }
        // A longer or shorter id that keeps the old one (`licences` → `licences_manuels`).
        let folded = Folding.fold(name)
        let kept = candidates.first { candidate in
            let other = Folding.fold(candidate.name)
            return folded.count >= 4 && other.count >= 4 && (other.contains(folded) || folded.contains(other))
        }
        if let kept { return kept.name }
        return Adaptation.sharingWords(with: name, label: label, among: candidates)
    }

    /// `licences_manuels` → `attribution_manuels` labelled « Attribuer les licences des manuels »:
    /// the one candidate sharing most words (two at least, or every word of a one-word id).
    static func sharingWords(with name: String, label: String?, among candidates: [Candidate]) -> String? {
        var asked = LabelWords.words(name)
        for word in LabelWords.words(label ?? "") where !asked.contains(word) { asked.append(word) }
        guard !asked.isEmpty else { return nil }
        let needed = min(2, asked.count)
        var best: (score: Int, name: String)?
        var tied = false
        for candidate in candidates {
            let score = LabelWords.matched(asked, in: LabelWords.words(candidate.name) + LabelWords.words(candidate.label ?? ""))
            guard score >= needed else { continue }
            if let current = best, score <= current.score {
                if score == current.score, candidate.name != current.name { tied = true }
                continue
            }
            best = (score, candidate.name)
            tied = false
        }
        return tied ? nil : best?.name
    }

    mutating func reportUnknown(_ name: Name, _ kind: AdaptedKind, among candidates: [Candidate], label: StringLiteral? = nil) {
        report(.unknownTarget(name: name.text, kind: kind, renamedTo: renamedTo(name.text, among: candidates, label: label?.value)), at: name.span)
    }

    // MARK: - modifie

    /// The clause kinds a school may change in a locked task: none of them gives or takes away a permission.
    static let clausesOpenInLockedTasks: Set<ClauseKind> = [.letter(.consulted), .letter(.informed), .deadline, .delay, .note]

    mutating func changeTask(_ change: TaskAdaptation, at span: Span) {
        guard claim(change.name.text, .task, at: span) else { return }
        guard let location = taskLocation(change.name.text), case .step(var step) = model[location.step] else {
            return reportUnknown(change.name, .task, among: modelTaskNames, label: change.label)
        }
        var task = step.tasks[location.task]
        if task.isLocked {
            let touched = change.clauses.map { (ClauseKind($0.clause), $0.span) } + change.removed.map { ($0.kind, $0.span) }
            let refused = touched.filter { !Adaptation.clausesOpenInLockedTasks.contains($0.0) }
            if !refused.isEmpty {
                for (kind, clauseSpan) in refused {
                    report(.lockedTaskWeakened(task: task.name.text, clause: kind.keyword.spelling), at: clauseSpan,
                           notes: [Note(.model(.lockedHere), at: task.span)])
                }
                return
            }
        }
        if let label = change.label { task.label = label }
        // A few clauses each: short arrays, not sets.
        let replaced = change.clauses.map { ClauseKind($0.clause) }
        let removed = change.removed.map(\.kind)
        var clauses: [LocatedClause] = []
        clauses.reserveCapacity(task.clauses.count + change.clauses.count)
        var written: [ClauseKind] = []
        for clause in task.clauses {
            let kind = ClauseKind(clause.clause)
            if removed.contains(kind) { continue }
            if replaced.contains(kind) {
                if !written.contains(kind) {
                    written.append(kind)
                    clauses += change.clauses.filter { ClauseKind($0.clause) == kind }
                }
                continue
            }
            clauses.append(clause)
        }
        clauses += change.clauses.filter { !written.contains(ClauseKind($0.clause)) }
        task.clauses = clauses
        step.tasks[location.task] = task
        model[location.step] = .step(step)
        summary.changedTasks[task.name.text] = span
    }

    mutating func changeStep(_ change: StepDecl, at span: Span) {
        guard claim(change.name.text, .step, at: span) else { return }
        guard let index = stepIndex(change.name.text), case .step(var step) = model[index] else { return reportUnknown(change.name, .step, among: modelStepNames, label: change.label) }
        if let label = change.label { step.label = label }
        if !change.after.isEmpty { step.after = change.after }
        step.tasks += change.tasks
        model[index] = .step(step)
    }

    mutating func changeActor(_ change: ActorDecl, at span: Span) {
        guard claim(change.name.text, .actor, at: span) else { return }
        guard let index = actorIndex(change.name.text), case .actor(var actor) = model[index] else { return reportUnknown(change.name, .actor, among: modelActorNames, label: change.label) }
        if let label = change.label { actor.label = label }
        actor.persons += change.persons
        actor.members += change.members.filter { member in !actor.members.contains { $0.text == member.text } }
        model[index] = .actor(actor)
    }

    mutating func changeCalendar(_ change: CalendarDecl, at span: Span) {
        guard claim("calendrier", .calendar, at: span) else { return }
        guard let index = calendars.first, case .calendar(var calendar) = model[index] else {
            return report(.unknownTarget(name: "calendrier", kind: .calendar, renamedTo: nil), at: span)
        }
        if let label = change.label { calendar.label = label }
        if let zone = change.zone {
            calendar.zone = zone
            calendar.zoneSpan = change.zoneSpan
        }
        for entry in change.entries {
            guard claim(entry.name.text, .calendarName, at: entry.name.span) else { continue }
            if let existing = calendar.entries.firstIndex(where: { $0.name.text == entry.name.text }) {
                calendar.entries[existing] = entry
            } else {
                calendar.entries.append(entry)
            }
        }
        model[index] = .calendar(calendar)
    }

    // MARK: - retire

    mutating func remove(_ removal: Removal, reason: StringLiteral, at span: Span) {
        switch removal {
        case .task(let name):
            guard claim(name.text, .task, at: span) else { return }
            guard let location = taskLocation(name.text), case .step(var step) = model[location.step] else {
                return reportUnknown(name, .task, among: modelTaskNames)
            }
            let task = step.tasks[location.task]
            if task.isLocked {
                return report(.lockedTaskRemoved(task: name.text), at: span, notes: [Note(.model(.lockedHere), at: task.span)])
            }
            step.tasks.remove(at: location.task)
            model[location.step] = .step(step)
            removedTasks[name.text] = task.clauses.flatMap { clause -> [Name] in
                if case .after(let names) = clause.clause { return names }
                return []
            }
            summary.removedTasks.append((name.text, reason.value))
        case .step(let name):
            guard claim(name.text, .step, at: span) else { return }
            guard let index = stepIndex(name.text) else { return reportUnknown(name, .step, among: modelStepNames) }
            removedSteps.append((index, span))
        case .role(let name):
            guard claim(name.text, .actor, at: span) else { return }
            guard let index = actorIndex(name.text), case .actor(let actor) = model[index], actor.kind == .role else {
                let roles = actors.compactMap { index -> Candidate? in
                    guard case .actor(let actor) = model[index], actor.kind == .role else { return nil }
                    return Candidate(name: actor.name.text, span: actor.name.span)
                }
                return reportUnknown(name, .role, among: roles)
            }
            // A role held by a local actor is renamed, not removed: both cannot be asked.
            if holders[name.text] != nil, let first = firstHoldingSpan(name.text) {
                return report(.conflictingAdaptations(name: name.text, kind: .actor), at: span,
                              notes: [Note(.model(.firstAdaptation), at: first)])
            }
            removedRoles.append((index, span))
        case .test(let label):
            guard claim(label.value, .test, at: span) else { return }
            let found = tests.first { index in
                if !gone[index], case .test(let test) = model[index] { return test.label.value == label.value }
                return false
            }
            guard let found else {
                let candidates = tests.compactMap { index -> Candidate? in
                    guard !gone[index], case .test(let test) = model[index] else { return nil }
                    return Candidate(name: test.label.value, span: test.label.span)
                }
                return report(.unknownTarget(name: label.value, kind: .test, renamedTo: renamedTo(label.value, among: candidates)), at: label.span)
            }
            gone[found] = true
        case .rule(let rule):
            var unlocked = rule
            unlocked.isLocked = false
            // The same rule removed twice conflicts (E702); removals are few, compared one by one.
            if let first = removedRules.first(where: { $0.rule == unlocked }) {
                return report(.conflictingAdaptations(name: Adaptation.ruleText(rule), kind: .rule), at: span,
                              notes: [Note(.model(.firstAdaptation), at: first.span)])
            }
            removedRules.append((unlocked, span))
            let found = permissions.first { index in
                // Kind and action first: most rules differ there, without comparing conditions.
                guard !gone[index], case .permission(let candidate) = model[index], candidate.kind == rule.kind,
                      candidate.action.text == rule.action.text else { return false }
                var compared = candidate
                compared.isLocked = false
                return compared == unlocked
            }
            guard let found, case .permission(let modelRule) = model[found] else {
                return report(.unknownTarget(name: Adaptation.ruleText(rule), kind: .rule, renamedTo: nil), at: rule.span)
            }
            if modelRule.isLocked {
                return report(.lockedRuleRemoved(rule: Adaptation.ruleText(rule)), at: span, notes: [Note(.model(.lockedHere), at: modelRule.span)])
            }
            gone[found] = true
        }
    }

    /// `interdit tous sauf a commander`: a rule's head, to name it in messages.
    static func ruleText(_ rule: PermissionDecl) -> String {
        var actors = rule.everyone ? "tous" : rule.actors.map(\.text).joined(separator: ", ")
        if !rule.exceptions.isEmpty { actors += " sauf " + rule.exceptions.map(\.text).joined(separator: ", ") }
        return "\(rule.kind.rawValue) \(actors) \(rule.action.text)"
    }

    // MARK: - tient

    /// Records `role LOCAL tient M…`; returns the actor to declare when LOCAL is not a model actor.
    mutating func hold(_ decl: ActorDecl) -> ActorDecl? {
        for role in decl.holds {
            guard let index = actorIndex(role.text),
                  case .actor(let modelActor) = model[index] else {
                reportUnknown(role, .actor, among: modelActorNames)
                continue
            }
            guard modelActor.kind == .role, role.text != decl.name.text, holders[decl.name.text] == nil else {
                report(.badHolding(name: role.text), at: role.span, notes: [Note(.model(.declaredInModel), at: modelActor.span)])
                continue
            }
            guard claim(role.text + ">" + decl.name.text, .actor, at: role.span) else { continue }
            holders[role.text, default: []].append(decl.name.text)
        }
        var local = decl
        local.holds = []
        guard let index = actorIndex(decl.name.text),
              case .actor(var existing) = model[index] else { return local }
        existing.persons += decl.persons
        existing.members += decl.members
        if let label = decl.label { existing.label = label }
        model[index] = .actor(existing)
        return nil
    }

    // MARK: - Locks on rules

    /// E709: a school `autorise` meeting a locked `interdit` of the model (same action, an
    /// actor in common, and conditions that may both hold).
    mutating func checkLockedForbids(_ additions: [Declaration]) {
        let locked = permissions.compactMap { index -> PermissionDecl? in
            if !gone[index], case .permission(let rule) = model[index], rule.isLocked, rule.kind == .forbid { return rule }
            return nil
        }
        guard !locked.isEmpty else { return }
        for case .permission(let rule) in additions where rule.kind == .permit {
            for forbid in locked where forbid.action.text == rule.action.text {
                guard let actor = Adaptation.sharedActor(rule, forbid) else { continue }
                let conditionsMeet = forbid.condition == nil || rule.condition == nil || forbid.condition == rule.condition
                guard conditionsMeet else { continue }
                report(.permitsLockedForbid(actor: actor, action: rule.action.text), at: rule.span,
                       notes: [Note(.model(.lockedHere), at: forbid.span)])
                break
            }
        }
    }

    /// An actor both rules apply to, if any (`tous` for two rules on everyone).
    static func sharedActor(_ permit: PermissionDecl, _ forbid: PermissionDecl) -> String? {
        let excepted = Set(forbid.exceptions.map(\.text))
        if permit.everyone {
            if forbid.everyone { return "tous" }
            return forbid.actors.first?.text
        }
        for actor in permit.actors {
            if forbid.everyone ? !excepted.contains(actor.text) : forbid.actors.contains(where: { $0.text == actor.text }) {
                return actor.text
            }
        }
        return nil
    }
}

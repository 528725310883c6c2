// The responsibility part of `charte diff`: tasks matched across the two charters, and the
// letters each actor gains or loses.

/// Matches the tasks and steps of two charters and lists what changed in who does what.
///
/// Tasks are matched by id; a task left unmatched on each side is then matched to one with
/// the same label, or else the same notes (first one in order), and reported as renamed.
struct ResponsibilityComparison {
    let old: Charter
    let new: Charter
    /// Matched tasks: (old index, new index), in the new charter's order.
    private(set) var pairs: [(old: Int, new: Int)] = []
    private(set) var changes: [TaskChange] = []
    private(set) var added: [TaskSummary] = []
    private(set) var removed: [TaskSummary] = []
    private(set) var addedSteps: [StepSummary] = []
    private(set) var removedSteps: [StepSummary] = []

    init(old: Charter, new: Charter) {
        self.old = old
        self.new = new
    }

    mutating func compare() {
        var matchOfNew = [Int?](repeating: nil, count: new.tasks.count)
        var matchedOld = Set<Int>()
        for (index, task) in new.tasks.enumerated() {
            if let oldIndex = old.task(named: task.id) {
                matchOfNew[index] = oldIndex
                matchedOld.insert(oldIndex)
            }
        }
        // Renamed tasks: the same label, or else the same notes, among the unmatched ones.
        let unmatchedOld = old.tasks.indices.filter { !matchedOld.contains($0) }
        for key in [ResponsibilityComparison.labelKey, ResponsibilityComparison.notesKey] {
            var byKey: [String: [Int]] = [:]
            for index in unmatchedOld where !matchedOld.contains(index) {
                if let value = key(old.tasks[index]) { byKey[value, default: []].append(index) }
            }
            for index in new.tasks.indices where matchOfNew[index] == nil {
                guard let value = key(new.tasks[index]),
                      let candidate = byKey[value]?.first(where: { !matchedOld.contains($0) }) else { continue }
                matchOfNew[index] = candidate
                matchedOld.insert(candidate)
            }
        }
        for (newIndex, oldIndex) in matchOfNew.enumerated() {
            guard let oldIndex else {
                added.append(summary(new, newIndex))
                continue
            }
            pairs.append((oldIndex, newIndex))
            if let change = change(old: oldIndex, new: newIndex) { changes.append(change) }
        }
        removed = old.tasks.indices.filter { !matchedOld.contains($0) }.map { summary(old, $0) }
        addedSteps = new.steps.filter { old.step(named: $0.id) == nil }.map { step(new, $0) }
        removedSteps = old.steps.filter { new.step(named: $0.id) == nil }.map { step(old, $0) }
    }

    static func labelKey(_ task: CharterTask) -> String? {
        guard let label = task.label, !label.isEmpty else { return nil }
        return label
    }

    static func notesKey(_ task: CharterTask) -> String? {
        task.notes.isEmpty ? nil : task.notes.joined(separator: "\n")
    }

    /// The letters gained and lost on a matched task, its renaming and its move to another step; nil when none.
    func change(old oldIndex: Int, new newIndex: Int) -> TaskChange? {
        let before = old.tasks[oldIndex], after = new.tasks[newIndex]
        var gained: [LetterChange] = [], lost: [LetterChange] = []
        for letter in Letter.allCases {
            let was = Set(before.actors(letter).map { old.actors[$0].id })
            let now = after.actors(letter).map { new.actors[$0].id }
            for actor in DiffNames.union(Array(was), now) {
                let inOld = was.contains(actor), inNew = now.contains(actor)
                if inNew && !inOld { gained.append(LetterChange(actor: actor, letter: letter, gained: true)) }
                if inOld && !inNew { lost.append(LetterChange(actor: actor, letter: letter, gained: false)) }
            }
        }
        // By actor (new order), gains before losses.
        let order = Dictionary(DiffNames.union(old.actors.map(\.id), new.actors.map(\.id)).enumerated().map { ($1, $0) },
                               uniquingKeysWith: { first, _ in first })
        let letters = (gained + lost).enumerated().sorted { a, b in
            let x = order[a.element.actor] ?? 0, y = order[b.element.actor] ?? 0
            if x != y { return x < y }
            if a.element.gained != b.element.gained { return a.element.gained }
            return a.offset < b.offset
        }.map(\.element)
        let oldStep = old.steps[before.step].id, newStep = new.steps[after.step].id
        let renamed = before.id != after.id ? before.id : nil
        guard !letters.isEmpty || renamed != nil || oldStep != newStep else { return nil }
        return TaskChange(id: after.id, oldID: renamed, label: after.label, letters: letters,
                          step: oldStep != newStep ? (oldStep, newStep) : nil)
    }

    func summary(_ charter: Charter, _ index: Int) -> TaskSummary {
        let task = charter.tasks[index]
        let letters = Letter.allCases.compactMap { letter -> LetterHolders? in
            let actors = task.actors(letter).map { charter.actors[$0].id }
            return actors.isEmpty ? nil : LetterHolders(letter: letter, actors: actors)
        }
        return TaskSummary(id: task.id, label: task.label, step: charter.steps[task.step].id, letters: letters)
    }

    func step(_ charter: Charter, _ step: Step) -> StepSummary {
        StepSummary(id: step.id, label: step.label, tasks: step.tasks.map { charter.tasks[$0].id })
    }
}

/// How a journal names the charter's actors, actions, events and tasks: by id, by label, or
/// (for actors) by a person's name from `personnes`, as a secretary writes them in a spreadsheet.
///
/// Names are compared through `JournalNames.key`: folded (case, accents) and without spaces,
/// hyphens, underscores, apostrophes and dots, so `Professeur-documentaliste`,
/// `professeur documentaliste` and `professeur_documentaliste` are the same key. An id written
/// exactly always wins; a key that two different things fold to is ambiguous and names both.
struct JournalNames: Sendable {
    /// What a name stands for.
    enum Resolution<Target: Sendable & Hashable>: Sendable {
        case found(Target)
        /// Two or more things fold to this name: their descriptions, sorted.
        case ambiguous([String])
    }

    /// An action or an event (they share the `action` column).
    enum Doing: Sendable, Hashable { case action(Int), event(Int) }

    private(set) var actors: [String: Resolution<[Int]>] = [:]
    private(set) var doings: [String: Resolution<Doing>] = [:]
    private(set) var tasks: [String: Resolution<Int>] = [:]
    /// The names offered as suggestions, by kind.
    let actorNames: [String], doingNames: [String], taskNames: [String]

    init(charter: Charter) {
        var actorCandidates: [String: [(String, [Int])]] = [:]
        for (index, actor) in charter.actors.enumerated() {
            actorCandidates[JournalNames.key(actor.id), default: []].append(("acteur « \(actor.id) »", [index]))
            if let label = actor.label {
                actorCandidates[JournalNames.key(label), default: []].append(("« \(label) » (\(actor.id))", [index]))
            }
        }
        for (person, roles) in charter.persons.sorted(by: { $0.key < $1.key }) {
            actorCandidates[JournalNames.key(person), default: []].append(("personne « \(person) »", roles.sorted()))
        }
        actors = JournalNames.resolve(actorCandidates)
        var doingCandidates: [String: [(String, Doing)]] = [:]
        for (index, action) in charter.actions.enumerated() {
            doingCandidates[JournalNames.key(action.id), default: []].append(("action « \(action.id) »", .action(index)))
            if let label = action.label {
                doingCandidates[JournalNames.key(label), default: []].append(("action « \(label) » (\(action.id))", .action(index)))
            }
        }
        for (index, event) in charter.events.enumerated() {
            doingCandidates[JournalNames.key(event.id), default: []].append(("événement « \(event.id) »", .event(index)))
            if let label = event.label {
                doingCandidates[JournalNames.key(label), default: []].append(("événement « \(label) » (\(event.id))", .event(index)))
            }
        }
        doings = JournalNames.resolve(doingCandidates)
        var taskCandidates: [String: [(String, Int)]] = [:]
        for (index, task) in charter.tasks.enumerated() {
            taskCandidates[JournalNames.key(task.id), default: []].append(("tâche « \(task.id) »", index))
            if let label = task.label {
                taskCandidates[JournalNames.key(label), default: []].append(("tâche « \(label) » (\(task.id))", index))
            }
        }
        tasks = JournalNames.resolve(taskCandidates)
        actorNames = JournalNames.distinct(charter.actors.map(\.id) + charter.actors.compactMap(\.label) + charter.persons.keys.sorted())
        doingNames = JournalNames.distinct(charter.actions.map(\.id) + charter.events.map(\.id) + charter.actions.compactMap(\.label)
            + charter.events.compactMap(\.label))
        taskNames = JournalNames.distinct(charter.tasks.map(\.id) + charter.tasks.compactMap(\.label))
    }

    /// The first of the names with the same key (ids come first, so a label equal to its id is not offered twice).
    private static func distinct(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert(key($0)).inserted }
    }

    /// Keeps one target per key, or the descriptions of every distinct target when they differ.
    private static func resolve<Target: Sendable & Hashable>(_ candidates: [String: [(String, Target)]]) -> [String: Resolution<Target>] {
        var result: [String: Resolution<Target>] = [:]
        for (key, found) in candidates where !key.isEmpty {
            var distinct: [(String, Target)] = []
            for candidate in found where !distinct.contains(where: { $0.1 == candidate.1 }) { distinct.append(candidate) }
            if distinct.count == 1, let only = distinct.first {
                result[key] = .found(only.1)
            } else {
                result[key] = .ambiguous(distinct.map(\.0).sorted())
            }
        }
        return result
    }

    /// The actors a cell names: an id written exactly, a person's name, or a folded id, label or name.
    func actor(_ text: String, in charter: Charter) -> Resolution<[Int]>? {
        if let index = charter.actor(named: text) { return .found([index]) }
        if let roles = charter.persons[text] { return .found(roles.sorted()) }
        return actors[JournalNames.key(text)]
    }

    /// The action or event a cell names.
    func doing(_ text: String, in charter: Charter) -> Resolution<Doing>? {
        if let index = charter.action(named: text) { return .found(.action(index)) }
        if let index = charter.event(named: text) { return .found(.event(index)) }
        return doings[JournalNames.key(text)]
    }

    /// The task a cell names.
    func task(_ text: String, in charter: Charter) -> Resolution<Int>? {
        if let index = charter.task(named: text) { return .found(index) }
        return tasks[JournalNames.key(text)]
    }

    /// The comparison key of a name: folded, without the separators spreadsheets vary.
    static func key(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in Folding.fold(text).unicodeScalars where !ignored.contains(scalar.value) { scalars.append(scalar) }
        return String(scalars)
    }

    /// Spaces (no-break ones too), hyphens, underscores, apostrophes and dots.
    private static let ignored: Set<UInt32> = [0x20, 0x09, 0xA0, 0x202F, 0x2007, 0x2D, 0x2010, 0x2011, 0x2013, 0x5F, 0x27, 0x2019, 0x2E]
}

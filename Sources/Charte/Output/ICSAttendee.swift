/// Whose calendar `charte exporter --format ics --acteur X` writes: one actor, or a person
/// with every role they hold, and the tasks where they hold a letter — directly, or through
/// an instance they sit in, exactly as `charte taches` lists them.
public struct CalendarAttendee: Sendable, Hashable {
    /// The name as asked on the command line.
    public let asked: String
    /// The name a reader sees: the actor's label, or the person's name.
    public let displayName: String
    /// The actors the name stands for (a person may hold several roles), by index.
    public let actors: [Int]
    /// The letter held in each task, by task id (the strongest, as `taches` says it).
    public let letters: [String: HeldLetter]

    /// A letter held in a task, and through whom.
    public struct HeldLetter: Sendable, Hashable {
        /// R, A, S, C or I.
        public let letter: Letter
        /// The label of the actor holding it: one of the roles, or an instance.
        public let holder: String
        /// Whether it is held as a member of the instance `holder`.
        public let throughInstance: Bool
    }

    /// How a name given to `--acteur` resolved.
    public enum Resolution: Sendable, Hashable {
        /// The actor or person.
        case found(CalendarAttendee)
        /// No actor nor person by that name; the close names, at most three.
        case unknown(suggestions: [String])
    }

    /// Resolves an actor's id, an actor's label or a person's name, compared without case or
    /// accents like people's names elsewhere, to the attendee of its calendar.
    public static func resolve(_ name: String, in checked: CheckedCharter) -> Resolution {
        let charter = checked.model
        let folded = Folding.fold(name)
        var actors = charter.actors(for: name)
        // A person's name as declared, even when asked in another case or without accents.
        var displayName = charter.persons.keys.sorted().first { Folding.fold($0) == folded } ?? name
        if let found = actors, found.count == 1, charter.actor(named: name) != nil {
            displayName = charter.actors[found[0]].label ?? PlainWords.readable(charter.actors[found[0]].id)
        }
        if actors == nil, let index = charter.actors.firstIndex(where: { Folding.fold($0.id) == folded || $0.label.map(Folding.fold) == folded }) {
            actors = [index]
            displayName = charter.actors[index].label ?? PlainWords.readable(charter.actors[index].id)
        }
        guard let actors else {
            let names = charter.actors.map { Candidate(name: $0.id, span: nil) } + charter.persons.keys.sorted().map { Candidate(name: $0, span: nil) }
            return .unknown(suggestions: Suggestions.closest(to: name, among: names).map(\.name))
        }
        // Deputies (`suppleance`): when absences land, a deputy's dated windows add the
        // deputised actor's tasks here, each with its window; this is the one place to do it.
        let sheet = QueryEngine(checked).jobSheet(actors: actors, asked: name)
        var letters: [String: HeldLetter] = [:]
        for step in sheet.steps {
            for assignment in step.assignments {
                let holder = charter.actor(named: assignment.holder).map { charter.actors[$0].label ?? PlainWords.readable(charter.actors[$0].id) }
                letters[assignment.task] = HeldLetter(letter: assignment.letter, holder: holder ?? assignment.holder,
                                                      throughInstance: assignment.throughInstance)
            }
        }
        return .found(CalendarAttendee(asked: name, displayName: displayName, actors: actors, letters: letters,
                                       uidToken: actors.map { charter.actors[$0].id }.joined(separator: "+")))
    }

    /// The letter in words, with the role or instance holding it when it is not the attendee
    /// itself: `responsable`, `aide (Référent numérique)`, `approbateur (Conseil pédagogique,
    /// dont vous êtes membre)`.
    public func role(_ held: HeldLetter) -> String {
        let letter = held.letter == .support ? "aide" : held.letter.frenchName
        if held.throughInstance { return "\(letter) (\(held.holder), dont vous êtes membre)" }
        return held.holder == displayName ? letter : "\(letter) (\(held.holder))"
    }

    /// A stable token for UIDs, whatever spelling was asked: the actor ids, joined by `+`.
    public let uidToken: String
}

// Suppléances and incompatibilities in a journal: the `pour` column, the rows permitted
// through a suppléance, and the incompatible actions or roles that met.

extension JournalRun {
    /// One person's action on one object, for `incompatibles` between actions. A person is
    /// known by the roles its cell stands for (`M. Ref` and `ref` are one person when Mr Ref is
    /// the only `ref`).
    struct ActionMeeting: Hashable {
        let person: [Int]
        let action: Int
        let type: Int?
        let values: [Value?]
    }

    /// The `pour` cell as written; a name that is no actor nor person makes the row not verifiable.
    mutating func readOnBehalf<Source>(_ reader: CSVReader<Source>, _ column: Int, line: Int) -> String? {
        switch readActor(reader, column) {
        case nil: return nil
        case .actors(_, let written)?: return written
        case .unknown(let text, let close)?:
            unverifiable(JournalIssue(line: line, kind: .unknownOnBehalf(text), suggestions: close))
            return text
        case .ambiguous(let text, let candidates)?:
            unverifiable(JournalIssue(line: line, kind: .ambiguousName(text, candidates: candidates)))
            return text
        }
    }

    /// Records a permitted row that only a suppléance in its window permits.
    mutating func noteDeputy(actors: [Int], written: String, onBehalf: String?, action: Int, object: ObjectValue, line: Int,
                             date: CalendarDate) {
        guard checker.authorizer.standsIn(actors, action: action, on: date) else { return }
        let dated = checker.authorizer.decide(actors: actors, action: action, object: object, on: date)
        let granting = dated.deputies.filter { standing in
            standing.state == .enCours && actors.contains(charter.deputies[standing.deputy].deputy)
                && dated.decision.rules.contains { $0.kind == .deputy && $0.span == charter.deputies[standing.deputy].span }
        }
        guard !granting.isEmpty else { return }
        report.deputyList.append(JournalDeputyAction(line: line, date: date, actor: written, onBehalf: onBehalf,
                                                        action: charter.actions[action].id, object: objectText(object),
                                                        deputies: granting.map(\.deputy)))
    }

    /// Checks a row against the `incompatibles` declarations: the roles its actor holds that day
    /// (its own, and those it stands in for), and the actions the same person did on the same object.
    mutating func checkIncompatibilities(actors: [Int], written: String, action: Int, object: ObjectValue, line: Int,
                                         date: CalendarDate) {
        var roles = Set(actors)
        for deputy in charter.deputies where actors.contains(deputy.deputy) && deputy.isActive(on: date) {
            roles.insert(deputy.deputised)
        }
        let person = Array(Set(actors)).sorted()
        for incompatibility in charter.incompatibilities {
            let declarationLine = checker.charterSource.map { $0.location(of: incompatibility.span.start).line }
            switch incompatibility.kind {
            case .actors(let a, let b):
                guard roles.contains(a), roles.contains(b) else { continue }
                let first = charter.actors[a].id, second = charter.actors[b].id
                guard reportedRoleMeetings.insert(person.map { charter.actors[$0].id } + [first, second]).inserted else { continue }
                report.incompatibilityList.append(JournalIncompatibility(line: line, date: date, actor: written,
                                                                       kind: .roles(first: first, second: second),
                                                                       declarationLine: declarationLine, note: incompatibility.note))
            case .actions(let a, let b):
                guard a == action || b == action else { continue }
                let other = a == action ? b : a
                let met = ActionMeeting(person: person, action: other, type: object.type, values: object.values)
                guard let firstLine = actionMeetings[met] else { continue }
                report.incompatibilityList.append(JournalIncompatibility(
                    line: line, date: date, actor: written,
                    kind: .actions(first: charter.actions[other].id, second: charter.actions[action].id, firstLine: firstLine,
                                   object: objectText(object)),
                    declarationLine: declarationLine, note: incompatibility.note))
            case .letters:
                continue
            }
        }
        if watchedActions.contains(action) {
            let key = ActionMeeting(person: person, action: action, type: object.type, values: object.values)
            if actionMeetings[key] == nil { actionMeetings[key] = line }
        }
    }

    /// An object as a literal with its known attributes: `ressource(categorie: outil, discipline: "SVT")`.
    func objectText(_ object: ObjectValue) -> String? {
        guard let type = object.type else { return nil }
        let attributes = charter.objectTypes[type].attributes
        let fields = attributes.indices.compactMap { index -> String? in
            guard index < object.values.count, let value = object.values[index] else { return nil }
            return "\(attributes[index].name): \(value.written(as: attributes[index].type))"
        }
        return charter.objectTypes[type].id + "(" + fields.joined(separator: ", ") + ")"
    }
}

/// The "fiche" of one actor: what it holds in which task, by when, and the permission rules
/// that name it, so each person can be handed their own page.
public struct RoleSheet: Sendable, Hashable {
    /// One task the actor takes part in.
    public struct Item: Sendable, Hashable {
        /// The letter held.
        public let letter: Letter
        /// The task's id.
        public let task: String
        /// The task's label.
        public let label: String
        /// The step's label.
        public let step: String
        /// The deadline.
        public let deadline: TaskDeadline
        /// The labels of the instances where the task is done (`en`).
        public let places: [String]
        /// The responsables' labels, for tasks the actor does not lead.
        public let responsables: [String]
        /// The task's notes, joined, for tasks the actor leads (R); nil otherwise or without notes.
        public let note: String?
    }

    /// The actor's id.
    public let id: String
    /// The actor's label.
    public let label: String
    /// Role, instance or external actor.
    public let kind: ActorKind
    /// The people who act as this role.
    public let persons: [String]
    /// The members' labels, for an instance.
    public let members: [String]
    /// The tasks, by letter (R first), then in declaration order.
    public let items: [Item]
    /// The permission rules that name the actor (rules for `tous` are left to the charter's list).
    public let permissions: [PermissionLine]
    /// What the actor may do: the actions of the tasks it leads or helps, then the `autorise`
    /// rules that name it, in charter order (an `interdit` in `permissions` can still refuse).
    public let abilities: [Ability]

    /// One thing an actor may do, and why.
    public struct Ability: Sendable, Hashable {
        /// The action's label.
        public let action: String
        /// The condition on the objects, in words (`la catégorie est manuel`); nil for every object.
        public let condition: String?
        /// The task's label that grants it, nil for an `autorise` rule.
        public let task: String?

        /// `Attribuer des licences dans le GAR, si la catégorie est manuel (tâche « … »)`.
        public var text: String {
            action + (condition.map { ", si \($0)" } ?? "")
                + (task.map { " (tâche «\u{00A0}\($0)\u{00A0}»)" } ?? " (autorisation)")
        }
    }

    /// The sheets of every actor that holds a letter or is named by a permission, in declaration order.
    static func sheets(of charter: Charter) -> [RoleSheet] {
        let permissions = PermissionLine.lines(of: charter)
        return charter.actors.indices.compactMap { index in
            let sheet = RoleSheet(actor: index, charter: charter, permissions: permissions)
            return sheet.items.isEmpty && sheet.permissions.isEmpty ? nil : sheet
        }
    }

    /// The sheet of one actor.
    init(actor index: Int, charter: Charter, permissions: [PermissionLine]) {
        let actor = charter.actors[index]
        func name(_ i: Int) -> String { charter.actors[i].label ?? charter.actors[i].id }
        id = actor.id
        label = name(index)
        kind = actor.kind
        persons = actor.persons
        members = actor.members.map(name)
        items = Letter.allCases.flatMap { letter in
            charter.tasks.filter { $0.actors(letter).contains(index) }.map { task in
                Item(letter: letter, task: task.id, label: task.label ?? task.id,
                     step: charter.steps[task.step].label ?? charter.steps[task.step].id,
                     deadline: TaskDeadline(task: task, charter: charter),
                     places: task.places.map(name),
                     responsables: letter == .responsible ? [] : task.responsables.map(name),
                     note: letter == .responsible && !task.notes.isEmpty ? task.notes.joined(separator: " ") : nil)
            }
        }
        self.permissions = zip(charter.permissions, permissions).filter { !$0.0.everyone && $0.0.actors.contains(index) }.map(\.1)
        var abilities: [Ability] = []
        for task in charter.tasks where task.responsables.contains(index) || task.aides.contains(index) {
            for performed in task.actions {
                let action = charter.actions[performed.action]
                let ability = Ability(action: action.label ?? PlainWords.readable(action.id),
                                      condition: charter.conditionWords(performed.condition, action: performed.action),
                                      task: task.label ?? PlainWords.readable(task.id))
                if !abilities.contains(ability) { abilities.append(ability) }
            }
        }
        for rule in charter.permissions where rule.kind == .permit && rule.applies(to: index) && !rule.everyone {
            let action = charter.actions[rule.action]
            abilities.append(Ability(action: action.label ?? PlainWords.readable(action.id),
                                     condition: charter.conditionWords(rule.condition, action: rule.action), task: nil))
        }
        self.abilities = abilities
    }
}

/// An `autorise` or `interdit` rule in words.
public struct PermissionLine: Sendable, Hashable {
    /// `autorise` or `interdit`.
    public let kind: PermissionKind
    /// The actors' labels, or `["tous"]`.
    public let actors: [String]
    /// The action's label.
    public let action: String
    /// The condition in words (`la catégorie est manuel`), if any.
    public let condition: String?

    /// `Interdit : Coordinateurs — Commander une ressource, si la catégorie est manuel`.
    public var text: String {
        let head = kind == .permit ? "Autorisé" : "Interdit"
        return "\(head) : \(actors.joined(separator: ", ")) — \(action)" + (condition.map { ", si \($0)" } ?? "")
    }

    /// The lines of every rule of a charter, in declaration order.
    static func lines(of charter: Charter) -> [PermissionLine] {
        charter.permissions.map { rule in
            let action = charter.actions[rule.action]
            return PermissionLine(
                kind: rule.kind,
                actors: rule.everyone
                    ? [rule.exceptions.isEmpty ? "tous"
                        : "tous sauf " + rule.exceptions.map { charter.actors[$0].label ?? PlainWords.readable(charter.actors[$0].id) }
                            .joined(separator: ", ")]
                    : rule.actors.map { charter.actors[$0].label ?? PlainWords.readable(charter.actors[$0].id) },
                action: action.label ?? PlainWords.readable(action.id),
                condition: charter.conditionWords(rule.condition, action: rule.action))
        }
    }
}

extension Charter {
    /// A condition on an action's objects written back in Charte's syntax, nil without one.
    func conditionText(_ condition: Predicate?, action: Int) -> String? {
        guard let condition, let type = actions[action].objectType else { return nil }
        return ConditionText(objectType: objectTypes[type]).text(condition)
    }

    /// A condition on an action's objects in words, for people; nil without one. The action's
    /// scope comes first: what a rule or a task allows is read inside it.
    func conditionWords(_ condition: Predicate?, action: Int) -> String? {
        guard let type = actions[action].objectType else { return nil }
        let scope = actions[action].scope
        guard let effective = scope.map({ scope in condition.map { Predicate.and(scope, $0) } ?? scope }) ?? condition else { return nil }
        return ConditionWords(objectType: objectTypes[type]).text(effective)
    }
}

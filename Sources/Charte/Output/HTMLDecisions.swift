/// Every answer `charte peut` can give on a charter, computed once for the HTML page, so its
/// « Puis-je… ? » form answers exactly what the command line answers without evaluating a rule.
///
/// For each action, the attributes its rules read split the objects into classes on which
/// every comparison of every rule has the same truth: each value of an enumeration or a
/// boolean, each constant a number, amount or date is compared with and the gaps between
/// them, each text a rule names and « any other text », and « unknown » for every attribute.
/// The decision of each (actor or person, class) is `Authorizer.decide` on one object of the
/// class — the very function behind `peut` — and the page only finds the class of what the
/// reader typed. Decisions are interned: the page stores each distinct one once.
///
/// An action whose rules compare two texts, numbers or dates with each other, or whose classes
/// would be too many, is not embedded: the page says to ask `charte peut` (fail closed).
struct HTMLDecisions {
    /// The most classes of objects embedded for one action.
    static let maximumClasses = 4096
    /// The most answers (actors × classes) embedded for one action, and for the whole page.
    static let maximumAnswers = 100_000
    static let maximumTotalAnswers = 250_000

    /// How one attribute splits the objects.
    enum Split: Equatable {
        /// An enumeration (its value's index, then unknown) or a boolean (faux, vrai, unknown).
        case finite(count: Int, isBoolean: Bool)
        /// An ordered attribute: unknown, then below the first cut, at it, between it and the next…
        case ordered(cuts: [Value])
        /// A text: unknown, each named text, then any other.
        case text(named: [String])

        /// Whether a slot stands for « unknown »: the last of a finite attribute, the first of the others.
        func isUnknown(_ slot: Int) -> Bool {
            if case .finite(let count, _) = self { return slot == count }
            return slot == 0
        }

        var size: Int {
            switch self {
            case .finite(let count, _): count + 1
            case .ordered(let cuts): 2 * cuts.count + 2
            case .text(let named): named.count + 2
            }
        }
    }

    /// The embedded answers of one action, or why there are none.
    struct ActionTable {
        /// The attributes read, each with its split, in attribute order.
        let splits: [(attribute: Int, split: Split)]
        /// `answers[reference * classCount + class]`: an index into `decisions`, or -1 for a class no object falls in.
        let answers: [Int]
        /// Why the action is not embedded, in words, when it is not.
        let omitted: String?
    }

    /// A decision as the page shows it: outcome, missing attribute names, rule indices.
    struct Answer: Hashable {
        let outcome: Outcome
        let missing: [String]
        let rules: [Int]
    }

    /// A rule as the page cites it.
    struct CitedRule: Hashable {
        let kind: DecidingRule.Kind
        let id: String
        /// The line in the charter, 0 when unknown (the default deny).
        let line: Int
        /// The rule in words.
        let words: String
    }

    /// The actor references, in the form's order: every actor, then every person by name.
    let references: [(asked: String, actors: [Int])]
    let tables: [ActionTable]
    let decisions: [Answer]
    let rules: [CitedRule]

    init(charter: Charter, file: SourceFile?) {
        var references = charter.actors.indices.map { (asked: charter.actors[$0].id, actors: [$0]) }
        for name in charter.persons.keys.sorted() {
            if let actors = charter.actors(for: name) { references.append((asked: name, actors: actors)) }
        }
        self.references = references
        let authorizer = Authorizer(charter: charter)
        var decisionIndex: [Answer: Int] = [:], decisions: [Answer] = []
        var ruleIndex: [DecidingRule: Int] = [:], rules: [CitedRule] = []
        let permissionLines = PermissionLine.lines(of: charter)
        func cite(_ rule: DecidingRule) -> Int {
            if let index = ruleIndex[rule] { return index }
            let line = rule.span.flatMap { span in file.flatMap { $0.id == span.file ? $0.location(of: span.start).line : nil } } ?? 0
            rules.append(CitedRule(kind: rule.kind, id: rule.id, line: line, words: HTMLDecisions.words(of: rule, charter: charter, lines: permissionLines)))
            ruleIndex[rule] = rules.count - 1
            return rules.count - 1
        }
        var tables: [ActionTable] = []
        var total = 0
        for action in charter.actions.indices {
            let plan = HTMLDecisions.splits(of: action, in: charter)
            guard case .success(let splits) = plan else {
                if case .failure(let reason) = plan { tables.append(ActionTable(splits: [], answers: [], omitted: reason.words)) }
                continue
            }
            let classCount = splits.reduce(1) { $0 * $1.split.size }
            let count = classCount * references.count
            guard count <= HTMLDecisions.maximumAnswers, total + count <= HTMLDecisions.maximumTotalAnswers else {
                tables.append(ActionTable(splits: [], answers: [], omitted: Omission.tooManyClasses(classCount).words))
                continue
            }
            total += count
            let type = charter.actions[action].objectType
            let width = type.map { charter.objectTypes[$0].attributes.count } ?? 0
            // One object per class; nil for an empty gap between two consecutive cuts.
            var objects: [ObjectValue?] = []
            objects.reserveCapacity(classCount)
            for index in 0..<classCount {
                var object = ObjectValue.unknown(type: type, attributeCount: width)
                var rest = index, possible = true
                for (attribute, split) in splits {
                    let slot = rest % split.size
                    rest /= split.size
                    guard let value = HTMLDecisions.representative(slot: slot, of: split) else {
                        if !split.isUnknown(slot) { possible = false }
                        continue
                    }
                    object.values[attribute] = value
                }
                objects.append(possible ? object : nil)
            }
            var answers: [Int] = []
            answers.reserveCapacity(references.count * classCount)
            for reference in references {
                for object in objects {
                    guard let object else {
                        answers.append(-1)
                        continue
                    }
                    let decision = authorizer.decide(actors: reference.actors, action: action, object: object)
                    let answer = Answer(outcome: decision.outcome, missing: decision.missing, rules: decision.rules.map(cite))
                    if let known = decisionIndex[answer] {
                        answers.append(known)
                    } else {
                        decisions.append(answer)
                        decisionIndex[answer] = decisions.count - 1
                        answers.append(decisions.count - 1)
                    }
                }
            }
            tables.append(ActionTable(splits: splits, answers: answers, omitted: nil))
        }
        self.tables = tables
        self.decisions = decisions
        self.rules = rules
    }

    // MARK: - Classes

    /// Why an action's answers are not embedded.
    enum Omission: Error {
        case comparesAttributes, tooManyClasses(Int)

        var words: String {
            switch self {
            case .comparesAttributes:
                "ses règles comparent deux attributs entre eux ; la page ne tranche pas cette question"
            case .tooManyClasses:
                "ses règles distinguent trop de cas pour cette page"
            }
        }
    }

    /// The attributes an action's rules read, each with the classes it splits objects into.
    static func splits(of action: Int, in charter: Charter) -> Result<[(attribute: Int, split: Split)], Omission> {
        // The action's scope reads attributes too: outside it the action is refused.
        var conditions: [Predicate] = charter.actions[action].scope.map { [$0] } ?? []
        for task in charter.tasks {
            for performed in task.actions where performed.action == action {
                if let condition = performed.condition { conditions.append(condition) }
            }
        }
        for permission in charter.permissions where permission.action == action {
            if let condition = permission.condition { conditions.append(condition) }
        }
        guard let type = charter.actions[action].objectType else { return .success([]) }
        let attributes = charter.objectTypes[type].attributes
        var constants: [Int: [Value]] = [:], read = Set<Int>()
        var comparesAttributes = false
        func visit(_ predicate: Predicate) {
            switch predicate {
            case .constant: break
            case .or(let a, let b), .and(let a, let b):
                visit(a)
                visit(b)
            case .not(let a): visit(a)
            case .isTrue(let attribute): read.insert(attribute)
            case .member(let attribute, let values):
                read.insert(attribute)
                constants[attribute, default: []] += values
            case .compare(.attribute(let a), _, .attribute(let b)):
                read.formUnion([a, b])
                if a < attributes.count, attributes[a].type.finiteCount == nil { comparesAttributes = true }
            case .compare(.attribute(let a), _, .constant(let value)), .compare(.constant(let value), _, .attribute(let a)):
                read.insert(a)
                constants[a, default: []].append(value)
            case .compare(.constant, _, .constant): break
            }
        }
        conditions.forEach(visit)
        if comparesAttributes { return .failure(.comparesAttributes) }
        var splits: [(attribute: Int, split: Split)] = []
        var classes = 1
        for attribute in read.sorted() where attribute < attributes.count {
            let split: Split
            switch attributes[attribute].type {
            case .enumeration(let values): split = .finite(count: values.count, isBoolean: false)
            case .boolean: split = .finite(count: 2, isBoolean: true)
            case .text:
                var named: [String] = []
                for case .text(let text) in constants[attribute] ?? [] where !named.contains(text) { named.append(text) }
                split = .text(named: named.sorted())
            case .number, .date, .euros:
                split = .ordered(cuts: Array(Set(constants[attribute] ?? [])).sorted())
            }
            classes *= split.size
            if classes > maximumClasses { return .failure(.tooManyClasses(classes)) }
            splits.append((attribute, split))
        }
        return .success(splits)
    }

    /// A value of a class of a split; nil for unknown (slot 0 of texts and ordered, the last
    /// slot of finite attributes) and for an empty gap between consecutive cuts.
    static func representative(slot: Int, of split: Split) -> Value? {
        switch split {
        case .finite(let count, let isBoolean):
            guard slot < count else { return nil }
            return isBoolean ? .boolean(slot == 1) : .enumeration(slot)
        case .text(let named):
            if slot == 0 { return nil }
            if slot <= named.count { return .text(named[slot - 1]) }
            var other = "autre"
            while named.contains(other) { other += " texte" }
            return .text(other)
        case .ordered(let cuts):
            if slot == 0 { return nil }
            let position = (slot - 1) / 2
            if slot % 2 == 0 { return cuts[position] }
            // A gap: below cuts[position] (or above the last cut), above the previous one.
            if position == cuts.count { return cuts.last.flatMap { step($0, by: 1) } }
            guard let below = step(cuts[position], by: -1) else { return nil }
            if position > 0, !(cuts[position - 1] < below) { return nil }
            return below
        }
    }

    /// The next or previous value of an ordered type, nil past its range.
    static func step(_ value: Value, by delta: Int) -> Value? {
        switch value {
        case .number(let n):
            let (next, overflow) = n.addingReportingOverflow(Int64(delta))
            return overflow ? nil : .number(next)
        case .amount(let cents):
            let (next, overflow) = cents.addingReportingOverflow(Int64(delta))
            return overflow ? nil : .amount(next)
        case .date(let date): return date.adding(days: delta).map(Value.date)
        default: return nil
        }
    }

    // MARK: - Words

    /// A deciding rule in words: the task by its label, the permission as the document writes it.
    static func words(of rule: DecidingRule, charter: Charter, lines: [PermissionLine]) -> String {
        switch rule.kind {
        case .default:
            return "le refus par défaut : aucune règle ne le permet"
        case .task:
            let label = charter.task(named: rule.id).map { charter.tasks[$0].label ?? PlainWords.readable(charter.tasks[$0].id) } ?? rule.id
            return "la tâche «\u{00A0}\(label)\u{00A0}»"
        case .permit, .forbid:
            if let index = charter.permissions.firstIndex(where: { $0.span == rule.span }) { return lines[index].text }
            return rule.id
        case .deputy:
            return rule.id
        case .scope:
            // The action's scope (`action … sur T si …`): outside it the action is refused.
            guard let action = charter.action(named: rule.id) else { return "la portée de l'action \(rule.id)" }
            let label = charter.actions[action].label ?? PlainWords.readable(rule.id)
            let words = charter.conditionWords(nil, action: action)
            return "la portée de l'action «\u{00A0}\(label)\u{00A0}»" + (words.map { ", seulement si \($0)" } ?? "")
        }
    }
}

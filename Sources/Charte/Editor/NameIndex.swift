/// Where every name of a charter is declared and used, read from its syntax tree.
///
/// Built from the tree alone (not the checked model), so a charter with errors still
/// answers hover, definition, references and rename for every part that parsed. Names live
/// in the language's namespaces: the shared one (actors, object types, actions, events,
/// steps, tasks), the calendar's, each object type's attributes, and each attribute's values.
public struct NameIndex: Sendable {
    /// The namespace a name is looked up in.
    public enum Namespace: Sendable, Hashable {
        /// Actors, object types, actions, events, steps and tasks.
        case shared
        /// The calendar's dates and periods.
        case calendar
        /// The attributes of one object type.
        case attribute(type: String)
        /// The values of one enumerated attribute.
        case value(type: String, attribute: String)
    }

    /// What a declared name is.
    public enum Kind: Sendable, Hashable {
        case actor(ActorKind), objectType, action, event, step, task, calendarEntry, attribute, value

        /// The French word for it, as hover shows it.
        public var french: String {
            switch self {
            case .actor(.role): "rôle"
            case .actor(.instance): "instance"
            case .actor(.external): "acteur externe"
            case .objectType: "type d'objet"
            case .action: "action"
            case .event: "événement"
            case .step: "étape"
            case .task: "tâche"
            case .calendarEntry: "date du calendrier"
            case .attribute: "attribut"
            case .value: "valeur"
            }
        }
    }

    /// One declaration of a name.
    public struct Entry: Sendable, Hashable {
        /// The name as declared.
        public var name: String
        /// Its namespace.
        public var namespace: Namespace
        /// What it declares.
        public var kind: Kind
        /// Where the name is written.
        public var nameSpan: Span
        /// The whole declaration.
        public var span: Span
        /// Its label, if it has one.
        public var label: String?
    }

    /// One place a name is written.
    public struct Occurrence: Sendable, Hashable {
        /// The name as written.
        public var name: String
        /// The namespace it is looked up in.
        public var namespace: Namespace
        /// Where it is written.
        public var span: Span
        /// Whether this is the name's declaration (rather than a use).
        public var isDeclaration: Bool
    }

    /// Every declaration, in source order (duplicates included).
    public private(set) var declarations: [Entry] = []
    /// Every occurrence, in source order.
    public private(set) var occurrences: [Occurrence] = []
    /// The object type of each action and event, by name.
    private var objectTypeOf: [String: String] = [:]
    /// The attributes of each object type and their enumerated values.
    private var attributesOf: [String: [String: [String]]] = [:]

    /// The index of a tree.
    public init(_ tree: SyntaxTree) {
        collectTypes(tree)
        for declaration in tree.declarations { visit(declaration) }
        occurrences.sort { $0.span.start < $1.span.start }
    }

    // MARK: - Queries

    /// The occurrence covering a byte offset (its end included, where a cursor rests after typing).
    public func occurrence(at offset: Int) -> Occurrence? {
        var low = 0, high = occurrences.count
        while low < high {
            let mid = (low + high) / 2
            if occurrences[mid].span.end < offset { low = mid + 1 } else { high = mid }
        }
        guard low < occurrences.count, occurrences[low].span.start <= offset else { return nil }
        return occurrences[low]
    }

    /// The declarations of a name in a namespace (the first is the one that counts).
    public func declarations(of name: String, in namespace: Namespace) -> [Entry] {
        declarations.filter { $0.name == name && $0.namespace == namespace }
    }

    /// Every occurrence of a name in a namespace, declarations included.
    public func occurrences(of name: String, in namespace: Namespace) -> [Occurrence] {
        occurrences.filter { $0.name == name && $0.namespace == namespace }
    }

    /// Whether a name is declared in a namespace.
    public func isDeclared(_ name: String, in namespace: Namespace) -> Bool {
        declarations.contains { $0.name == name && $0.namespace == namespace }
    }

    /// The object type an action or event is declared on.
    public func objectType(of actionOrEvent: String) -> String? { objectTypeOf[actionOrEvent] }

    // MARK: - Building

    /// Object types of actions and events, attributes of object types: needed before conditions are read.
    private mutating func collectTypes(_ tree: SyntaxTree) {
        for declaration in tree.declarations {
            switch declaration {
            case .action(let decl): if let type = decl.objectType { objectTypeOf[decl.name.text] = type.text }
            case .event(let decl): if let type = decl.objectType { objectTypeOf[decl.name.text] = type.text }
            case .object(let decl):
                var attributes: [String: [String]] = [:]
                for attribute in decl.attributes {
                    if case .enumeration(let values) = attribute.type { attributes[attribute.name.text] = values.map(\.text) }
                    else { attributes[attribute.name.text] = [] }
                }
                attributesOf[decl.name.text] = attributes
            default: break
            }
        }
    }

    private mutating func declare(_ name: Name, _ namespace: Namespace, _ kind: Kind, span: Span, label: StringLiteral?) {
        declarations.append(Entry(name: name.text, namespace: namespace, kind: kind, nameSpan: name.span,
                                        span: span, label: label?.value))
        occurrences.append(Occurrence(name: name.text, namespace: namespace, span: name.span, isDeclaration: true))
    }

    private mutating func use(_ name: Name, _ namespace: Namespace = .shared) {
        occurrences.append(Occurrence(name: name.text, namespace: namespace, span: name.span, isDeclaration: false))
    }

    private mutating func visit(_ declaration: Declaration) {
        switch declaration {
        case .calendar(let decl):
            for entry in decl.entries { declare(entry.name, .calendar, .calendarEntry, span: entry.span, label: entry.label) }
        case .actor(let decl):
            declare(decl.name, .shared, .actor(decl.kind), span: decl.span, label: decl.label)
            decl.members.forEach { use($0) }
        case .object(let decl):
            declare(decl.name, .shared, .objectType, span: decl.span, label: decl.label)
            for attribute in decl.attributes {
                declare(attribute.name, .attribute(type: decl.name.text), .attribute, span: attribute.span, label: nil)
                if case .enumeration(let values) = attribute.type {
                    for value in values {
                        declare(value, .value(type: decl.name.text, attribute: attribute.name.text), .value, span: value.span, label: nil)
                    }
                }
            }
            decl.key.map { use($0, .attribute(type: decl.name.text)) }
        case .action(let decl):
            declare(decl.name, .shared, .action, span: decl.span, label: decl.label)
            decl.objectType.map { use($0) }
            if let scope = decl.scope { visit(scope, type: decl.objectType?.text) }
        case .event(let decl):
            declare(decl.name, .shared, .event, span: decl.span, label: decl.label)
            decl.objectType.map { use($0) }
        case .step(let decl):
            declare(decl.name, .shared, .step, span: decl.span, label: decl.label)
            decl.after.forEach { use($0) }
            for task in decl.tasks { visit(task) }
        case .permission(let decl):
            decl.actors.forEach { use($0) }
            decl.exceptions.forEach { use($0) }
            use(decl.action)
            if let condition = decl.condition { visit(condition, type: objectTypeOf[decl.action.text]) }
        case .test(let decl):
            for located in decl.assertions { visit(located.assertion) }
        case .deputy(let decl):
            use(decl.deputised)
            use(decl.deputy)
            for located in decl.clauses {
                switch located.clause {
                case .tasks(let names): names.forEach { use($0) }
                case .action(let name, let condition):
                    use(name)
                    if let condition { visit(condition, type: objectTypeOf[name.text]) }
                default: break
                }
            }
        case .incompatibility(let decl):
            decl.names.forEach { use($0) }
        case .requirement(let decl):
            use(decl.prior)
            decl.actors.forEach { use($0) }
            use(decl.action)
            if let condition = decl.condition { visit(condition, type: objectTypeOf[decl.action.text]) }
        default:
            break
        }
    }

    private mutating func visit(_ task: TaskDecl) {
        declare(task.name, .shared, .task, span: task.span, label: task.label)
        for located in task.clauses {
            switch located.clause {
            case .actors(_, let names), .after(let names), .place(let names):
                names.forEach { use($0) }
            case .action(let name, let condition):
                use(name)
                if let condition { visit(condition, type: objectTypeOf[name.text]) }
            case .deadline(let expression):
                if case .name(let name) = expression.base { use(name, .calendar) }
            case .when(let name):
                use(name)
            default:
                break
            }
        }
    }

    private mutating func visit(_ assertion: Assertion) {
        if case .who(let target, let object, let expected) = assertion {
            use(target)
            object.map { visit($0) }
            expected.forEach { use($0) }
        } else if case .may(let actor, let action, let object) = assertion {
            if case .id(let name) = actor { use(name) }
            use(action)
            object.map { visit($0) }
        } else if case .refuse(let actor, let action, let object) = assertion {
            if case .id(let name) = actor { use(name) }
            use(action)
            object.map { visit($0) }
        } else if case .only(let actors, let action, let object) = assertion {
            for case .id(let name) in actors { use(name) }
            use(action)
            object.map { visit($0) }
        }
    }

    private mutating func visit(_ literal: ObjectLiteral) {
        use(literal.type)
        let type = literal.type.text
        for field in literal.fields {
            use(field.name, .attribute(type: type))
            if case .name(let value) = field.value.value {
                use(value, .value(type: type, attribute: field.name.text))
            }
        }
    }

    /// The names of a condition over objects of `type`: attributes, and values compared with them.
    private mutating func visit(_ condition: Condition, type: String?) {
        // An explicit stack: conditions may be deep, the index never recurses on them.
        var pending = [condition]
        while let next = pending.popLast() {
            switch next.kind {
            case .or(let left, let right), .and(let left, let right):
                pending.append(right)
                pending.append(left)
            case .not(let inner):
                pending.append(inner)
            case .comparison(_, let left, let right):
                operands([left, right], type: type)
            case .membership(let subject, let values):
                operands([subject] + values, type: type)
            case .value(let value):
                operands([value], type: type)
            default:
                break
            }
        }
    }

    /// Attribute names among some operands, and the values of the attribute they are compared with.
    private mutating func operands(_ values: [LocatedValue], type: String?) {
        guard let type, let attributes = attributesOf[type] else { return }
        let names = values.compactMap { value -> Name? in
            if case .name(let name) = value.value { return name }
            return nil
        }
        let attribute = names.first { attributes[$0.text] != nil }
        for name in names {
            if let attribute, name.text == attribute.text, name.span == attribute.span {
                use(name, .attribute(type: type))
            } else if let attribute, attributes[attribute.text]?.contains(name.text) == true {
                use(name, .value(type: type, attribute: attribute.text))
            }
        }
    }
}

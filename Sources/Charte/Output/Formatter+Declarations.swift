// The formatter's walk over declarations, steps, tasks and tests: one layout line per
// declaration head, clause, block item and closing brace.

/// Builds the layout lines of a syntax tree, in source order.
struct LayoutBuilder {
    /// The source, for fallbacks and blank-line detection.
    let file: SourceFile
    /// The source's tokens, to find keywords the tree does not keep a span for.
    let tokens: [Token]
    /// The lines built so far.
    var lines: [LayoutLine] = []
    private var depth = 0
    var expressions: ExpressionPrinter { ExpressionPrinter(file: file) }

    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    // MARK: - Lines

    mutating func line(_ head: String, tail: String? = nil, family: AlignmentFamily? = nil,
                               at anchor: Int, rule: BlankRule = .preserve) {
        lines.append(LayoutLine(indent: depth, head: head, tail: tail, family: family, anchor: anchor,
                                rule: rule, sourceBlank: blankBefore(anchor)))
    }

    /// Opens a block whose items follow; `rule` applies to the first item.
    mutating func open() { depth += 1 }

    /// Closes a block with the `}` written at `span.end - 1` (the block's last byte).
    mutating func close(_ span: Span, empty: Bool) {
        depth -= 1
        var closing = LayoutLine(indent: depth, head: "}", anchor: max(span.start, span.end - 1),
                                 rule: empty ? .never : .preserve)
        closing.isClosing = true
        lines.append(closing)
    }

    /// Whether the source has a blank line right before `offset`.
    func blankBefore(_ offset: Int) -> Bool { LayoutBuilder.blankBefore(offset, in: file) }

    /// Whether `file` has a blank line right before `offset` (only white space between).
    static func blankBefore(_ offset: Int, in file: SourceFile) -> Bool {
        let bytes = file.bytes
        var index = min(offset, bytes.count) - 1
        var newlines = 0
        while index >= 0 {
            switch bytes[index] {
            case UInt8(ascii: "\n"): newlines += 1
            // A lone `\r` ends a line too; before `\n` it is part of one line end.
            case UInt8(ascii: "\r"): if index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n") { newlines += 1 }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C: break
            default: return newlines >= 2
            }
            index -= 1
        }
        return false
    }

    /// The start of the token just before the one starting at `offset` (a clause keyword).
    func keywordStart(before offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].span.start < offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? tokens[low - 1].span.start : offset
    }

    /// Adds the pseudo-line that carries the comments after the last declaration.
    mutating func finish() {
        var end = LayoutLine(indent: 0, head: "", anchor: file.bytes.count, rule: .preserve)
        end.isEnd = true
        lines.append(end)
    }

    // MARK: - Declarations

    /// Whether a declaration is a large block, set apart by blank lines.
    static func isLargeBlock(_ declaration: Declaration) -> Bool {
        switch declaration {
        case .establishment(let d): !d.metadata.isEmpty
        case .calendar, .step, .test, .thresholds: true
        case .object(let d): d.attributes.count > 1
        case .deputy(let d): !d.clauses.isEmpty
        case .actor, .action, .event, .permission, .incompatibility, .requirement: false
        case .adaptation(let d): isLargeBlock(d)
        }
    }

    /// Adds the lines of every declaration of a tree.
    mutating func build(_ tree: SyntaxTree) {
        var previousLarge = false
        for (index, declaration) in tree.declarations.enumerated() {
            let large = LayoutBuilder.isLargeBlock(declaration)
            let rule: BlankRule = index == 0 ? .never : (large || previousLarge ? .always : .preserve)
            build(declaration, rule: rule)
            previousLarge = large
        }
        finish()
    }

    mutating func build(_ declaration: Declaration, rule: BlankRule) {
        let e = expressions
        switch declaration {
        case .establishment(let d):
            let head = "\(Keyword.etablissement.spelling) \(e.string(d.label))"
            if d.metadata.isEmpty {
                line(head, at: d.span.start, rule: rule)
                return
            }
            line(head + " {", at: d.span.start, rule: rule)
            open()
            for (index, entry) in d.metadata.enumerated() {
                line("\(entry.key.text) \(e.string(entry.value))", at: entry.key.span.start, rule: index == 0 ? .never : .preserve)
            }
            close(d.span, empty: false)
        case .calendar(let d):
            line(Keyword.calendrier.spelling + (d.label.map { " " + e.string($0) } ?? "") + " {", at: d.span.start, rule: rule)
            open()
            // The zone line and the entries, in the order they are written.
            var items = d.entries.map { (text: e.calendarEntry($0), start: $0.span.start) }
            if let zone = d.zone {
                items.append((text: Keyword.zone.spelling + " " + zone.text, start: d.zoneSpan.start))
                items.sort { $0.start < $1.start }
            }
            for (index, item) in items.enumerated() {
                line(item.text, at: item.start, rule: index == 0 ? .never : .preserve)
            }
            close(d.span, empty: items.isEmpty)
        case .actor(let d):
            buildActor(d, rule: rule)
        case .object(let d):
            let head = "\(Keyword.objet.spelling) \(d.name.text)" + (d.label.map { " " + e.string($0) } ?? "")
                + (d.key.map { " \(Keyword.cle.spelling) \($0.text)" } ?? "")
            if d.attributes.isEmpty {
                line(head, at: d.span.start, rule: rule)
                return
            }
            line(head + " {", at: d.span.start, rule: rule)
            lines[lines.count - 1].opensShortBlock = d.attributes.count == 1
            open()
            for (index, attribute) in d.attributes.enumerated() {
                line(e.attribute(attribute), at: attribute.span.start, rule: index == 0 ? .never : .preserve)
            }
            close(d.span, empty: false)
        case .action(let d):
            buildNamed(.action, d.name, d.label, objectType: d.objectType, scope: d.scope, span: d.span, rule: rule)
        case .event(let d):
            buildNamed(.evenement, d.name, d.label, objectType: d.objectType, span: d.span, rule: rule)
        case .step(let d):
            var head = "\(Keyword.etape.spelling) \(d.name.text)" + (d.label.map { " " + e.string($0) } ?? "")
            if !d.after.isEmpty { head += " \(Keyword.apres.spelling) " + e.names(d.after) }
            line(head + " {", at: d.span.start, rule: rule)
            open()
            for (index, task) in d.tasks.enumerated() {
                buildTask(task, rule: index == 0 ? .never : .preserve)
            }
            close(d.span, empty: d.tasks.isEmpty)
        case .permission(let d):
            line((d.isLocked ? Keyword.verrouille.spelling + " " : "") + e.permission(d), at: d.span.start, rule: rule)
        case .test(let d):
            line("\(Keyword.test.spelling) \(e.string(d.label)) {", at: d.span.start, rule: rule)
            open()
            for (index, assertion) in d.assertions.enumerated() {
                line(e.assertion(assertion.assertion), at: assertion.span.start, rule: index == 0 ? .never : .preserve)
            }
            close(d.span, empty: d.assertions.isEmpty)
        case .deputy(let d):
            buildDeputy(d, rule: rule)
        case .thresholds(let d):
            line("\(Keyword.seuils.spelling) {", at: d.span.start, rule: rule)
            open()
            for (index, item) in d.items.enumerated() {
                // The name as written: the tree keeps its text, and a reformatted file reads back the same.
                line("\(item.name.text) \(item.value.map(String.init) ?? "")", at: item.span.start, rule: index == 0 ? .never : .preserve)
            }
            close(d.span, empty: d.items.isEmpty)
        case .incompatibility(let d):
            line("\(Keyword.incompatibles.spelling) " + e.names(d.names) + (d.note.map { " \(Keyword.note.spelling) " + e.string($0) } ?? ""),
                 at: d.span.start, rule: rule)
        case .adaptation(let d):
            buildAdaptation(d, rule: rule)
        case .requirement(let d):
            line(e.requirement(d), at: d.span.start, rule: rule)
        }
    }

    /// `suppleance A par B du DATE au DATE`, with a block for its scope, nature and note.
    private mutating func buildDeputy(_ d: DeputyDecl, rule: BlankRule) {
        let e = expressions
        var head = "\(Keyword.suppleance.spelling) \(d.deputised.text) \(Keyword.par.spelling) \(d.deputy.text)"
        if let from = d.from { head += " \(Keyword.du.spelling) " + e.dateExpression(from) }
        if let to = d.to { head += " \(Keyword.au.spelling) " + e.dateExpression(to) }
        let items: [String] = d.clauses.map { located in
            switch located.clause {
            case .tasks(let tasks): "\(Keyword.tache.spelling) " + e.names(tasks)
            case .action(let action, let condition):
                "\(Keyword.action.spelling) \(action.text)" + (condition.map { " \(Keyword.si.spelling) " + e.condition($0) } ?? "")
            case .nature(let nature): "\(Keyword.nature.spelling) \(nature.rawValue)"
            case .note(let note): "\(Keyword.note.spelling) " + e.string(note)
            }
        }
        guard !items.isEmpty else {
            line(head, at: d.span.start, rule: rule)
            return
        }
        line(head + " {", at: d.span.start, rule: rule)
        open()
        for (index, (item, located)) in zip(items, d.clauses).enumerated() {
            line(item, at: located.span.start, rule: index == 0 ? .never : .preserve)
        }
        close(d.span, empty: false)
    }

    /// `role|instance|externe id "Libellé"`, with a block for `personnes` and `membres`.
    private mutating func buildActor(_ d: ActorDecl, rule: BlankRule) {
        let e = expressions
        let keyword: Keyword = switch d.kind {
        case .role: .role
        case .instance: .instance
        case .external: .externe
        }
        let head = "\(keyword.spelling) \(d.name.text)"
        let hasBlock = !d.persons.isEmpty || !d.members.isEmpty
        let holds = d.holds.isEmpty ? "" : " \(Keyword.tient.spelling) " + e.names(d.holds)
        if let label = d.label {
            line(head, tail: e.string(label) + holds + (hasBlock ? " {" : ""), family: .actor, at: d.span.start, rule: rule)
        } else {
            line(head + holds + (hasBlock ? " {" : ""), at: d.span.start, rule: rule)
        }
        guard hasBlock else { return }
        lines[lines.count - 1].opensShortBlock = d.persons.isEmpty || d.members.isEmpty
        open()
        // The tree merges repeated clauses; each list is written once, in the order met.
        var items: [(anchor: Int, text: String)] = []
        if let first = d.persons.first {
            items.append((keywordStart(before: first.span.start),
                          "\(Keyword.personnes.spelling) " + d.persons.map(e.string).joined(separator: ", ")))
        }
        if let first = d.members.first {
            items.append((keywordStart(before: first.span.start), "\(Keyword.membres.spelling) " + e.names(d.members)))
        }
        for (index, item) in items.sorted(by: { $0.anchor < $1.anchor }).enumerated() {
            line(item.text, at: item.anchor, rule: index == 0 ? .never : .preserve)
        }
        close(d.span, empty: false)
    }

    /// `action|evenement id "Libellé" sur objet`.
    private mutating func buildNamed(_ keyword: Keyword, _ name: Name, _ label: StringLiteral?, objectType: Name?,
                                     scope: Condition? = nil, span: Span, rule: BlankRule) {
        let e = expressions
        var tail: [String] = []
        if let label { tail.append(e.string(label)) }
        if let objectType { tail.append("\(Keyword.sur.spelling) \(objectType.text)") }
        if let scope { tail.append("\(Keyword.si.spelling) " + e.condition(scope)) }
        let head = "\(keyword.spelling) \(name.text)"
        if label != nil {
            line(head, tail: tail.joined(separator: " "), family: .action, at: span.start, rule: rule)
        } else {
            line(([head] + tail).joined(separator: " "), at: span.start, rule: rule)
        }
    }

    /// `tache id "Libellé" { clauses }`.
    private mutating func buildTask(_ task: TaskDecl, rule: BlankRule) {
        let e = expressions
        line((task.isLocked ? Keyword.verrouille.spelling + " " : "") + "\(Keyword.tache.spelling) \(task.name.text)" + (task.label.map { " " + e.string($0) } ?? "") + " {",
             at: task.span.start, rule: rule)
        open()
        for (index, clause) in task.clauses.enumerated() {
            line(e.clause(clause.clause), at: clause.span.start, rule: index == 0 ? .never : .preserve)
        }
        close(task.span, empty: task.clauses.isEmpty)
    }
}

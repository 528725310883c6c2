// The formatter's lines for models and adaptations: `modele`, `adapte`, `modifie`, `retire`.

extension LayoutBuilder {
    /// Whether an adaptation is a large block, set apart by blank lines.
    static func isLargeBlock(_ decl: AdaptationDecl) -> Bool {
        switch decl.kind {
        case .model, .adapts, .removal: false
        case .changeTask, .changeStep, .changeCalendar: true
        case .changeActor(let actor): !actor.persons.isEmpty || !actor.members.isEmpty
        }
    }

    /// The lines of one model or adaptation declaration.
    mutating func buildAdaptation(_ d: AdaptationDecl, rule: BlankRule) {
        let e = expressions
        func version(_ literal: StringLiteral?) -> String {
            literal.map { " \(Keyword.version.spelling) " + e.string($0) } ?? ""
        }
        switch d.kind {
        case .model(let label, let written):
            line("\(Keyword.modele.spelling) " + e.string(label) + version(written), at: d.span.start, rule: rule)
        case .adapts(let path, let written):
            line("\(Keyword.adapte.spelling) " + e.string(path) + version(written), at: d.span.start, rule: rule)
        case .changeTask(let change):
            line("\(Keyword.modifie.spelling) \(Keyword.tache.spelling) \(change.name.text)"
                 + (change.label.map { " " + e.string($0) } ?? "") + " {", at: d.span.start, rule: rule)
            open()
            var items = change.clauses.map { (text: e.clause($0.clause), start: $0.span.start) }
            items += change.removed.map { (text: "\(Keyword.retire.spelling) \($0.kind.keyword.spelling)", start: $0.span.start) }
            items.sort { $0.start < $1.start }
            for (index, item) in items.enumerated() {
                line(item.text, at: item.start, rule: index == 0 ? .never : .preserve)
            }
            close(d.span, empty: items.isEmpty)
        case .changeStep(let step):
            prefixed(.step(step), at: d.span, rule: rule)
        case .changeActor(let actor):
            prefixed(.actor(actor), at: d.span, rule: rule)
        case .changeCalendar(let calendar):
            prefixed(.calendar(calendar), at: d.span, rule: rule)
        case .removal(let removal, let reason):
            let what = switch removal {
            case .task(let name): "\(Keyword.tache.spelling) \(name.text)"
            case .step(let name): "\(Keyword.etape.spelling) \(name.text)"
            case .role(let name): "\(Keyword.role.spelling) \(name.text)"
            case .test(let label): "\(Keyword.test.spelling) " + e.string(label)
            case .rule(let rule): e.permission(rule)
            }
            line("\(Keyword.retire.spelling) " + what + " " + e.string(reason), at: d.span.start, rule: rule)
        }
    }

    /// A declaration's lines with `modifie` before its first one.
    private mutating func prefixed(_ declaration: Declaration, at span: Span, rule: BlankRule) {
        let first = lines.count
        build(declaration, rule: rule)
        guard lines.indices.contains(first) else { return }
        lines[first].head = "\(Keyword.modifie.spelling) " + lines[first].head
        lines[first].anchor = span.start
        lines[first].sourceBlank = blankBefore(span.start)
    }
}

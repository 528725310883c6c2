// The formatter's printing of everything inside one line: strings, values, conditions,
// dates, durations, clauses, permissions and test assertions.

/// Prints the parts of a line in their canonical spelling.
struct ExpressionPrinter {
    /// The source, for the rare node that carries no value (printed as written).
    let file: SourceFile

    /// The source text of a span, used where the tree lost a value to an error.
    private func original(_ span: Span) -> String { file.text(span.range) }

    // MARK: - Lexical pieces

    /// A string literal re-escaped between straight quotes (guillemets become `"…"`).
    func string(_ literal: StringLiteral) -> String { ExpressionPrinter.quoted(literal.value) }

    /// `"…"` with the language's escapes.
    static func quoted(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            default: out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }

    /// Names separated by commas.
    func names(_ names: [Name]) -> String { names.map(\.text).joined(separator: ", ") }

    /// A date, or the source text when it was invalid.
    /// A date as the writer chose to write it: `AAAA-MM-JJ`, or `JJ/MM/AAAA` (zero-padded).
    func date(_ date: CalendarDate?, span: Span) -> String {
        guard let date else { return original(span) }
        return original(span).contains("/") ? DateText.short(date) : date.description
    }

    /// `3 jours`, `1 semaine`, `2 mois`: singular for one, plural otherwise.
    func duration(_ duration: Duration) -> String {
        guard duration.amount != nil else { return original(duration.span) }
        return duration.written
    }

    /// `rentree + 2 semaines`.
    func dateExpression(_ expression: DateExpr) -> String {
        var text: String
        switch expression.base {
        case .literal(let value):
            guard let value else { return original(expression.span) }
            text = date(value, span: expression.span)
        case .name(let name):
            text = name.text
        }
        for offset in expression.offsets {
            text += (offset.isAddition ? " + " : " - ") + duration(offset.duration)
        }
        return text
    }

    // MARK: - Block items

    /// `rentree 2026-09-01` or `noel 2026-12-19 .. 2027-01-03`.
    func calendarEntry(_ entry: CalendarEntry) -> String {
        guard let start = entry.start, !entry.isPeriod || entry.end != nil else { return original(entry.span) }
        var text = entry.name.text
        if let label = entry.label { text += " " + string(label) }
        text += " " + date(start, span: entry.startSpan)
        if let end = entry.end { text += " .. " + date(end, span: entry.endSpan) }
        return text
    }

    /// `categorie: manuel | documentaire`, `abonnement: booleen`.
    func attribute(_ attribute: AttributeDecl) -> String {
        let type: String = switch attribute.type {
        case .enumeration(let values): values.map(\.text).joined(separator: " | ")
        case .boolean: Keyword.booleen.spelling
        case .text: Keyword.texte.spelling
        case .number: Keyword.nombre.spelling
        case .date: Keyword.date.spelling
        case .euros: Keyword.euros.spelling
        }
        return "\(attribute.name.text): \(type)"
    }

    /// One task clause.
    func clause(_ clause: TaskClause) -> String {
        switch clause {
        case .actors(let letter, let actors): "\(letter.keyword.spelling) \(names(actors))"
        case .action(let action, let condition):
            "\(Keyword.action.spelling) \(action.text)" + (condition.map { " \(Keyword.si.spelling) " + self.condition($0) } ?? "")
        case .deadline(let expression): "\(Keyword.echeance.spelling) \(dateExpression(expression))"
        case .when(let event): "\(Keyword.quand.spelling) \(event.text)"
        case .delay(let delay): "\(Keyword.delai.spelling) \(duration(delay))"
        case .after(let tasks): "\(Keyword.apres.spelling) \(names(tasks))"
        case .place(let instances): "\(Keyword.en.spelling) \(names(instances))"
        case .note(let text): "\(Keyword.note.spelling) \(string(text))"
        }
    }

    /// `autorise a, b action si condition`, `interdit tous action`.
    func permission(_ permission: PermissionDecl) -> String {
        let keyword: Keyword = permission.kind == .permit ? .autorise : .interdit
        var actors = permission.everyone ? Keyword.tous.spelling : names(permission.actors)
        if permission.everyone, !permission.exceptions.isEmpty { actors += " \(Keyword.sauf.spelling) " + names(permission.exceptions) }
        var text = "\(keyword.spelling) \(actors) \(permission.action.text)"
        if let condition = permission.condition { text += " \(Keyword.si.spelling) " + self.condition(condition) }
        return text
    }

    /// `exige signer par proviseur avant commander si …`.
    func requirement(_ requirement: RequirementDecl) -> String {
        var text = "\(Keyword.exige.spelling) \(requirement.prior.text)"
        if !requirement.actors.isEmpty { text += " \(Keyword.par.spelling) " + names(requirement.actors) }
        text += " \(Keyword.avant.spelling) \(requirement.action.text)"
        if let condition = requirement.condition { text += " \(Keyword.si.spelling) " + self.condition(condition) }
        return text
    }

    /// One assertion of a `test` block.
    func assertion(_ assertion: Assertion) -> String {
        switch assertion {
        case .who(let target, let object, let expected):
            var text = "\(Keyword.qui.spelling) \(target.text)"
            if let object { text += " " + objectLiteral(object) }
            text += " ="
            if !expected.isEmpty { text += " " + names(expected) }
            return text
        case .may(let actor, let action, let object):
            return claim(.peut, actor, action, object)
        case .refuse(let actor, let action, let object):
            return claim(.refuse, actor, action, object)
        case .only(let actors, let action, let object):
            let who = actors.map(actorText).joined(separator: ", ")
            // Several actors read in the plural: `seuls a, b peuvent`.
            let (only, may) = actors.count > 1 ? ("seuls", "peuvent") : (Keyword.seul.spelling, Keyword.peut.spelling)
            return "\(only) \(who) \(may) \(action.text)" + (object.map { " " + objectLiteral($0) } ?? "")
        }
    }

    private func actorText(_ actor: ActorReference) -> String {
        switch actor {
        case .id(let name): name.text
        case .person(let person): string(person)
        }
    }

    private func claim(_ keyword: Keyword, _ actor: ActorReference, _ action: Name, _ object: ObjectLiteral?) -> String {
        let who = actorText(actor)
        return "\(keyword.spelling) \(who) \(action.text)" + (object.map { " " + objectLiteral($0) } ?? "")
    }

    /// `ressource(categorie: manuel, licence: nominative)`.
    func objectLiteral(_ object: ObjectLiteral) -> String {
        object.type.text + "(" + object.fields.map { "\($0.name.text): \(value($0.value))" }.joined(separator: ", ") + ")"
    }

    // MARK: - Conditions

    /// An operand or literal value.
    func value(_ value: LocatedValue) -> String {
        switch value.value {
        case .name(let name): name.text
        case .string(let literal): string(literal)
        case .integer(let number): number.map(String.init) ?? original(value.span)
        case .date(let date): self.date(date, span: value.span)
        case .boolean(let flag): (flag ? Keyword.vrai : Keyword.faux).spelling
        case .number(let literal): literal.integral == nil ? original(value.span) : literal.written
        }
    }

    /// A condition with only the parentheses the precedence table requires.
    func condition(_ condition: Condition) -> String {
        switch condition.kind {
        case .or(let left, let right): binary(left, Keyword.ou, right, level: .or)
        case .and(let left, let right): binary(left, Keyword.et, right, level: .and)
        case .not(let operand):
            "\(Keyword.non.spelling) " + parenthesised(operand, when: Precedence.of(operand.kind) < .not)
        case .comparison(let op, let left, let right): "\(value(left)) \(op.rawValue) \(value(right))"
        case .membership(let element, let set):
            "\(value(element)) \(Keyword.dans.spelling) [" + set.map(value).joined(separator: ", ") + "]"
        case .value(let operand): value(operand)
        case .invalid: original(condition.span)
        }
    }

    /// Binary connectives associate to the left: a right operand of the same level keeps
    /// its parentheses, so `a ou (b ou c)` stays as written.
    private func binary(_ left: Condition, _ keyword: Keyword, _ right: Condition, level: Precedence) -> String {
        parenthesised(left, when: Precedence.of(left.kind) < level) + " \(keyword.spelling) "
            + parenthesised(right, when: Precedence.of(right.kind) <= level)
    }

    private func parenthesised(_ condition: Condition, when needed: Bool) -> String {
        needed ? "(" + self.condition(condition) + ")" : self.condition(condition)
    }
}

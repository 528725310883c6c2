/// Tab completion for the REPL: what may follow the text before the cursor.
///
/// A pure function of the line, the cursor and the loaded charter. The text before the
/// cursor is read with the language's own lexer, then the context decides the candidates:
/// the first word is a query word or a `:command`; the arguments of `qui`, `peut`, `taches`
/// and `montre` are the charter's ids of the kind each position expects; inside an object
/// literal `livre(genre: ma` they are the type's attribute names, or the values of the
/// attribute before the colon. Matching ignores case and accents, like the keywords.
public enum QueryCompletion {
    /// The query words (their canonical spellings).
    public static let queryWords = QueryVerb.allCases.map(\.rawValue)
    /// The REPL commands offered by Tab (`:q` is left out: it would shadow `:quitter`).
    public static let commands = [":aide", ":charger", ":recharger", ":quitter"]

    /// Lists a directory for `:charger` (names, with `/` after subdirectories), nil if unreadable.
    public typealias DirectoryLister = @Sendable (_ directory: String) -> [String]?

    /// The completion of the word before `cursor` (in characters) in `line`.
    public static func complete(line: String, cursor: Int, charter: Charter?,
                                listDirectory: DirectoryLister? = nil) -> Completion {
        let characters = Array(line)
        let cursor = min(max(cursor, 0), characters.count)
        let before = String(characters[..<cursor])
        let trimmed = before.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix(":") {
            return completeCommand(String(trimmed), cursor: cursor, listDirectory: listDirectory)
        }

        let file = SourceFile(id: FileID(0), name: "<complétion>", text: before)
        var tokens = Lexer.tokenize(file).tokens.filter { $0.kind != .endOfFile }
        var typed = ""
        if let last = tokens.last, last.kind == .word, last.span.end == file.bytes.count {
            typed = last.text
            tokens.removeLast()
        } else if let last = tokens.last, last.kind == .string, last.span.end == file.bytes.count,
                  case let raw = file.text(last.span.range), raw.hasPrefix("\""), raw.count == 1 || !raw.hasSuffix("\"") {
            // An unfinished `"Mme Ma`: a person's name is being typed.
            typed = raw
            tokens.removeLast()
        } else if let last = tokens.last, last.span.end == file.bytes.count, last.kind != .leftParen,
                  last.kind != .comma, last.kind != .colon {
            // The cursor touches a number, a string or a closing bracket: nothing to add.
            return .none(at: cursor)
        }
        let start = cursor - typed.count
        let (words, suffix) = candidates(after: tokens, charter: charter)
        let folded = Folding.fold(typed)
        let matching = Set(words.filter { Folding.fold($0).hasPrefix(folded) }).sorted()
        return Completion(start: start, candidates: matching, suffix: suffix)
    }

    // MARK: - Contexts

    /// The words that may come after `tokens`, and what follows a unique one.
    private static func candidates(after tokens: [Token], charter: Charter?) -> (words: [String], suffix: String) {
        guard let first = tokens.first else { return (queryWords + commands, " ") }
        guard let charter else { return ([], " ") }
        if let literal = openObjectLiteral(in: tokens) {
            return objectLiteralCandidates(tokens, open: literal, charter: charter)
        }
        guard first.kind == .word, !tokens.contains(where: { $0.kind == .rightParen }) else { return ([], " ") }
        let arguments = tokens.dropFirst()
        guard arguments.allSatisfy({ $0.kind == .word || $0.kind == .string }) else { return ([], " ") }
        let position = arguments.count
        let previous = arguments.last?.text ?? ""
        guard let verb = QueryVerb.lookup(first.text) else { return ([], " ") }
        switch (verb, position) {
        case (.who, 0):
            return (charter.actions.map(\.id) + charter.tasks.map(\.id), " ")
        case (.who, 1), (.can, 2):
            return (objectTypeName(ofAction: previous, in: charter).map { [$0] } ?? [], "(")
        case (.can, 0), (.tasks, 0):
            return (charter.actors.map(\.id) + charter.persons.keys.map { "\"\($0)\"" }, " ")
        case (.can, 1):
            return (charter.actions.map(\.id), " ")
        case (.deadlines, 0):
            return (charter.calendar?.entries.map(\.name) ?? [], " ")
        case (.show, 0):
            return (Array(charter.symbols.keys), " ")
        default:
            return ([], " ")
        }
    }

    /// The index of the opening parenthesis of the object literal the cursor is in, if any.
    private static func openObjectLiteral(in tokens: [Token]) -> Int? {
        var opened: [Int] = []
        for (index, token) in tokens.enumerated() {
            if token.kind == .leftParen { opened.append(index) }
            if token.kind == .rightParen, !opened.isEmpty { opened.removeLast() }
        }
        return opened.last
    }

    /// Attribute names after `(` or `,`; an attribute's values after `attribut:`.
    private static func objectLiteralCandidates(_ tokens: [Token], open: Int, charter: Charter) -> (words: [String], suffix: String) {
        guard open > 0, let last = tokens.last else { return ([], "") }
        let typeToken = tokens[open - 1]
        guard typeToken.kind == .word, let typeIndex = charter.objectType(named: typeToken.text) else { return ([], "") }
        let type = charter.objectTypes[typeIndex]
        switch last.kind {
        case .leftParen, .comma:
            // Attributes already given are not offered again.
            let given = Set((open..<(tokens.count - 1)).compactMap { index in
                tokens[index].kind == .word && tokens[index + 1].kind == .colon ? tokens[index].text : nil
            })
            return (type.attributes.map(\.name).filter { !given.contains($0) }, ": ")
        case .colon:
            let name = tokens[tokens.count - 2]
            guard tokens.count - 2 > open, let attribute = type.attribute(named: name.text) else { return ([], "") }
            switch type.attributes[attribute].type {
            case .enumeration(let values): return (values, "")
            case .boolean: return (["vrai", "faux"], "")
            case .number, .date, .euros:
                // The thresholds the charter's conditions use: where the answers change.
                let values = thresholds(of: attribute, type: typeIndex, in: charter)
                return (values.map { $0.written(as: type.attributes[attribute].type) }, "")
            case .text: return ([], "")
            }
        default:
            return ([], "")
        }
    }

    /// The constants the charter compares an attribute with (tasks, rules, scopes and
    /// approvals of the actions on its type), in increasing order.
    static func thresholds(of attribute: Int, type: Int, in charter: Charter) -> [Value] {
        var conditions: [Predicate] = []
        for task in charter.tasks {
            for clause in task.actions where charter.actions[clause.action].objectType == type { clause.condition.map { conditions.append($0) } }
        }
        for rule in charter.permissions where charter.actions[rule.action].objectType == type { rule.condition.map { conditions.append($0) } }
        for action in charter.actions where action.objectType == type { action.scope.map { conditions.append($0) } }
        for requirement in charter.requirements where requirement.objectType == type { requirement.condition.map { conditions.append($0) } }
        var constants: [Int: Set<Value>] = [:], coupled = Set<Int>()
        for condition in conditions { condition.collectConstants(into: &constants, coupled: &coupled) }
        return (constants[attribute] ?? []).sorted()
    }

    /// The object type an action is on, by the action's id.
    private static func objectTypeName(ofAction action: String, in charter: Charter) -> String? {
        guard let index = charter.action(named: action), let type = charter.actions[index].objectType else { return nil }
        return charter.objectTypes[type].id
    }

    // MARK: - Commands

    /// Completes a command name, or the file name after `:charger`.
    private static func completeCommand(_ text: String, cursor: Int, listDirectory: DirectoryLister?) -> Completion {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            let folded = Folding.fold(text)
            return Completion(start: cursor - text.count, candidates: commands.filter { $0.hasPrefix(folded) }.sorted())
        }
        let command = Folding.fold(String(text[..<space]))
        let argument = String(text[space...].drop { $0 == " " || $0 == "\t" })
        guard command == ":charger", let listDirectory else { return .none(at: cursor) }
        let slash = argument.lastIndex(of: "/")
        let directoryPart = slash.map { String(argument[...$0]) } ?? ""
        let namePart = slash.map { String(argument[argument.index(after: $0)...]) } ?? argument
        let names = listDirectory(directoryPart.isEmpty ? "." : directoryPart) ?? []
        let shown = names.filter { name in
            name.hasPrefix(namePart) && (!name.hasPrefix(".") || namePart.hasPrefix("."))
                && (name.hasSuffix("/") || name.hasSuffix(".charte"))
        }
        return Completion(start: cursor - argument.count, candidates: shown.map { directoryPart + $0 }.sorted(), suffix: "")
    }
}

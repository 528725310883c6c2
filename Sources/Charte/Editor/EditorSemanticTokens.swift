/// Semantic highlighting (`textDocument/semanticTokens/full`): every token of the charter,
/// the names coloured by what they declare (actor, action, task…), not by their spelling.
enum EditorSemanticTokens {
    /// The token types, in the order of the legend sent at `initialize`.
    static let tokenTypes = ["keyword", "string", "number", "comment", "class", "function", "type", "event",
                             "namespace", "method", "enumMember", "property", "variable"]
    /// The modifiers of the legend.
    static let tokenModifiers = ["declaration"]

    /// The `{"data": […]}` of a document, positions in the negotiated encoding.
    static func tokens(of document: EditorDocument, encoding: PositionEncoding) -> JSON {
        let file = document.file
        let lexer = Lexer.tokenize(file)
        var kinds: [Int: (type: Int, declaration: Bool)] = [:]
        var declared: [NameIndex.Namespace: [String: NameIndex.Kind]] = [:]
        for entry in document.index.declarations where declared[entry.namespace]?[entry.name] == nil {
            declared[entry.namespace, default: [:]][entry.name] = entry.kind
        }
        for occurrence in document.index.occurrences {
            let kind = declared[occurrence.namespace]?[occurrence.name]
            kinds[occurrence.span.start] = (kind.map(type(of:)) ?? 12, occurrence.isDeclaration)
        }
        var spans: [(span: Span, type: Int, modifiers: Int)] = []
        for token in lexer.tokens {
            switch token.kind {
            case .word:
                if let kind = kinds[token.span.start] {
                    spans.append((token.span, kind.type, kind.declaration ? 1 : 0))
                } else if token.keyword != nil {
                    spans.append((token.span, 0, 0))
                }
            case .string: spans.append((token.span, 1, 0))
            case .integer, .date: spans.append((token.span, 2, 0))
            default: break
            }
        }
        spans += lexer.comments.map { ($0, 3, 0) }
        spans.sort { $0.span.start < $1.span.start }
        var data: [JSON] = []
        var previous = EditorPosition(line: 0, character: 0)
        for item in spans {
            let start = file.position(of: item.span.start, encoding: encoding)
            let end = file.position(of: item.span.end, encoding: encoding)
            // The protocol's tokens stay on one line.
            guard start.line == end.line, end.character > start.character else { continue }
            let deltaLine = start.line - previous.line
            let deltaStart = deltaLine == 0 ? start.character - previous.character : start.character
            data += [.int(deltaLine), .int(deltaStart), .int(end.character - start.character), .int(item.type), .int(item.modifiers)]
            previous = start
        }
        return .object([("data", .array(data))])
    }

    /// The legend's index for a declared name.
    private static func type(of kind: NameIndex.Kind) -> Int {
        switch kind {
        case .actor: 4
        case .action: 5
        case .objectType: 6
        case .event: 7
        case .step: 8
        case .task: 9
        case .calendarEntry, .value: 10
        case .attribute: 11
        }
    }
}

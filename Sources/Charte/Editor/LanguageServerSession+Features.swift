/// The requests about an open document, one per editor feature.
extension LanguageServerSession {
    /// The capabilities of the features below, for `initialize`.
    static var featureCapabilities: [(String, JSON)] {
        [
            ("hoverProvider", .bool(true)),
            ("definitionProvider", .bool(true)),
            ("referencesProvider", .bool(true)),
            ("renameProvider", .object([("prepareProvider", .bool(true))])),
            ("completionProvider", .object([("triggerCharacters", .strings([" ", "(", ",", ":", "[", "="]))])),
            ("documentFormattingProvider", .bool(true)),
            ("documentSymbolProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .strings(["quickfix"]))])),
            ("semanticTokensProvider", .object([
                ("legend", .object([("tokenTypes", .strings(EditorSemanticTokens.tokenTypes)),
                                    ("tokenModifiers", .strings(EditorSemanticTokens.tokenModifiers))])),
                ("full", .bool(true)),
            ])),
        ]
    }

    /// Answers a request other than the lifecycle ones.
    func answer(_ method: String, params: JSON) throws(ResponseError) -> JSON {
        switch method {
        case "textDocument/hover":
            let (document, offset) = try documentAndOffset(params)
            guard let hover = EditorHover.hover(at: offset, in: document) else { return .null }
            return .object([("contents", .object([("kind", .string("markdown")), ("value", .string(hover.text))])),
                            ("range", document.file.range(of: hover.span, encoding: encoding))])
        case "textDocument/definition":
            let (document, offset) = try documentAndOffset(params)
            guard let span = EditorNavigation.definition(at: offset, in: document) else { return .null }
            return location(span, in: document)
        case "textDocument/references":
            let (document, offset) = try documentAndOffset(params)
            let include = params["context"]?["includeDeclaration"]?.boolValue ?? true
            return .array(EditorNavigation.references(at: offset, in: document, includeDeclaration: include).map { location($0, in: document) })
        case "textDocument/prepareRename":
            let (document, offset) = try documentAndOffset(params)
            guard let occurrence = EditorNavigation.renamable(at: offset, in: document) else { return .null }
            return .object([("range", document.file.range(of: occurrence.span, encoding: encoding)),
                            ("placeholder", .string(occurrence.name))])
        case "textDocument/rename":
            let (document, offset) = try documentAndOffset(params)
            guard let newName = params["newName"]?.stringValue else { throw .invalidParams("« newName » manquant") }
            switch EditorNavigation.rename(at: offset, to: newName, in: document) {
            case .failure(let refusal): throw ResponseError(code: -32803, message: refusal.message)
            case .success(let spans):
                let edits = spans.map { textEdit($0, newName, in: document) }
                return .object([("changes", .object([(document.uri, .array(edits))]))])
            }
        case "textDocument/completion":
            let (document, offset) = try documentAndOffset(params)
            let (items, replacing) = EditorCompletion.complete(at: offset, in: document)
            let range = document.file.range(of: replacing, encoding: encoding)
            return .object([("isIncomplete", .bool(false)), ("items", .array(items.map { item in
                var members: [(String, JSON)] = [("label", .string(item.label)), ("kind", .int(item.kind))]
                if let detail = item.detail { members.append(("detail", .string(detail))) }
                members.append(("textEdit", .object([("range", range), ("newText", .string(item.label))])))
                return .object(members)
            }))])
        case "textDocument/formatting":
            let document = try document(params)
            let outcome = Formatter.format(bytes: document.bytes, name: document.file.name)
            // A charter with syntax errors is left as it is (its diagnostics say why).
            guard let text = outcome.text, Array(text.utf8) != document.bytes else { return .array([]) }
            return .array([textEdit(Span(file: document.file.id, start: 0, end: document.bytes.count), text, in: document)])
        case "textDocument/documentSymbol":
            return EditorSymbols.symbols(of: try document(params), encoding: encoding)
        case "textDocument/codeAction":
            let document = try document(params)
            guard let start = EditorPosition(json: params["range"]?["start"]), let end = EditorPosition(json: params["range"]?["end"]) else {
                throw .invalidParams("« range » invalide")
            }
            let from = document.file.offset(of: start, encoding: encoding)
            let to = max(from, document.file.offset(of: end, encoding: encoding))
            return .array(EditorCodeActions.actions(touching: from..<to, in: document, encoding: encoding))
        case "textDocument/semanticTokens/full":
            return EditorSemanticTokens.tokens(of: try document(params), encoding: encoding)
        default:
            throw .methodNotFound(method)
        }
    }

    /// A `Location` in a document.
    private func location(_ span: Span, in document: EditorDocument) -> JSON {
        .object([("uri", .string(document.uri)), ("range", document.file.range(of: span, encoding: encoding))])
    }

    /// A `TextEdit` replacing a span.
    private func textEdit(_ span: Span, _ text: String, in document: EditorDocument) -> JSON {
        .object([("range", document.file.range(of: span, encoding: encoding)), ("newText", .string(text))])
    }
}

/// What formatting one charter gave.
public enum FormatResult: Sendable, Equatable {
    /// The canonical text of the charter.
    case formatted(String)
    /// The charter has syntax errors (listed): it is not formatted.
    case syntaxErrors([Diagnostic])
    /// The formatted text would not parse to the same tree (a formatter bug): nothing is produced.
    case meaningChanged
}

/// The outcome of formatting one charter, with the sources to render its diagnostics.
public struct FormatOutcome: Sendable {
    /// The sources, to render diagnostics.
    public let sources: SourceMap
    /// The charter's source file, as read.
    public let file: SourceFile
    /// The formatted text, or why there is none.
    public let result: FormatResult

    /// The formatted text, when formatting succeeded.
    public var text: String? {
        if case .formatted(let text) = result { return text }
        return nil
    }

    /// Whether formatting succeeded and changes the file's bytes.
    public var changesFile: Bool { text.map { Array($0.utf8) != file.bytes } ?? false }
}

/// `charte fmt`: the one canonical layout of a charter.
///
/// Two-space indentation, one clause per line, one line per simple declaration, a blank
/// line around steps, tests and other large blocks, at most one blank line anywhere,
/// aligned labels for consecutive actor (and action) declarations, canonical keyword
/// spellings, strings re-escaped between straight quotes, conditions with only the
/// parentheses the precedence table needs, and every comment kept where it was.
/// Formatting is idempotent and never changes the syntax tree; the formatter checks the
/// latter itself and refuses to produce a text that would parse differently.
public enum Formatter {
    /// Formats a charter given as text.
    public static func format(text: String, name: String = "<texte>", limits: Limits = .standard) -> FormatOutcome {
        format(bytes: Array(text.utf8), name: name, limits: limits)
    }

    /// Formats a charter file; one over `limits.fileSize` is refused (E013) without being read whole.
    public static func format(path: String, limits: Limits = .standard) throws(LoadError) -> FormatOutcome {
        guard let read = FileAccess.read(path, atMost: limits.fileSize) else { throw .unreadable(path: path) }
        guard read.size <= limits.fileSize else {
            var sources = SourceMap()
            let file = sources.add(name: path, bytes: [])
            let message: Message = read.sizeIsExact ? .fileTooLarge(size: read.size, limit: limits.fileSize)
                                                    : .inputTooLarge(limit: limits.fileSize)
            return FormatOutcome(sources: sources, file: file,
                                 result: .syntaxErrors([Diagnostic(message, at: Span(file: file.id, start: 0, end: 0))]))
        }
        return format(bytes: read.bytes, name: path, limits: limits)
    }

    /// Formats a charter given as bytes; syntax errors (not semantic ones) prevent it.
    public static func format(bytes: [UInt8], name: String, limits: Limits = .standard) -> FormatOutcome {
        var sources = SourceMap()
        guard bytes.count <= limits.fileSize else {
            let file = sources.add(name: name, bytes: [])
            let diagnostic = Diagnostic(.fileTooLarge(size: bytes.count, limit: limits.fileSize),
                                        at: Span(file: file.id, start: 0, end: 0))
            return FormatOutcome(sources: sources, file: file, result: .syntaxErrors([diagnostic]))
        }
        let file = sources.add(name: name, bytes: bytes)
        let lexer = Lexer.tokenize(file)
        let parser = Parser.parse(lexer, file: file.id)
        let errors = (lexer.diagnostics + parser.diagnostics).filter { $0.severity == .error }
        guard errors.isEmpty, let tree = parser.tree else {
            return FormatOutcome(sources: sources, file: file, result: .syntaxErrors(errors.sortedForDisplay()))
        }
        let text = layout(tree, file: file, tokens: lexer.tokens, comments: lexer.comments)
        let commentTexts = lexer.comments.map { CommentPlacer.trimmed(file.text($0.range)) }
        guard preservesMeaning(text, tree: tree, comments: commentTexts) else {
            return FormatOutcome(sources: sources, file: file, result: .meaningChanged)
        }
        return FormatOutcome(sources: sources, file: file, result: .formatted(text))
    }

    /// The formatted text of a tree parsed from `file`.
    static func layout(_ tree: SyntaxTree, file: SourceFile, tokens: [Token], comments: [Span]) -> String {
        var builder = LayoutBuilder(file: file, tokens: tokens)
        builder.build(tree)
        var lines = builder.lines
        CommentPlacer(file: file, tokens: tokens).place(comments, in: &lines)
        return LayoutRenderer.render(lines)
    }

    /// Whether `text` parses without error to `tree` (spans aside) and keeps every comment.
    static func preservesMeaning(_ text: String, tree: SyntaxTree, comments: [String]) -> Bool {
        let file = SourceFile(id: tree.file, name: "<formaté>", text: text)
        let lexer = Lexer.tokenize(file)
        let parser = Parser.parse(lexer, file: file.id)
        guard !(lexer.diagnostics + parser.diagnostics).hasErrors, parser.tree == tree else { return false }
        let kept = lexer.comments.map { CommentPlacer.trimmed(file.text($0.range)) }
        return kept.sorted() == comments.sorted()
    }
}

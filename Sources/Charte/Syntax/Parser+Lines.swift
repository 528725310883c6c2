// Lexing and parsing a file, or a part of it made of whole lines, in one pass.

/// What lexing and parsing a file (or some of its lines) produced.
struct ParsedFile: Sendable {
    var tree: SyntaxTree
    var lexerDiagnostics: [Diagnostic]
    var parserDiagnostics: [Diagnostic]
    var comments: [Span]
    var damagedNames: Set<String>
    /// Whether the lexer kept only its share of diagnostics (the rest summed up in one E013).
    var lexerOmittedDiagnostics: Bool
}

extension Parser {
    /// Lexes and parses the lines `range` of a file, the parser pulling tokens from the lexer.
    static func parse(_ file: SourceFile, lines range: Range<Int>) -> ParsedFile {
        var parser = Parser(stream: Lexer(file: file, lines: range), file: file.id)
        let tree = parser.parseFile()
        parser.closeDiagnostics()
        let lexer = parser.stream ?? Lexer(file: file, lines: range)
        return ParsedFile(tree: tree, lexerDiagnostics: lexer.diagnostics, parserDiagnostics: parser.diagnostics,
                          comments: lexer.comments, damagedNames: parser.damagedNames,
                          lexerOmittedDiagnostics: lexer.omittedDiagnostics)
    }
}

// Lexing and parsing a whole file in one pass.

/// What lexing and parsing a file produced.
struct ParsedFile: Sendable {
    var tree: SyntaxTree
    var lexerDiagnostics: [Diagnostic]
    var parserDiagnostics: [Diagnostic]
    var comments: [Span]
    var damagedNames: Set<String>
}

extension Parser {
    /// Lexes and parses a file, the parser pulling tokens from the lexer.
    static func parse(_ file: SourceFile) -> ParsedFile {
        var parser = Parser(stream: Lexer(file: file), file: file.id)
        let tree = parser.parseFile()
        parser.closeDiagnostics()
        let lexer = parser.stream ?? Lexer(file: file)
        return ParsedFile(tree: tree, lexerDiagnostics: lexer.diagnostics, parserDiagnostics: parser.diagnostics,
                          comments: lexer.comments, damagedNames: parser.damagedNames)
    }
}

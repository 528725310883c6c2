// Assertions written on their own, outside a `test` block (request files, tools).

extension Parser {
    /// Parses one assertion written alone, such as a line `peut doc preter livre(genre: album)`
    /// of a request file, with the grammar of test assertions (`assertion` in Grammar.md).
    ///
    /// Returns nil with the diagnostics when the text does not parse or has more after it.
    public static func parseStandaloneAssertion(_ file: SourceFile) -> (assertion: Assertion?, diagnostics: [Diagnostic]) {
        let lexer = Lexer.tokenize(file)
        var parser = Parser(tokens: lexer.tokens, file: file.id)
        var assertion: Assertion?
        do {
            let located = try parser.parseAssertion()
            if !parser.atEnd { try parser.fail(expected: "la fin de la requête") }
            assertion = located.assertion
        } catch {
            assertion = nil
        }
        let diagnostics = lexer.diagnostics + parser.diagnostics
        return (diagnostics.hasErrors ? nil : assertion, diagnostics)
    }
}

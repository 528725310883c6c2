// Lexing and parsing a large file in two halves at once.

extension CharterLoader {
    /// Lexes and parses a file, in two halves on two threads when it is at least `threshold`
    /// bytes long, giving exactly what one pass gives.
    ///
    /// Tokens never cross a line break, so the second half can be lexed from any line start.
    /// It is cut at a line that starts with a declaration keyword, past the middle. If the
    /// first half parses without a single syntax diagnostic (and the lexers' diagnostics stay
    /// within one phase's share), the parser stood at top level,
    /// between two declarations, when it reached the cut (no declaration can go on with a
    /// declaration keyword without an error), and would have parsed the second half exactly
    /// as a fresh parser does: the two results are joined. Otherwise the file is parsed again
    /// in one pass.
    ///
    /// With `declaring`, the first thread, done with its half, declares that half's names
    /// (see `Checker.declaring`) while the second thread finishes: the checker is returned
    /// when the halves are joined, ready to `finish` the whole tree.
    static func parse(_ file: SourceFile, splittingAbove threshold: Int,
                      declaring concurrentTasks: Int? = nil) -> (parsed: ParsedFile, checker: Checker?) {
        let count = file.bytes.count
        if count >= threshold, Concurrently.hasSecondCore, let cut = declarationLine(after: count / 2, in: file.bytes) {
            let (second, (first, checker)) = Concurrently.run({ Parser.parse(file, lines: cut..<count) }, while: {
                let first = Parser.parse(file, lines: 0..<cut)
                // Declared ahead only when the halves can be joined as far as this one can tell.
                guard let concurrentTasks, first.parserDiagnostics.isEmpty, !first.lexerOmittedDiagnostics else {
                    return (first, nil as Checker?)
                }
                return (first, Checker.declaring(first.tree, concurrentTasks: concurrentTasks))
            })
            // One lexer keeps its first `DiagnosticCap.perPhase` diagnostics: two halves give the
            // same only if together they stay within that share.
            let lexerDiagnostics = first.lexerDiagnostics + second.lexerDiagnostics
            if first.parserDiagnostics.isEmpty, !first.lexerOmittedDiagnostics, !second.lexerOmittedDiagnostics,
               lexerDiagnostics.count <= DiagnosticCap.perPhase {
                var tree = first.tree
                tree.declarations += second.tree.declarations
                return (ParsedFile(tree: tree, lexerDiagnostics: lexerDiagnostics,
                                   parserDiagnostics: second.parserDiagnostics, comments: first.comments + second.comments,
                                   damagedNames: first.damagedNames.union(second.damagedNames), lexerOmittedDiagnostics: false),
                        checker)
            }
        }
        return (Parser.parse(file, lines: 0..<count), nil)
    }

    /// The declaration keywords a cut may fall before, in their canonical spelling.
    static let cutKeywords: [[UInt8]] = Parser.declarationKeywords.map { Array($0.spelling.utf8) }

    /// The start of the first line at or after `middle` that begins with a declaration
    /// keyword followed by a space, or nil.
    static func declarationLine(after middle: Int, in bytes: [UInt8]) -> Int? {
        var position = middle
        while position < bytes.count {
            // The next line start.
            while position < bytes.count, position == 0 || bytes[position - 1] != UInt8(ascii: "\n") { position += 1 }
            guard position < bytes.count else { return nil }
            for keyword in cutKeywords where position + keyword.count < bytes.count
                && bytes[position..<position + keyword.count].elementsEqual(keyword)
                && (bytes[position + keyword.count] == UInt8(ascii: " ") || bytes[position + keyword.count] == UInt8(ascii: "\t")) {
                return position
            }
            position += 1
        }
        return nil
    }
}

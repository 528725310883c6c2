/// Going from a name to its declaration and its uses, and renaming it everywhere.
///
/// Every answer comes from the `NameIndex`, so it follows the language's namespaces: an
/// attribute named like an actor is a different name.
enum EditorNavigation {
    /// Why a rename is refused.
    struct RenameRefusal: Error {
        /// The French reason shown by the editor.
        let message: String
    }

    /// The declaration of the name at an offset (the first one, when it is declared twice).
    static func definition(at offset: Int, in document: EditorDocument) -> Span? {
        guard let occurrence = document.index.occurrence(at: offset) else { return nil }
        return document.index.declarations(of: occurrence.name, in: occurrence.namespace).first?.nameSpan
    }

    /// Every place the name at an offset is written, in order.
    static func references(at offset: Int, in document: EditorDocument, includeDeclaration: Bool) -> [Span] {
        guard let occurrence = document.index.occurrence(at: offset) else { return [] }
        return document.index.occurrences(of: occurrence.name, in: occurrence.namespace)
            .filter { includeDeclaration || !$0.isDeclaration }
            .map(\.span)
    }

    /// The name a rename at an offset would change, if it is a declared one.
    static func renamable(at offset: Int, in document: EditorDocument) -> NameIndex.Occurrence? {
        guard let occurrence = document.index.occurrence(at: offset),
              document.index.isDeclared(occurrence.name, in: occurrence.namespace) else { return nil }
        return occurrence
    }

    /// The spans to rewrite to rename the name at an offset to `newName`, or why not.
    static func rename(at offset: Int, to newName: String, in document: EditorDocument) -> Result<[Span], RenameRefusal> {
        guard let occurrence = renamable(at: offset, in: document) else {
            return .failure(RenameRefusal(message: "aucun nom déclaré à cet endroit"))
        }
        guard isIdentifier(newName) else {
            let keyword = Keyword.lookup(folded: Folding.fold(newName)) != nil
            return .failure(RenameRefusal(message: keyword ? "« \(newName) » est un mot-clé du langage : choisissez un autre nom"
                                                           : "« \(newName) » n'est pas un nom (lettres, chiffres et _, sans espace)"))
        }
        if newName == occurrence.name { return .success([]) }
        if let other = document.index.declarations(of: newName, in: occurrence.namespace).first {
            let line = document.file.location(of: other.nameSpan.start).line
            return .failure(RenameRefusal(message: "« \(newName) » est déjà déclaré (\(other.kind.french), ligne \(line))"))
        }
        let spans = document.index.occurrences(of: occurrence.name, in: occurrence.namespace).map(\.span)
        // Fail closed: a new name that the parser would read differently (a keyword in a
        // clause position, say) is refused rather than applied.
        let renamed = replacing(spans, with: newName, in: document.bytes)
        let before = document.loaded.diagnostics.map(\.code)
        let after = CharterLoader.check(bytes: renamed, name: document.file.name).diagnostics.map(\.code)
        guard before.sorted() == after.sorted() else {
            return .failure(RenameRefusal(message: "renommer en « \(newName) » changerait la lecture de la charte"))
        }
        return .success(spans)
    }

    /// Whether a text is one name the lexer reads as an identifier.
    static func isIdentifier(_ text: String) -> Bool {
        let file = SourceFile(id: FileID(0), name: "<nom>", text: text)
        let lexer = Lexer.tokenize(file)
        let tokens = lexer.tokens.filter { $0.kind != .endOfFile }
        guard lexer.diagnostics.isEmpty, tokens.count == 1, let token = tokens.first else { return false }
        return token.isIdentifier && token.keyword == nil && token.span.start == 0 && token.span.end == file.bytes.count
    }

    /// The bytes with each span (sorted, disjoint) replaced by a text.
    static func replacing(_ spans: [Span], with text: String, in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        for span in spans.sorted(by: { $0.start < $1.start }) where span.start >= position {
            result += bytes[position..<span.start]
            result += text.utf8
            position = span.end
        }
        result += bytes[position...]
        return result
    }
}

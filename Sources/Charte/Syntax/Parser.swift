/// A recursive-descent parser over the lexer's tokens, producing a `SyntaxTree`.
///
/// Errors are collected as diagnostics. After an error the parser unwinds to the nearest
/// recovery point (a clause or a declaration keyword) and reports nothing more until it
/// has recovered, so one mistake gives one diagnostic.
public struct Parser {
    /// The maximum nesting of conditions and blocks before E012.
    public static let maximumDepth = 64
    /// The most `et`/`ou` operators in one condition: a chain is not nested, but the tree it
    /// builds is as deep as it is long, and later phases walk it recursively.
    public static let maximumOperators = 256

    /// The tokens of a file lexed beforehand; empty when pulling them from `stream`.
    let tokens: [Token]
    /// The lexer the tokens are pulled from, one at a time, when `tokens` is empty.
    var stream: Lexer?
    /// How many tokens have been consumed (the position in `tokens`).
    var index = 0
    /// Where the token before `current` lies (`current`'s own span at the start).
    private(set) var previousSpan: Span
    /// The current token and the one after it.
    private(set) var current: Token
    private(set) var next: Token
    let file: FileID
    /// The diagnostics found while parsing (lexical ones are kept by the lexer).
    public private(set) var diagnostics: [Diagnostic] = []
    var depth = 0
    /// `et`/`ou` operators read in the current condition.
    var operatorCount = 0
    /// Set when an inner block reported itself unclosed, so outer blocks end quietly.
    var abandoningBlocks = false
    /// Names of declarations being parsed (innermost last).
    var declaring: [String] = []
    /// Names whose declaration failed to parse: references to them are not reported again.
    public private(set) var damagedNames = Set<String>()
    /// Byte offsets of syntax errors, so later checks can stay quiet around them.
    public private(set) var errorOffsets: [Int] = []
    /// Counts the diagnostics beyond the phase's share (see `DiagnosticCap`).
    var cap = DiagnosticCap()
    /// Where a task's clauses are gathered (its capacity kept from task to task).
    var clauseBuffer: [LocatedClause] = []

    /// Thrown inside the parser to unwind to a recovery point; the diagnostic is already recorded.
    struct Recovery: Error {}

    /// Parses a whole file.
    public static func parse(_ lexer: Lexer, file: FileID) -> Parser {
        var parser = Parser(tokens: lexer.tokens, file: file)
        parser.tree = parser.parseFile()
        parser.closeDiagnostics()
        return parser
    }

    /// Ends the parse's diagnostics: the summary of those beyond the phase's share, if any.
    mutating func closeDiagnostics() {
        cap.close(&diagnostics)
    }

    /// The tree, once `parse` has run.
    public private(set) var tree: SyntaxTree?

    init(tokens: [Token], file: FileID) {
        self.tokens = tokens.isEmpty ? [Token(kind: .endOfFile, span: Span(file: file, start: 0, end: 0), keyword: nil, value: .none)] : tokens
        self.file = file
        current = self.tokens[0]
        previousSpan = current.span
        next = self.tokens[min(1, self.tokens.count - 1)]
    }

    init(stream lexer: Lexer, file: FileID) {
        var lexer = lexer
        tokens = []
        self.file = file
        current = lexer.nextToken()
        previousSpan = current.span
        next = current.kind == .endOfFile ? current : lexer.nextToken()
        stream = lexer
    }

    // MARK: - Token access

    var atEnd: Bool { current.kind == .endOfFile }

    /// Moves to the next token (never past the end of file) and returns the one left.
    ///
    /// Inlined so that callers ignoring the result do not copy the token.
    @inline(__always) @discardableResult
    mutating func advance() -> Token {
        let token = current
        step()
        return token
    }

    /// Moves the window one token on: `next` becomes `current` (swapped, not copied).
    mutating func step() {
        if tokens.isEmpty {
            // Streaming: the end-of-file token is the last one, and stays current.
            guard current.kind != .endOfFile else { return }
            index += 1
            previousSpan = current.span
            swap(&current, &next)
            if current.kind == .endOfFile {
                next = current
            } else if stream != nil {
                next = stream?.nextToken() ?? current
            }
        } else if index < tokens.count - 1 {
            index += 1
            previousSpan = current.span
            swap(&current, &next)
            next = tokens[min(index + 1, tokens.count - 1)]
        }
    }

    /// The span from a start token to the last consumed token.
    func span(from start: Span) -> Span { start.to(previousSpan) }

    mutating func match(_ kind: TokenKind) -> Bool {
        guard current.kind == kind else { return false }
        advance()
        return true
    }

    mutating func match(_ keyword: Keyword) -> Bool {
        guard current.is(keyword) else { return false }
        advance()
        return true
    }

    // MARK: - Errors

    mutating func report(_ diagnostic: Diagnostic) {
        guard !DiagnosticCap.isFull(diagnostics) else { return cap.append(diagnostic, to: &diagnostics) }
        diagnostics.append(diagnostic)
        errorOffsets.append(diagnostic.span.start)
    }

    /// Marks the declarations left unfinished by an error as damaged.
    mutating func abandonDeclarations(above level: Int) {
        while declaring.count > level { damagedNames.insert(declaring.removeLast()) }
    }

    /// Notes that a declaration's name has been read (see `damagedNames`).
    mutating func begin(_ name: Name) { declaring.append(name.text) }

    /// Notes that a declaration was parsed to its end.
    mutating func finish() { if !declaring.isEmpty { declaring.removeLast() } }

    /// Reports "expected …, found …" at the current token and unwinds.
    mutating func fail(expected: Expected, candidates: [Candidate] = []) throws(Recovery) -> Never {
        report(Diagnostic(.unexpectedToken(expected: expected, found: current.found),
                          at: current.span, candidates: candidates))
        throw Recovery()
    }

    mutating func expect(_ kind: TokenKind) throws(Recovery) -> Token {
        guard current.kind == kind else { try fail(expected: kind.expected) }
        return advance()
    }

    mutating func expect(_ keyword: Keyword) throws(Recovery) -> Token {
        guard current.is(keyword) else { try fail(expected: .spelled(keyword.spelling)) }
        return advance()
    }

    /// Consumes an identifier (any word but a reserved one).
    mutating func expectName(_ what: Expected = .name) throws(Recovery) -> Name {
        if current.kind == .word {
            if current.keyword?.isReserved == true {
                report(Diagnostic(.reservedWord(current.text), at: current.span))
                throw Recovery()
            }
            let token = advance()
            return Name(token.text, span: token.span)
        }
        try fail(expected: what)
    }

    /// `name_list = IDENT { "," IDENT }`
    mutating func parseNameList(_ what: Expected = .name) throws(Recovery) -> [Name] {
        var names = [try expectName(what)]
        while match(.comma) {
            names.append(try expectName(what))
        }
        return names
    }

    mutating func optionalLabel() -> StringLiteral? {
        guard current.kind == .string else { return nil }
        let token = advance()
        return StringLiteral(token.text, span: token.span)
    }

    /// Enters one level of nesting, reporting E012 past the limit.
    mutating func enter(_ span: Span) throws(Recovery) {
        depth += 1
        if depth > Parser.maximumDepth {
            report(Diagnostic(.nestingTooDeep(limit: Parser.maximumDepth), at: span))
            throw Recovery()
        }
    }

    mutating func leave() { depth -= 1 }

    // MARK: - Recovery

    /// Skips tokens up to (not including) one that `stop` accepts, skipping balanced brackets.
    mutating func synchronize(until stop: (Token, Token) -> Bool) {
        var nesting = 0
        while !atEnd {
            let token = current
            if nesting == 0, stop(token, next) { return }
            switch token.kind {
            case .leftBrace, .leftParen, .leftBracket: nesting += 1
            case .rightBrace:
                if nesting == 0 { return }
                nesting -= 1
            case .rightParen, .rightBracket:
                // Unmatched closers are leftovers of the broken construct (e.g. after E012): skip them.
                if nesting > 0 { nesting -= 1 }
            default: break
            }
            advance()
        }
    }

    /// Reports an unclosed block at its opener unless an inner block already did.
    mutating func reportUnclosed(_ block: BlockKind, name: String, opener: Span) {
        if !abandoningBlocks {
            report(Diagnostic(.unclosedBlock(block, name: name), at: opener))
        }
        abandoningBlocks = true
    }

    // MARK: - File

    /// `charte = { declaration } EOF`
    mutating func parseFile() -> SyntaxTree {
        var declarations: [Declaration] = []
        while !atEnd {
            abandoningBlocks = false
            depth = 0
            let start = index
            declaring = []
            do {
                declarations.append(try parseDeclaration())
            } catch {
                abandonDeclarations(above: 0)
                if index == start { advance() }
                synchronize { token, next in Parser.isDeclarationStart(token) || Parser.startsAdaptation(token, next) }
                if current.kind == .rightBrace { advance() }
            }
        }
        return SyntaxTree(declarations: declarations, file: file)
    }

    static let declarationKeywords: [Keyword] = [
        .etablissement, .calendrier, .role, .instance, .externe, .objet, .action,
        .evenement, .etape, .autorise, .interdit, .test, .suppleance, .incompatibles, .exige, .seuils,
    ]

    static func isDeclarationStart(_ token: Token) -> Bool {
        guard token.kind == .word, let keyword = token.keyword else { return false }
        return declarationKeywords.contains(keyword)
    }

    static func keywordCandidates(_ keywords: [Keyword]) -> [Candidate] {
        keywords.map { Candidate(name: $0.spelling, span: nil) }
    }

    /// `declaration = etablissement | calendrier | acteur | objet | action | evenement | etape | permission | test
    ///             | suppleance | incompatibles | exigence | seuils`
    mutating func parseDeclaration() throws(Recovery) -> Declaration {
        let token = current
        switch token.kind == .word ? token.keyword : nil {
        case .etablissement: return .establishment(try parseEstablishment())
        case .calendrier: return .calendar(try parseCalendar())
        case .role: return .actor(try parseActor(.role))
        case .instance: return .actor(try parseActor(.instance))
        case .externe: return .actor(try parseActor(.external))
        case .objet: return .object(try parseObject())
        case .action: return .action(try parseAction())
        case .evenement: return .event(try parseEvent())
        case .etape: return .step(try parseStep())
        case .autorise: return .permission(try parsePermission(.permit))
        case .interdit: return .permission(try parsePermission(.forbid))
        case .test: return .test(try parseTest())
        case .suppleance: return .deputy(try parseDeputy())
        case .incompatibles: return .incompatibility(try parseIncompatibility())
        case .modele where next.kind == .string: return .adaptation(try parseModelHeader())
        case .adapte where next.kind == .string: return .adaptation(try parseAdapts())
        case .modifie where Parser.startsAdaptation(token, next): return .adaptation(try parseChange())
        case .retire where Parser.startsAdaptation(token, next): return .adaptation(try parseRemoval())
        case .verrouille where next.is(.autorise) || next.is(.interdit): return try parseLockedRule()
        case .exige: return .requirement(try parseRequirement())
        case .seuils: return .thresholds(try parseThresholds())
        default:
            let candidates = token.kind == .word
                ? Suggestions.closest(to: token.text, among: Parser.keywordCandidates(Parser.declarationKeywords))
                : []
            try fail(expected: .declaration,
                     candidates: candidates)
        }
    }
}

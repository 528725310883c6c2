/// The kinds of token the lexer produces.
public enum TokenKind: Sendable, Hashable {
    case word, string, integer, date
    /// A number with grouping, a decimal comma or `€`.
    case number
    case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
    case comma, colon, pipe, dotDot, plus, minus
    case assign, equal, notEqual, less, lessEqual, greater, greaterEqual
    case endOfFile

    /// How the token is named in "… attendu, trouvé …" messages (rendered by the catalogue).
    public var expected: Expected {
        switch self {
        case .word: .name
        case .string: .string
        case .integer, .number: .number
        case .date: .date
        case .leftBrace: .spelled("{")
        case .rightBrace: .spelled("}")
        case .leftParen: .spelled("(")
        case .rightParen: .spelled(")")
        case .leftBracket: .spelled("[")
        case .rightBracket: .spelled("]")
        case .comma: .spelled(",")
        case .colon: .spelled(":")
        case .pipe: .spelled("|")
        case .dotDot: .spelled("..")
        case .plus: .spelled("+")
        case .minus: .spelled("-")
        case .assign: .spelled("=")
        case .equal: .spelled("==")
        case .notEqual: .spelled("!=")
        case .less: .spelled("<")
        case .lessEqual: .spelled("<=")
        case .greater: .spelled(">")
        case .greaterEqual: .spelled(">=")
        case .endOfFile: .endOfFile
        }
    }
}

/// The decoded value a token carries, when it has one.
public enum TokenValue: Sendable, Hashable {
    case none
    /// A word's text (as written) or a string's decoded contents.
    case text(String)
    /// An integer; nil when it was malformed (already reported).
    case integer(Int64?)
    /// A date; nil when it was impossible (already reported).
    case date(CalendarDate?)
    /// A number with grouping, a decimal comma or `€`.
    case number(NumberLiteral)
}

/// A token: a kind, a span, and for words the keyword its folded spelling matches.
public struct Token: Sendable, Hashable {
    // The small fields last, where they fill the value's padding (40 bytes a token, not 72).
    /// Where it lies.
    public let span: Span
    /// The decoded value.
    public let value: TokenValue
    /// What kind of token this is.
    public let kind: TokenKind
    /// The keyword this word spells, if any (contextual unless reserved).
    public let keyword: Keyword?

    /// Creates a token.
    public init(kind: TokenKind, span: Span, keyword: Keyword?, value: TokenValue) {
        self.kind = kind
        self.span = span
        self.keyword = keyword
        self.value = value
    }

    /// The text of a word or string token.
    public var text: String {
        if case .text(let text) = value { return text }
        return ""
    }

    /// Whether this token is the given keyword.
    public func `is`(_ keyword: Keyword) -> Bool { kind == .word && self.keyword == keyword }

    /// Whether this word can name something (it is not a reserved word).
    public var isIdentifier: Bool { kind == .word && !(keyword?.isReserved ?? false) }

    /// How the token is shown in "trouvé …" messages.
    public var found: Found {
        switch kind {
        case .word: keyword?.isReserved == true ? .reservedWord(text) : .word(text)
        case .string: .string(text)
        default: .token(kind.expected)
        }
    }
}

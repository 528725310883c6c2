/// The operators of conditions, loosest first: the one precedence table of the language.
///
/// The parser climbs it; the formatter reads it to decide where parentheses are needed.
public enum Precedence: Int, Sendable, Comparable, CaseIterable {
    /// `a ou b`
    case or = 1
    /// `a et b`
    case and = 2
    /// `non a`
    case not = 3
    /// `a == b`, `a != b`, `a < b`, `a <= b`, `a > b`, `a >= b`, `a dans [b, c]` (non-associative)
    case comparison = 4
    /// attributes, values, parenthesised conditions
    case primary = 5

    /// The binary connective a keyword spells, with its level.
    static func binary(_ keyword: Keyword?) -> Precedence? {
        switch keyword {
        case .ou: .or
        case .et: .and
        default: nil
        }
    }

    /// The comparison operator a token spells.
    static func comparison(_ kind: TokenKind) -> ComparisonOperator? {
        switch kind {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        default: nil
        }
    }

    /// The level of a condition's outermost operator.
    public static func of(_ kind: ConditionKind) -> Precedence {
        switch kind {
        case .or: .or
        case .and: .and
        case .not: .not
        case .comparison, .membership: .comparison
        case .value, .invalid: .primary
        }
    }

    public static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }
}

// Conditions: precedence climbing over the table in `Precedence`.

extension Parser {
    /// `condition = disjonction` — climbs `Precedence` from its loosest level.
    mutating func parseCondition() throws(Recovery) -> Condition {
        try parseCondition(above: .or)
    }

    /// Parses a condition whose binary operators are at least `minimum`.
    ///
    /// `disjonction = conjonction { "ou" conjonction }`, `conjonction = negation { "et" negation }`
    mutating func parseCondition(above minimum: Precedence) throws(Recovery) -> Condition {
        if depth == 0 { operatorCount = 0 }
        try enter(current.span)
        defer { leave() }
        var left = try parseNegation()
        while let level = Precedence.binary(current.kind == .word ? current.keyword : nil), level >= minimum {
            operatorCount += 1
            if operatorCount > Parser.maximumOperators {
                report(Diagnostic(.conditionTooLong(limit: Parser.maximumOperators), at: current.span))
                throw Recovery()
            }
            advance()
            let right = try parseCondition(above: Precedence(rawValue: level.rawValue + 1) ?? .not)
            let kind: ConditionKind = level == .or ? .or(left, right) : .and(left, right)
            left = Condition(kind, span: left.span.to(right.span))
        }
        return left
    }

    /// `negation = "non" negation | comparaison`
    mutating func parseNegation() throws(Recovery) -> Condition {
        if current.is(.non) {
            let start = advance().span
            try enter(start)
            defer { leave() }
            let operand = try parseNegation()
            return Condition(.not(operand), span: start.to(operand.span))
        }
        return try parseComparison()
    }

    /// `comparaison = "(" condition ")" | valeur [ operateur valeur | "dans" "[" valeurs "]" ]`
    mutating func parseComparison() throws(Recovery) -> Condition {
        if current.kind == .leftParen {
            let start = advance().span
            let inner = try parseCondition()
            _ = try expect(.rightParen)
            return Condition(inner.kind, span: span(from: start))
        }
        let left = try parseOperand()
        if let op = Precedence.comparison(current.kind) {
            advance()
            let right = try parseOperand()
            return Condition(.comparison(op, left, right), span: left.span.to(right.span))
        }
        if current.kind == .assign {
            report(Diagnostic(.unexpectedToken(expected: .equality, found: .token(.spelled("="))), at: current.span))
            throw Recovery()
        }
        if match(.dans) {
            _ = try expect(.leftBracket)
            var values: [LocatedValue] = []
            if current.kind != .rightBracket {
                repeat { values.append(try parseOperand()) } while match(.comma)
            }
            _ = try expect(.rightBracket)
            return Condition(.membership(left, values), span: span(from: left.span))
        }
        return Condition(.value(left), span: left.span)
    }

    mutating func parseOperand() throws(Recovery) -> LocatedValue {
        guard [.word, .string, .integer, .number, .date].contains(current.kind) else {
            try fail(expected: .oneOf([.attribute, .value, .spelled("non"), .spelled("(")]))
        }
        // A clause or declaration keyword is an ordinary name here, unless what follows
        // could not follow an operand: then the condition was left incomplete.
        if Parser.isClauseStart(current) || Parser.isDeclarationStart(current) || current.is(.tache), !Parser.canFollowOperand(next) {
            try fail(expected: .oneOf([.attribute, .value]))
        }
        return try parseValue()
    }

    /// Whether a token may come right after an operand in a valid charter.
    static func canFollowOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .assign,
             .rightParen, .rightBracket, .comma, .rightBrace, .endOfFile:
            return true
        case .word:
            return token.is(.et) || token.is(.ou) || token.is(.dans) || isClauseStart(token) || isDeclarationStart(token)
                || token.is(.tache) || token.is(.qui) || token.is(.peut) || token.is(.refuse)
        default:
            return false
        }
    }
}

// The limits of the balance of roles.

extension Parser {
    /// `seuils = "seuils" "{" { IDENT INTEGER [ "," ] } "}"`
    mutating func parseThresholds() throws(Recovery) -> ThresholdsDecl {
        let start = advance().span
        var items: [ThresholdItem] = []
        try parseBlock(block: .thresholds, name: Keyword.seuils.spelling,
                       isItemStart: { token, next in token.kind == .word && next.kind == .integer }) { (parser: inout Parser) throws(Recovery) in
            let name = try parser.expectName(.oneOf([.threshold(Keyword.thresholdKeywords.map(\.spelling)), .spelled("}")]))
            let token = try parser.expect(.integer)
            var value: Int64?
            if case .integer(let number) = token.value { value = number }
            items.append(ThresholdItem(name: name, value: value, valueSpan: token.span, span: parser.span(from: name.span)))
            _ = parser.match(.comma)
        }
        return ThresholdsDecl(items: items, span: span(from: start))
    }
}

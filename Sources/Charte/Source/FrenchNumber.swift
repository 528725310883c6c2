// Numbers and amounts as French people write them: digits grouped by threes with a space
// (`4 000`, also a no-break or narrow no-break space), a decimal comma (`1 800,50`) and the
// euro sign (`4 000 €`). Amounts are whole cents in an Int64: exact, never floating point.

/// A number literal written with grouping, a decimal comma or the euro sign (a plain digit
/// run stays an integer token, as in v1).
public struct NumberLiteral: Sendable, Hashable {
    /// The integral part; nil when it overflowed or the literal was malformed (already reported).
    public var integral: Int64?
    /// The digits after the decimal comma, as written (empty without a comma).
    public var fraction: String
    /// Whether it ends with `€`.
    public var isAmount: Bool
    /// Whether its integral part was grouped by threes.
    public var isGrouped: Bool

    /// Creates a literal.
    public init(integral: Int64?, fraction: String = "", isAmount: Bool = false, isGrouped: Bool = false) {
        self.integral = integral
        self.fraction = fraction
        self.isAmount = isAmount
        self.isGrouped = isGrouped
    }

    /// Whether it is a whole number written with grouping only (`4 000`): a valid `nombre`.
    public var isWholeNumber: Bool { fraction.isEmpty && !isAmount }

    /// Whether a v1 charter could have meant two integers (`dans [1,5]`): a comma between two
    /// digit runs, with no grouping and no euro sign.
    public var couldBeTwoIntegers: Bool { !fraction.isEmpty && !isGrouped && !isAmount }

    /// The value in cents, nil on overflow or with more than two decimals.
    public var cents: Int64? {
        guard let integral, fraction.utf8.count <= 2 else { return nil }
        var fractionCents: Int64 = 0
        for (position, byte) in fraction.utf8.enumerated() {
            fractionCents += Int64(byte - 48) * (position == 0 ? 10 : 1)
        }
        let (scaled, overflow) = integral.multipliedReportingOverflow(by: 100)
        let (total, overflow2) = scaled.addingReportingOverflow(fractionCents)
        return overflow || overflow2 ? nil : total
    }

    /// The literal as the formatter writes it: the digits as written, groups separated by one
    /// space, the comma, and ` €`.
    public var written: String {
        guard let integral else { return "?" }
        var text = isGrouped ? FrenchNumber.grouped(integral) : String(integral)
        if !fraction.isEmpty { text += "," + fraction }
        if isAmount { text += " €" }
        return text
    }
}

/// Reading and writing French numbers and amounts outside the lexer (journal cells, outputs).
public enum FrenchNumber {
    /// Why a text is not an amount.
    public enum Problem: Error, Sendable, Hashable {
        /// Both `.` and `,`, or a `.` or `,` followed by three digits: thousands or decimals?
        case ambiguous
        /// More than two decimals: amounts are exact to the cent.
        case tooPrecise
        /// Not a number at all, or too large.
        case malformed
    }

    /// `1234567` as `1 234 567` (groups of three, separated by a space).
    public static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value.magnitude).utf8)
        var out: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(UInt8(ascii: " ")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An amount in cents as French people write it: `4 000 €`, `1 800,50 €`.
    public static func euros(_ cents: Int64) -> String {
        let euros = cents / 100, rest = (cents % 100).magnitude
        let text = grouped(euros)
        return rest == 0 ? text + " €" : text + "," + (rest < 10 ? "0" : "") + String(rest) + " €"
    }

    /// Whether a scalar separates groups of digits: a space, a no-break space, a narrow
    /// no-break space or a thin space.
    static func isGroupSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }

    /// An amount written in a journal or on a command line: `1 800,00 €`, `1800,5`, `1800.50`,
    /// `4000 EUR`. A `.` or `,` followed by exactly three digits, or both of them, is
    /// ambiguous (`4.000,00`, `4.000`, `4,000.00`): the reader cannot tell thousands from decimals.
    public static func cents(_ text: String) -> Result<Int64, Problem> {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, isGroupSpace(last) || last == "\t" { scalars.removeLast() }
        while let first = scalars.first, isGroupSpace(first) || first == "\t" { scalars.removeFirst() }
        // The unit: `€`, `EUR`, `euro`, `euros`, in any case.
        let folded = String(String.UnicodeScalarView(scalars)).lowercased()
        for unit in ["€", "euros", "euro", "eur"] where folded.hasSuffix(unit) {
            scalars.removeLast(unit.unicodeScalars.count)
            break
        }
        while let last = scalars.last, isGroupSpace(last) { scalars.removeLast() }
        var integral: [Unicode.Scalar] = [], groups: [Int] = [0]
        var separators: [Unicode.Scalar] = [], fraction: [Unicode.Scalar] = []
        var afterSeparator = false
        for scalar in scalars {
            if ("0"..."9").contains(scalar) {
                if afterSeparator { fraction.append(scalar) } else { integral.append(scalar); groups[groups.count - 1] += 1 }
            } else if isGroupSpace(scalar), !afterSeparator, !integral.isEmpty {
                groups.append(0)
            } else if scalar == "," || scalar == "." {
                separators.append(scalar)
                if afterSeparator {
                    // A second separator: `4.000.000` or `4.000,00`.
                    fraction.append(scalar)
                }
                afterSeparator = true
            } else {
                return .failure(.malformed)
            }
        }
        guard !integral.isEmpty else { return .failure(.malformed) }
        // Spaces group by threes: `4 000`, `12 345 678`.
        if groups.count > 1, groups.first.map({ !(1...3).contains($0) }) ?? true || groups.dropFirst().contains(where: { $0 != 3 }) {
            return .failure(.malformed)
        }
        if separators.count > 1 { return .failure(.ambiguous) }
        if separators.count == 1 {
            if fraction.count == 3 { return .failure(.ambiguous) }
            if fraction.isEmpty { return .failure(.malformed) }
            if fraction.count > 3 { return .failure(.tooPrecise) }
        }
        var value: Int64 = 0
        for digit in integral {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(digit.value - 48))
            if o1 || o2 { return .failure(.malformed) }
            value = plus
        }
        let literal = NumberLiteral(integral: value, fraction: String(String.UnicodeScalarView(fraction)))
        guard let cents = literal.cents else { return .failure(.malformed) }
        return .success(cents)
    }

    /// A whole number written with or without grouping spaces (`4 000`, `4000`); nil otherwise.
    public static func integer(_ text: String) -> Int64? {
        if let plain = Int64(text) { return plain }
        guard text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || isGroupSpace($0) }),
              case .success(let cents) = cents(text) else { return nil }
        return cents / 100
    }
}

// The value line of an ordered attribute (`nombre`, `euros`, `date`) cut at the constants the
// conditions compare it with, so the static analysis can enumerate it exactly.

/// An ordered attribute's values in pieces: each constant the conditions use is a piece of
/// its own, and so is each open interval between two of them (and below the first, above
/// the last) that holds a value. Every value of a piece gives every comparison with those
/// constants the same truth, so one representative value per piece decides for all of it.
///
/// The number of pieces is at most twice the number of distinct constants plus one: the
/// cost follows the conditions, never the size of the values.
struct ValueLine: Sendable, Hashable {
    /// One piece of the line.
    enum Piece: Sendable, Hashable {
        /// Exactly this constant.
        case point(Value)
        /// The values strictly between two constants (nil: no bound on that side).
        case between(Value?, Value?)
    }

    /// The attribute's type (`nombre`, `euros` or `date`).
    let type: ValueType
    /// The pieces, in increasing order.
    let pieces: [Piece]
    /// One value of each piece, the one the analysis evaluates.
    let values: [Value]

    /// The line of a type cut at `constants` (those of another type are ignored), or nil
    /// when the type is not ordered or no constant cuts it.
    init?(type: ValueType, constants: Set<Value>) {
        guard let minimum = ValueLine.minimum(of: type) else { return nil }
        let cuts = constants.filter { ValueLine.sameKind($0, minimum) && !($0 < minimum) }.sorted()
        guard !cuts.isEmpty else { return nil }
        var pieces: [Piece] = []
        var values: [Value] = []
        var previous: Value?
        for cut in cuts {
            // The open interval below this cut, when it holds a value.
            let low: Value? = if let previous { ValueLine.successor(of: previous) } else { minimum }
            if let low, low < cut {
                pieces.append(.between(previous, cut))
                values.append(low)
            }
            pieces.append(.point(cut))
            values.append(cut)
            previous = cut
        }
        if let last = previous, let next = ValueLine.successor(of: last) {
            pieces.append(.between(last, nil))
            values.append(next)
        }
        self.type = type
        self.pieces = pieces
        self.values = values
    }

    // MARK: - Values of a type

    /// The smallest value a charter or a journal can write: no negative number or amount.
    static func minimum(of type: ValueType) -> Value? {
        switch type {
        case .number: .number(0)
        case .euros: .amount(0)
        case .date: CalendarDate(year: 1, month: 1, day: 1).map(Value.date)
        default: nil
        }
    }

    /// The next value after `value`, nil at the end of its type.
    static func successor(of value: Value) -> Value? {
        switch value {
        case .number(let n): n == .max ? nil : .number(n + 1)
        case .amount(let cents): cents == .max ? nil : .amount(cents + 1)
        case .date(let date): date.adding(days: 1).map(Value.date)
        default: nil
        }
    }

    static func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number, .number), (.amount, .amount), (.date, .date): true
        default: false
        }
    }

    // MARK: - Words

    /// A run of consecutive pieces as a message writes it: `4 000 €`, `plus de 4 000 €`,
    /// `de 1 000 € à 4 000 €`, `avant le 2027-01-01`.
    func written(_ run: ClosedRange<Int>) -> String { self.run(run).french }

    /// A run of consecutive pieces as a typed value: one value, or a range with its bounds.
    func run(_ run: ClosedRange<Int>) -> ValueRun {
        let first = pieces[run.lowerBound], last = pieces[run.upperBound]
        if run.count == 1, case .point(let value) = first { return .value(value.written(as: type)) }
        let lower: ValueRun.Bound? = switch first {
        case .point(let value): ValueRun.Bound(value.written(as: type), included: true)
        case .between(let below, _): below.map { ValueRun.Bound($0.written(as: type), included: false) }
        }
        let upper: ValueRun.Bound? = switch last {
        case .point(let value): ValueRun.Bound(value.written(as: type), included: true)
        case .between(_, let above): above.map { ValueRun.Bound($0.written(as: type), included: false) }
        }
        return .range(lower: lower, upper: upper, dates: type == .date)
    }
}

extension Predicate {
    /// Adds, per attribute, the constants it is compared with (`<`, `==`, `dans`…), and the
    /// attributes compared with another attribute (`coupled`: their line is not cut, they
    /// stay unknown, since a representative value would not decide such a comparison).
    func collectConstants(into constants: inout [Int: Set<Value>], coupled: inout Set<Int>) {
        switch self {
        case .constant, .isTrue: break
        case .or(let a, let b), .and(let a, let b):
            a.collectConstants(into: &constants, coupled: &coupled)
            b.collectConstants(into: &constants, coupled: &coupled)
        case .not(let a): a.collectConstants(into: &constants, coupled: &coupled)
        case .member(let attribute, let values): constants[attribute, default: []].formUnion(values)
        case .compare(.attribute(let attribute), _, .constant(let value)), .compare(.constant(let value), _, .attribute(let attribute)):
            constants[attribute, default: []].insert(value)
        case .compare(.attribute(let a), _, .attribute(let b)):
            coupled.insert(a)
            coupled.insert(b)
        case .compare: break
        }
    }
}

// Durations and date expressions written back as text: one table of unit words for the
// charter's own syntax (`3 jours ouvres`, what the formatter and `montre` write) and for
// French prose (`3 jours ouvrés`, what documents and answers say).

extension DurationUnit {
    /// The unit a written word names, singular or plural, with or without accents
    /// (`jours ouvrés`, `semaine`); nil for any other text.
    public init?(written: String) {
        switch Folding.fold(written) {
        case "jour", "jours": self = .days
        case "semaine", "semaines": self = .weeks
        case "mois": self = .months
        case "jour ouvre", "jours ouvres": self = .workingDays
        default: return nil
        }
    }

    /// The unit's word for an amount: in the charter's syntax singular only for 1
    /// (`1 jour`, `0 jours`); in prose plural only above 1 (`0 jour`, `2 jours`), with accents.
    public func word(for amount: Int64, prose: Bool = false) -> String {
        let plural = prose ? amount > 1 : amount != 1
        return switch self {
        case .days: plural ? "jours" : "jour"
        case .weeks: plural ? "semaines" : "semaine"
        case .months: "mois"
        case .workingDays: prose ? (plural ? "jours ouvrés" : "jour ouvré") : (plural ? "jours ouvres" : "jour ouvre")
        }
    }
}

extension Duration {
    /// `3 jours`, `1 semaine`, as a charter writes it; `?` for a malformed amount (already reported).
    public var written: String {
        guard let amount else { return "? " + unit.word(for: 0) }
        return "\(amount) " + unit.word(for: amount)
    }
}

extension DateExpr {
    /// The expression as a charter writes it: `rentree + 2 semaines`, `2026-09-01 - 3 jours`.
    public var written: String {
        var text: String
        switch base {
        case .literal(let date): text = date?.description ?? "?"
        case .name(let name): text = name.text
        }
        for offset in offsets {
            text += (offset.isAddition ? " + " : " - ") + offset.duration.written
        }
        return text
    }
}

/// A deadline expression as written (`rentree + 2 semaines`, `toussaint - 8 jours`) in words
/// for people: « 2 semaines après « Rentrée » », « 8 jours avant « Toussaint » ».
public enum DeadlineWords {
    /// The phrase of an expression, or nil when it says nothing the date does not (a plain
    /// date) or has a shape this writer does not know (then the date alone is shown).
    public static func phrase(_ written: String, calendar: SchoolCalendar?) -> String? {
        var words = written.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // The written text starts with a date, a calendar name or the entry's label (which may
        // hold spaces): the offset, if any, is the last `+`/`-` followed by a number.
        var offset: [String] = []
        if let sign = words.indices.last(where: { (words[$0] == "+" || words[$0] == "-") && $0 + 1 < words.count && Int(words[$0 + 1]) != nil }),
           sign > 0 {
            offset = Array(words[sign...])
            words = Array(words[..<sign])
        }
        guard !words.isEmpty else { return nil }
        let base = words.joined(separator: " ")
        let origin: String
        let isDate = words.count == 1 && (CalendarDate(iso: Substring(base)) != nil || base.contains("/"))
        if let date = CalendarDate(iso: Substring(base)) {
            origin = "le " + DateText.long(date)
        } else if isDate {
            origin = "le " + base
        } else if words.count == 1 {
            origin = PlainWords.quoted(calendar?.readableName(of: base) ?? PlainWords.title(base))
        } else {
            origin = PlainWords.quoted(base)
        }
        if offset.isEmpty { return isDate ? nil : origin }
        words = [base] + offset
        guard words.count >= 4, let amount = Int(words[2]) else { return nil }
        let unit = words[3...].joined(separator: " ")
        guard let durationUnit = DurationUnit(written: unit) else { return nil }
        return "\(amount) \(durationUnit.word(for: Int64(amount), prose: true)) " + (words[1] == "+" ? "après " : "avant ") + origin
    }
}

extension SchoolCalendar {
    /// The name of an entry for a sentence: its label when the calendar gives one, else its id
    /// made readable (`noel` → `Noël`, `cloture_commandes` → `Clôture commandes`).
    public func readableName(of name: String) -> String {
        index[name].flatMap { entries[$0].label } ?? PlainWords.title(name)
    }
}

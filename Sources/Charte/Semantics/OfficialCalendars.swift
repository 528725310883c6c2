/// The official French school calendars built into the language: `calendrier "2026-2027" { zone B }`
/// fills in the year's prérentrée, rentrée, holiday periods (with their French labels), end of
/// classes and the public holidays of the school year.
///
/// Only published calendars are here, never guessed ones. Source for 2026-2027: the *projet
/// d'arrêté* fixing the 2026-2027 school calendar, presented to the Conseil supérieur de
/// l'éducation of 23 September 2025, as published by
/// https://champagne-ardenne.sgen-cfdt.fr/actu/calendrier-scolaire-2026-2027-un-projet-sans-consensus
/// (zone B confirmed by https://snalc-normandie.fr/calendrier-scolaire-2026-2027). The académie de
/// Corse fixes its own calendar and none was found published for 2026-2027: asking for it is an
/// error (E108), not a guess.
///
/// A holiday period runs from the first day without classes (the Saturday, "après les cours") to
/// the day before classes resume ("reprise des cours" on a Monday morning), both ends included.
/// `Tests/CharteTests/Fixtures/calendriers-officiels.tsv`, transcribed separately from the same
/// source, is checked against this table.
public enum OfficialCalendars {
    /// A zone of the school calendar.
    public enum Zone: String, Sendable, Hashable, CaseIterable {
        case a = "A", b = "B", c = "C", corse = "Corse"

        /// The zone a charter names (`B`, `b`, `corse`), compared folded.
        public init?(written: String) {
            let folded = Folding.fold(written)
            guard let zone = Zone.allCases.first(where: { Folding.fold($0.rawValue) == folded }) else { return nil }
            self = zone
        }
    }

    /// One row of the table: a named date or period of one year, for every zone or for one.
    public struct Row: Sendable, Hashable {
        public var year: String
        /// nil for a date common to every zone of the year's table.
        public var zone: Zone?
        public var name: String
        public var label: String
        public var start: CalendarDate
        public var end: CalendarDate?
    }

    /// The one table: `année, zone ("*" for all), nom, libellé, début, fin`.
    static let table: [(String, String, String, String, String, String?)] = [
        ("2026-2027", "*", "prerentree", "Prérentrée des enseignants", "2026-08-31", nil),
        ("2026-2027", "*", "rentree", "Rentrée des élèves", "2026-09-01", nil),
        ("2026-2027", "*", "toussaint", "Vacances de la Toussaint", "2026-10-17", "2026-11-01"),
        ("2026-2027", "*", "noel", "Vacances de Noël", "2026-12-19", "2027-01-03"),
        ("2026-2027", "A", "hiver", "Vacances d'hiver", "2027-02-13", "2027-02-28"),
        ("2026-2027", "B", "hiver", "Vacances d'hiver", "2027-02-20", "2027-03-07"),
        ("2026-2027", "C", "hiver", "Vacances d'hiver", "2027-02-06", "2027-02-21"),
        ("2026-2027", "A", "printemps", "Vacances de printemps", "2027-04-10", "2027-04-25"),
        ("2026-2027", "B", "printemps", "Vacances de printemps", "2027-04-17", "2027-05-02"),
        ("2026-2027", "C", "printemps", "Vacances de printemps", "2027-04-03", "2027-04-18"),
        ("2026-2027", "*", "pont_ascension", "Pont de l'Ascension", "2027-05-06", "2027-05-09"),
        ("2026-2027", "*", "fin_annee", "Fin des cours", "2027-07-03", nil),
    ]

    /// The zones whose calendar the table holds for a year, beside the year's common rows.
    static let zonesByYear: [String: [Zone]] = ["2026-2027": [.a, .b, .c]]

    /// Every row of the table, parsed.
    public static let rows: [Row] = table.compactMap { year, zone, name, label, start, end in
        guard let first = CalendarDate(iso: Substring(start)) else { return nil }
        let last = end.flatMap { CalendarDate(iso: Substring($0)) }
        return Row(year: year, zone: zone == "*" ? nil : Zone(rawValue: zone), name: name, label: label, start: first, end: last)
    }

    /// The years with at least one zone built in, sorted.
    public static var years: [String] { zonesByYear.keys.sorted() }

    /// What a `zone` clause gives.
    public enum Lookup: Sendable, Hashable {
        /// The entries, in date order: the year's rows for the zone, then the public holidays
        /// from the prérentrée to the end of classes.
        case entries([Row])
        /// The zone and year are known words, but no published calendar is built in for them.
        case unpublished
    }

    /// The official calendar of a zone for a year (`2026-2027`).
    public static func lookup(zone: Zone, year: String) -> Lookup {
        guard zonesByYear[year]?.contains(zone) == true else { return .unpublished }
        var entries = rows.filter { $0.year == year && ($0.zone == nil || $0.zone == zone) }
        if let first = entries.map(\.start).min(), let last = entries.map({ $0.end ?? $0.start }).max() {
            for calendarYear in first.year...last.year {
                for holiday in PublicHolidays.holidays(year: calendarYear) where holiday.date >= first && holiday.date <= last {
                    entries.append(Row(year: year, zone: zone, name: holiday.name, label: holiday.label, start: holiday.date, end: nil))
                }
            }
        }
        return .entries(entries.sorted { $0.start != $1.start ? $0.start < $1.start : $0.name < $1.name })
    }
}

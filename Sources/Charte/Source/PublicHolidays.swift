/// The French public holidays (jours fériés) of metropolitan France, computed for any year.
///
/// Code du travail, article L3133-1: 1 January, Easter Monday, 1 May, 8 May, Ascension
/// Thursday, Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December. The
/// local days of Alsace-Moselle (Good Friday, 26 December) and of the overseas départements
/// are not included.
public enum PublicHolidays {
    /// One public holiday of a year.
    public struct Holiday: Sendable, Hashable {
        /// The name a calendar entry gets (`lundi_paques`).
        public var name: String
        /// The French words every output shows (`Lundi de Pâques`).
        public var label: String
        public var date: CalendarDate
    }

    /// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
    public static func easter(year: Int) -> CalendarDate? {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The eleven public holidays of a year, in date order (empty outside years 1…9999).
    public static func holidays(year: Int) -> [Holiday] {
        var result: [Holiday] = []
        func fixed(_ name: String, _ label: String, _ month: Int, _ day: Int) {
            if let date = CalendarDate(year: year, month: month, day: day) {
                result.append(Holiday(name: name, label: label, date: date))
            }
        }
        func fromEaster(_ name: String, _ label: String, _ days: Int) {
            if let date = easter(year: year)?.adding(days: days) { result.append(Holiday(name: name, label: label, date: date)) }
        }
        fixed("jour_an", "Jour de l'an", 1, 1)
        fromEaster("lundi_paques", "Lundi de Pâques", 1)
        fixed("fete_travail", "Fête du Travail", 5, 1)
        fixed("victoire_1945", "Victoire 1945", 5, 8)
        fromEaster("ascension", "Ascension", 39)
        fromEaster("lundi_pentecote", "Lundi de Pentecôte", 50)
        fixed("fete_nationale", "Fête nationale", 7, 14)
        fixed("assomption", "Assomption", 8, 15)
        fixed("jour_toussaint", "Toussaint", 11, 1)
        fixed("armistice", "Armistice 1918", 11, 11)
        fixed("jour_noel", "Noël", 12, 25)
        return result.sorted { $0.date < $1.date }
    }

    /// The public holiday on a date, if any.
    public static func holiday(on date: CalendarDate) -> Holiday? {
        holidays(year: date.year).first { $0.date == date }
    }
}

extension CalendarDate {
    /// The day of the week, 0 for Sunday to 6 for Saturday.
    public var weekday: Int { ((dayNumber + 4) % 7 + 7) % 7 }

    /// Whether the date is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday == 0 || weekday == 6 }
}

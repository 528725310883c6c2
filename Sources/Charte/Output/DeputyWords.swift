/// The French words of a suppléance, shared by query answers and journal reports.
public enum DeputyWords {
    /// `6 février 2027`.
    public static func day(_ date: CalendarDate) -> String { "\(DateText.dayAndMonth(date)) \(date.year)" }

    /// `suppléance de documentaliste du 12 janvier au 6 février 2027`.
    public static func window(deputised: String, from: CalendarDate, to: CalendarDate) -> String {
        "suppléance de \(deputised) " + DateText.range(from, to)
    }

    /// What the nature means: who stays accountable, or where the competence goes.
    public static func nature(_ nature: DeputyNature, deputised: String, deputy: String) -> String {
        switch nature {
        case .signature: "délégation de signature : \(deputised) reste responsable"
        case .power: "délégation de pouvoir : la compétence passe à \(deputy)"
        }
    }

    /// A suppléance on a task's card, by what it does to the absent actor's letter:
    /// `cpe responsable à la place de documentaliste (délégation de pouvoir du 12 janvier au 6 février 2027)`,
    /// `referent signe pour documentaliste, qui reste responsable (délégation de signature du …)`.
    public static func standIn(deputised: String, deputy: String, letter: String, nature: DeputyNature, from: CalendarDate,
                               to: CalendarDate) -> String {
        switch nature {
        case .power:
            "\(deputy) \(letter) à la place de \(deputised) (délégation de pouvoir " + DateText.range(from, to) + ")"
        case .signature:
            "\(deputy) signe pour \(deputised), qui reste \(letter) (délégation de signature " + DateText.range(from, to) + ")"
        }
    }

    /// One suppléance on the day of a question, as a sentence:
    /// `suppléance de documentaliste du 12 janvier au 6 février 2027 par referent (délégation de signature : …)`,
    /// `suppléance terminée le 6 février 2027 (…)`, `suppléance pas encore commencée (du 12 janvier …)`.
    public static func sentence(_ window: DeputyWindow) -> String {
        sentence(deputised: window.deputised, deputy: window.deputy, from: window.from, to: window.to, nature: window.nature,
                 state: window.state)
    }

    /// The same for a suppléance of a charter.
    public static func sentence(_ deputy: Deputy, state: DeputyState, in charter: Charter) -> String {
        sentence(deputised: charter.actors[deputy.deputised].id, deputy: charter.actors[deputy.deputy].id, from: deputy.from,
                 to: deputy.to, nature: deputy.nature, state: state)
    }

    static func sentence(deputised: String, deputy: String, from: CalendarDate, to: CalendarDate, nature: DeputyNature,
                         state: DeputyState) -> String {
        switch state {
        case .enCours:
            window(deputised: deputised, from: from, to: to) + " par \(deputy) (" + self.nature(nature, deputised: deputised, deputy: deputy) + ")"
        case .terminee:
            "suppléance terminée le \(day(to)) (\(deputy) pour \(deputised), " + DateText.range(from, to) + ")"
        case .aVenir:
            "suppléance pas encore commencée (" + DateText.range(from, to) + ", \(deputy) pour \(deputised))"
        }
    }
}

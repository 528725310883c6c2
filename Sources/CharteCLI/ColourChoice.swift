/// `--color=auto|always|never` (also `--couleur`), with the `FORCE_COLOR` and `NO_COLOR`
/// conventions.
///
/// Precedence: the option, then `FORCE_COLOR` (set and neither empty nor `0`: colour), then
/// `NO_COLOR` (set and not empty: no colour), then colour only on a terminal whose `TERM`
/// is not `dumb`.
public enum ColourChoice: String, Sendable, CaseIterable {
    case auto, always, never

    /// The choice a `--color` value names (French words accepted too).
    static func parse(_ value: String) -> ColourChoice? {
        switch value {
        case "auto": .auto
        case "always", "toujours": .always
        case "never", "jamais": .never
        default: nil
        }
    }

    /// Whether colour is used on a stream.
    func allows(terminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
            if let none = environment["NO_COLOR"], !none.isEmpty { return false }
            return terminal && environment["TERM"] != "dumb"
        }
    }
}

/// Everything a printed charter shows, computed once from the checked model with every
/// name resolved to its label: the Markdown and HTML exports only lay it out.
public struct CharterDocument: Sendable, Hashable {
    /// The establishment's name (or a generic title).
    public let establishment: String?
    /// The establishment's metadata, as declared (`uai`, `academie`…).
    public let metadata: [Metadata]
    /// The calendar's label (`2026-2027`).
    public let calendarLabel: String?
    /// Part 1: steps × roles.
    public let table: StepRoleTable
    /// Part 2: task × actor.
    public let matrix: RaciMatrix
    /// Part 3: one sheet per actor.
    public let sheets: [RoleSheet]
    /// Part 4: deadlines.
    public let calendar: DeadlineCalendar
    /// The permission rules, in declaration order.
    public let permissions: [PermissionLine]

    /// A `key value` pair of the establishment block.
    public struct Metadata: Sendable, Hashable {
        /// The key as written (`uai`).
        public let key: String
        /// The value.
        public let value: String
        /// The key for a reader (`UAI`, `Académie`).
        public var displayKey: String {
            switch key {
            case "uai": "UAI"
            case "academie": "Académie"
            default: key.prefix(1).uppercased() + key.dropFirst().replacing("_", with: " ")
            }
        }
    }

    /// Builds the document of a checked charter.
    init(charter: Charter) {
        establishment = charter.establishment?.name
        metadata = charter.establishment?.metadata.map { Metadata(key: $0.key, value: $0.value) } ?? []
        calendarLabel = charter.calendar?.label
        table = StepRoleTable(charter: charter)
        matrix = RaciMatrix(charter: charter)
        sheets = RoleSheet.sheets(of: charter)
        calendar = DeadlineCalendar(charter: charter)
        permissions = PermissionLine.lines(of: charter)
    }

    /// The document's title.
    public var title: String {
        establishment.map { "Charte des rôles numériques — \($0)" } ?? "Charte des rôles numériques"
    }

    /// The line under the title: metadata and school year.
    public var subtitle: String {
        var parts = metadata.map { "\($0.displayKey) \($0.value)" }
        if let calendarLabel { parts.append("année \(calendarLabel)") }
        return parts.joined(separator: " · ")
    }
}

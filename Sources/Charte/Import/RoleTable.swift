/// A steps × roles table, as schools write their charter in a spreadsheet: a header row of
/// role names, then one row per step whose cells say what each role does.
public struct RoleTable: Sendable, Hashable {
    /// One row of the table: a step and what each role does at it.
    public struct Row: Sendable, Hashable {
        /// The step's name (the row's first cell).
        public var step: String
        /// The cells, one per role column (empty when the role has nothing to do).
        public var cells: [String]
        /// The 1-based line of the file where the row starts.
        public var line: Int

        /// Creates a row.
        public init(step: String, cells: [String], line: Int) {
            self.step = step
            self.cells = cells
            self.line = line
        }
    }

    /// Text found above the header (the table's title), one entry per line.
    public var title: [String]
    /// The header's first cell (`LES ETAPES`).
    public var corner: String
    /// The role names, one per column after the first.
    public var roles: [String]
    /// The 1-based line of the header row.
    public var headerLine: Int
    /// The step rows, in order.
    public var rows: [Row]

    /// Creates a table.
    public init(title: [String], corner: String, roles: [String], headerLine: Int, rows: [Row]) {
        self.title = title
        self.corner = corner
        self.roles = roles
        self.headerLine = headerLine
        self.rows = rows
    }

    /// The smallest number of non-empty cells that makes a row the header.
    public static let minimumHeaderCells = 3

    /// Finds the table in records read from a file: lines before the first row with at
    /// least three non-empty cells are the title; that row names the roles; every later
    /// row with something in it is a step. Nil when no row can be the header.
    ///
    /// A column with no name but with filled cells is kept as `Colonne N`; a row with
    /// cells but no step name is kept as `Ligne N`. Cell text is trimmed.
    public static func find(in records: [CSVRecord]) -> RoleTable? {
        guard let headerIndex = records.firstIndex(where: { nonEmptyCount($0.fields) >= minimumHeaderCells }) else {
            return nil
        }
        let header = records[headerIndex].fields.map(trimmed)
        let body = records[(headerIndex + 1)...].filter { nonEmptyCount($0.fields) > 0 }
        let width = max(header.count, body.map(\.fields.count).max() ?? 0)
        // Keep every column up to the last one that has a name or a filled cell.
        var lastColumn = 0
        for column in 1..<max(1, width) {
            let named = column < header.count && !header[column].isEmpty
            let filled = body.contains { column < $0.fields.count && !trimmed($0.fields[column]).isEmpty }
            if named || filled { lastColumn = column }
        }
        let roles = lastColumn == 0 ? [] : (1...lastColumn).map { column in
            column < header.count && !header[column].isEmpty ? header[column] : "Colonne \(column + 1)"
        }
        let rows = body.map { record -> Row in
            let fields = record.fields.map(trimmed)
            let cells = roles.indices.map { index in index + 1 < fields.count ? fields[index + 1] : "" }
            let step = fields.first.flatMap { $0.isEmpty ? nil : $0 } ?? "Ligne \(record.line)"
            return Row(step: step, cells: cells, line: record.line)
        }
        let title = records[..<headerIndex].map { $0.fields.map(trimmed).filter { !$0.isEmpty }.joined(separator: " ") }
            .filter { !$0.isEmpty }
        return RoleTable(title: title, corner: header.first ?? "", roles: roles,
                         headerLine: records[headerIndex].line, rows: rows)
    }

    /// The number of filled cells.
    public var filledCellCount: Int { rows.reduce(0) { $0 + $1.cells.filter { !$0.isEmpty }.count } }

    static func nonEmptyCount(_ fields: [String]) -> Int { fields.filter { !trimmed($0).isEmpty }.count }

    /// A cell without surrounding white space (including non-breaking spaces).
    static func trimmed(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}

/// The charter as a spreadsheet table, CSV (RFC 4180) or TSV.
///
/// Two views: `tableau`, the steps × roles table in the seed's shape (header row `LES ETAPES`
/// then the role labels; one row per step), and `raci`, the task × actor matrix of letters.
/// A cell that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) is prefixed with `'`.
public enum DelimitedExport {
    /// The field separator.
    public enum Dialect: Sendable {
        /// Comma-separated, quoted as RFC 4180 says, CRLF line ends; several tasks in a cell
        /// are separated by line breaks inside the quoted field.
        case csv
        /// Tab-separated, never quoted (like the seed), LF line ends; tabs and line breaks
        /// inside a cell become spaces, and several tasks are separated by ` ; `.
        case tsv
    }

    /// Which table to write.
    public enum View: String, Sendable, CaseIterable {
        /// Steps × roles, as the seed.
        case tableau
        /// Task × actor, RACI letters.
        case raci
    }

    /// The byte order mark French Excel needs to read a file as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// The table as text; `excel` writes it as French Excel opens it by a double click:
    /// a UTF-8 byte order mark first and, for CSV, `;` between fields.
    static func render(_ charter: Charter, dialect: Dialect, view: View, excel: Bool = false) -> String {
        let rows = view == .tableau ? tableRows(StepRoleTable(charter: charter), dialect: dialect)
                                    : matrixRows(RaciMatrix(charter: charter))
        return write(rows, dialect: dialect, excel: excel)
    }

    /// The rows of the steps × roles table.
    static func tableRows(_ table: StepRoleTable, dialect: Dialect) -> [[String]] {
        let joiner = dialect == .csv ? "\n" : " ; "
        return [[StepRoleTable.corner] + table.columns]
            + table.rows.map { row in [row.label] + row.cells.map { $0.map(\.text).joined(separator: joiner) } }
    }

    /// The rows of the task × actor matrix.
    static func matrixRows(_ matrix: RaciMatrix) -> [[String]] {
        [["ETAPE", "TACHE"] + matrix.columns.map(\.label)]
            + matrix.rows.map { row in [row.stepLabel, row.label] + row.letters.map(RaciMatrix.cellText) }
    }

    /// Rows as CSV or TSV text (for French Excel with `excel`).
    public static func write(_ rows: [[String]], dialect: Dialect, excel: Bool = false) -> String {
        let start = excel ? byteOrderMark : ""
        switch dialect {
        case .csv:
            let separator: Unicode.Scalar = excel ? ";" : ","
            return start + rows.map { row in
                row.map { csvField(neutralise($0), separator: separator) }.joined(separator: String(separator)) + "\r\n"
            }.joined()
        case .tsv:
            return start + rows.map { $0.map { tsvField(neutralise($0)) }.joined(separator: "\t") + "\n" }.joined()
        }
    }

    /// Prefixes with `'` a cell a spreadsheet would read as a formula.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + cell : cell
    }

    /// A CSV field: quoted (quotes doubled) when it holds the separator, a quote or a line break.
    public static func csvField(_ text: String, separator: Unicode.Scalar = ",") -> String {
        let text = ControlCharacters.escaped(text, keepingLineBreaks: true)
        let needsQuotes = text.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
    }

    /// A TSV field: tabs and line breaks become spaces, since TSV cannot hold them.
    public static func tsvField(_ text: String) -> String {
        ControlCharacters.escaped(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })))
    }
}

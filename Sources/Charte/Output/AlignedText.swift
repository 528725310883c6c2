/// Rows of text cells laid out in aligned columns, without trailing blanks.
///
/// Widths count characters, which is right for the precomposed French letters of ids and
/// labels; the last column is never padded.
struct AlignedText {
    /// A row of cells, or a line written as is (a heading between groups of rows).
    private enum Row {
        case cells([String])
        case line(String)
    }

    private var rows: [Row] = []
    /// What each row starts with (its indentation).
    let indent: String
    /// What separates two columns.
    let gap: String

    init(indent: String = "  ", gap: String = "  ") {
        self.indent = indent
        self.gap = gap
    }

    /// Adds a row; empty trailing cells are dropped.
    mutating func add(_ cells: [String]) {
        var cells = cells
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        rows.append(.cells(cells))
    }

    /// Adds a line written as is, not indented and not taken into account for the widths.
    mutating func addLine(_ text: String) {
        rows.append(.line(text))
    }

    /// The rows, one a line, each ending with a newline.
    var rendered: String {
        let cellRows = rows.compactMap { row -> [String]? in
            if case .cells(let cells) = row { return cells }
            return nil
        }
        let columns = cellRows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in cellRows {
            for (index, cell) in row.enumerated() where index < row.count - 1 {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var out = ""
        for entry in rows {
            guard case .cells(let row) = entry else {
                if case .line(let text) = entry { out += text + "\n" }
                continue
            }
            var line = indent
            for (index, cell) in row.enumerated() {
                if index < row.count - 1 {
                    line += cell + String(repeating: " ", count: widths[index] - cell.count) + gap
                } else {
                    line += cell
                }
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}

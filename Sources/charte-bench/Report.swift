#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Charte

/// One line of the results: a quantity measured over several repetitions.
struct Result {
    /// What was measured (`verifier`, `verifier.lexer`, `peut`…).
    let name: String
    /// The input it was measured on (`100000 taches`, `exemple`…).
    let size: String
    /// Median, minimum and maximum over the repetitions.
    let spread: Spread
    /// The unit of the three numbers (`Mo/s`, `decisions/s`, `µs/tache`, `Mo`, `x`).
    let unit: String
    /// The throughput as a fraction of the floor (the same bytes or lookups in a plain loop).
    let floorRatio: Double?
}

/// Collects results and checks, then prints them as a table or as JSON.
final class Report {
    private(set) var results: [Result] = []
    /// Failed answer checks (each makes the run exit with 1).
    private(set) var failures: [String] = []
    /// Remarks printed under the table (targets, skipped measurements).
    private(set) var notes: [String] = []
    let json: Bool

    init(json: Bool) { self.json = json }

    func add(_ name: String, _ size: String, _ spread: Spread, _ unit: String, floor: Double? = nil) {
        results.append(Result(name: name, size: size, spread: spread, unit: unit, floorRatio: floor))
        progress("  \(name) [\(size)] : \(Report.number(spread.median)) \(unit)")
    }

    /// A peak memory reading (one measurement, in bytes): `NAME.memoire` in megabytes and
    /// `NAME.memoire/fichier`, its ratio to the input's size.
    func addPeakMemory(_ name: String, _ size: String, bytes peak: Double, fileSize: Int) {
        add("\(name).memoire", size, Spread(median: peak, min: peak, max: peak).scaled(by: 1e-6), "Mo")
        let ratio = peak / Double(max(fileSize, 1))
        add("\(name).memoire/fichier", size, Spread(median: ratio, min: ratio, max: ratio), "x")
    }

    /// Records an answer check; a false one fails the run.
    func check(_ holds: Bool, _ what: @autoclosure () -> String) {
        if !holds {
            failures.append(what())
            progress("ÉCHEC : \(what())")
        }
    }

    func note(_ text: String) { notes.append(text) }

    /// A progress line on standard error, so standard output stays the table or the JSON.
    func progress(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    // MARK: - Output

    func render() -> String {
        json ? renderJSON() : renderTable()
    }

    func renderTable() -> String {
        let header = ["mesure", "taille", "médiane", "min", "max", "unité", "/ plancher"]
        var rows = [header]
        for result in results {
            rows.append([result.name, result.size, Report.number(result.spread.median), Report.number(result.spread.min),
                         Report.number(result.spread.max), result.unit, result.floorRatio.map(Report.ratio) ?? ""])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let rightAligned: Set<Int> = [2, 3, 4, 6]
        var out = ""
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
            if index == 0 {
                out += "|" + widths.enumerated().map { column, width in
                    String(repeating: "-", count: width + 1) + (rightAligned.contains(column) ? ":" : "-")
                }.joined(separator: "|") + "|\n"
            }
        }
        for note in notes { out += "\n" + note }
        if !notes.isEmpty { out += "\n" }
        if !failures.isEmpty {
            out += "\nÉCHECS (\(failures.count)) :\n" + failures.map { "  - " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// One JSON object per measurement, then the failed checks and the notes.
    func renderJSON() -> String {
        func string(_ text: String) -> String { JSON.string(text).rendered() }
        let items = results.map { result in
            "    {\"name\": \(string(result.name)), \"size\": \(string(result.size)), "
                + "\"median\": \(Report.plain(result.spread.median)), \"min\": \(Report.plain(result.spread.min)), "
                + "\"max\": \(Report.plain(result.spread.max)), \"unit\": \(string(result.unit)), "
                + "\"floor_ratio\": \(result.floorRatio.map(Report.plain) ?? "null")}"
        }
        return "{\n  \"measurements\": [\n" + items.joined(separator: ",\n") + "\n  ],\n"
            + "  \"failures\": [" + failures.map(string).joined(separator: ", ") + "],\n"
            + "  \"notes\": [" + notes.map(string).joined(separator: ", ") + "]\n}\n"
    }

    // MARK: - Numbers

    /// A number for the table: three significant digits, thousands separated by a thin space.
    static func number(_ value: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1000 { return grouped(Int(value.rounded())) }
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        return fixed(value, decimals: decimals)
    }

    /// A ratio for the table: `0.021` → `2.1 %`.
    static func ratio(_ value: Double) -> String {
        fixed(value * 100, decimals: value * 100 >= 10 ? 0 : 1) + " %"
    }

    /// A plain decimal for JSON (up to 6 significant decimals, no exponent).
    static func plain(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 1000 ? 0 : magnitude >= 1 ? 3 : 6
        return fixed(value, decimals: decimals)
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else { return String(value) }
        let whole = Int(scaled) / Int(scale), fraction = Int(scaled) % Int(scale)
        var text = (value < 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += " " }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}


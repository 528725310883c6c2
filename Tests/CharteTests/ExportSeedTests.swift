import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

/// The seed table, in the `shared/` folder that lies beside the repository.
let seedPath = repositoryRoot + "/../shared/seed/ressources-numeriques-organisation.tsv"
/// The bundled example charter.
let exampleCharterPath = repositoryPath("rules/etablissement-exemple.charte")

/// The seed's table: its header row (`LES ETAPES`, role labels) and the rows after it.
func seedGrid() throws -> [[String]] {
    let text = try String(contentsOfFile: seedPath, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingSuffix { $0 == "\r" }) }
    let header = try #require(lines.firstIndex { $0.hasPrefix(StepRoleTable.corner + "\t") })
    return lines[header...].filter { !$0.isEmpty }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
}

/// A charter made from the seed as an importer would: a role per column, a step per row,
/// a task per filled cell, labelled with the cell's text, held by the column's role.
func charterFromSeed(_ grid: [[String]]) -> String {
    func quoted(_ text: String) -> String { "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }
    var text = ""
    for (column, label) in grid[0].enumerated().dropFirst() { text += "role r\(column) \(quoted(label))\n" }
    for (row, cells) in grid.enumerated().dropFirst() {
        text += "etape e\(row) \(quoted(cells[0])) {\n"
        for (column, cell) in cells.enumerated().dropFirst() where !cell.isEmpty {
            text += "  tache t\(row)_\(column) \(quoted(cell)) { responsable r\(column) }\n"
        }
        text += "}\n"
    }
    return text
}

extension Substring {
    /// The substring without trailing characters that match.
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}

@Suite("Exports of the seed and of the bundled charters")
struct ExportSeedTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedPath)))
    func seedRoundTripReproducesItsCells() throws {
        let grid = try seedGrid()
        #expect(grid.count == 9, "a header and eight steps")
        let loaded = check(charterFromSeed(grid), name: "seed.charte")
        let charter = try #require(loaded.charter, "\(loaded.diagnostics.map(\.message.text))")
        // The spec speaks of 28 filled cells; the seed file as shipped has 26 non-empty step cells.
        let filled = grid.dropFirst().reduce(0) { $0 + $1.dropFirst().filter { !$0.isEmpty }.count }
        #expect(StepRoleTable(charter: charter).filledCells == filled)

        let tsv = DelimitedExport.render(charter, dialect: .tsv, view: .tableau)
        let exported = tsv.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(exported.count == grid.count)
        for (expected, actual) in zip(grid, exported) {
            #expect(actual.count == expected.count)
            #expect(actual == expected.map { $0 })
        }

        let csv = parseCSV(DelimitedExport.render(charter, dialect: .csv, view: .tableau))
        #expect(csv == exported)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: exampleCharterPath)))
    func theExampleCharterExportsInEveryFormat() throws {
        let loaded = try CharterLoader.load(path: exampleCharterPath)
        let charter = try #require(loaded.charter)
        for format in ExportFormat.allCases {
            let text = CharterExporter.render(charter, file: loaded.file, format: format)
            #expect(!text.isEmpty && text.unicodeScalars.last == "\n", "\(format)")
        }
        let html = CharterExporter.render(charter, file: loaded.file, format: .html)
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("http"))
        let json = try #require(try parseJSON(CharterExporter.render(charter, file: loaded.file, format: .json)) as? [String: Any])
        #expect((json["taches"] as? [Any])?.count == charter.tasks.count)
        let rows = parseCSV(CharterExporter.render(charter, file: loaded.file, format: .csv))
        #expect(rows.count == charter.steps.count + 1)
        #expect(rows.first?.first == StepRoleTable.corner)
        let matrix = parseCSV(CharterExporter.render(charter, file: loaded.file, format: .csv, view: .raci))
        #expect(matrix.count == charter.tasks.count + 1)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: repositoryPath("rules"))))
    func everyBundledCharterExports() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: repositoryPath("rules")).filter { $0.hasSuffix(".charte") }.sorted()
        for name in names {
            let path = repositoryPath("rules/" + name)
            for format in ExportFormat.allCases {
                let result = runCLI(["exporter", path, "--format", format.rawValue])
                #expect(result.status == ExitCode.success, "\(name) \(format): \(result.err)")
                #expect(!result.out.isEmpty)
            }
        }
    }
}

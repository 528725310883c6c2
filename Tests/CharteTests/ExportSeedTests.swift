import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

@Suite("Exports of the seed and of the bundled charters")
struct ExportSeedTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ExportSupport.seedPath)))
    func seedRoundTripReproducesItsCells() throws {
        let grid = try ExportSupport.seedGrid()
        #expect(grid.count == 9, "a header and eight steps")
        let loaded = check(ExportSupport.charterFromSeed(grid), name: "seed.charte")
        let charter = try #require(loaded.checked?.model, "\(loaded.diagnostics.map(\.message.text))")
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

        let csv = ExportSupport.parseCSV(DelimitedExport.render(charter, dialect: .csv, view: .tableau))
        #expect(csv == exported)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ExportSupport.exampleCharterPath)))
    func theExampleCharterExportsInEveryFormat() throws {
        let loaded = try CharterLoader.load(path: ExportSupport.exampleCharterPath)
        let charter = try #require(loaded.checked?.model)
        for format in ExportFormat.allCases {
            let text = CharterExporter.render(charter, file: loaded.file, format: format)
            #expect(!text.isEmpty && text.unicodeScalars.last == "\n", "\(format)")
        }
        let html = CharterExporter.render(charter, file: loaded.file, format: .html)
        #expect(html.components(separatedBy: "<script").count == 3, "inline data and code only")
        #expect(!html.contains("src=") && !html.contains("http"))
        let json = try #require(try ExportSupport.parseJSON(CharterExporter.render(charter, file: loaded.file, format: .json)) as? [String: Any])
        #expect((json["taches"] as? [Any])?.count == charter.tasks.count)
        let rows = ExportSupport.parseCSV(CharterExporter.render(charter, file: loaded.file, format: .csv))
        #expect(rows.count == charter.steps.count + 1)
        #expect(rows.first?.first == StepRoleTable.corner)
        let matrix = ExportSupport.parseCSV(CharterExporter.render(charter, file: loaded.file, format: .csv, view: .raci))
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

import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

/// Fixtures and small readers shared by the export and machine-format tests, in one
/// namespace so they cannot collide with other suites' helpers.
enum ExportSupport {
    /// The faulty fixture, loaded under its repository-relative name so outputs are stable.
    static func machineFormatFixture() throws -> LoadedCharter {
        let relative = "Tests/CharteTests/Fixtures/export/erreurs.charte"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repositoryPath(relative))))
        return CharterLoader.check(bytes: bytes, name: relative)
    }

    /// Parses JSON text with Foundation, as another tool would.
    static func parseJSON(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// Checks, written by hand from the SARIF 2.1.0 specification (OASIS, sections 3.13 to 3.30)
    /// and GitHub's code-scanning upload rules, every required property of a log.
    /// Returns the problems found, each naming its JSON path.
    static func sarifProblems(_ log: Any) -> [String] {
        var problems: [String] = []
        func fail(_ path: String, _ message: String) { problems.append("\(path): \(message)") }
        func isAbsoluteURI(_ text: String) -> Bool {
            guard let colon = text.firstIndex(of: ":"), colon > text.startIndex else { return false }
            return text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && !text.contains(" ")
        }
        func isURIReference(_ text: String) -> Bool {
            !text.isEmpty && !text.contains(where: { $0 == " " || $0 == "\\" || $0.asciiValue == nil || $0 == "\n" })
        }
        let levels: Set<String> = ["none", "note", "warning", "error"]

        // 3.13 sarifLog: version (required, "2.1.0"), runs (required array), $schema (URI).
        guard let root = log as? [String: Any] else { return ["$: not an object"] }
        if root["version"] as? String != "2.1.0" { fail("$.version", "must be \"2.1.0\"") }
        if let schema = root["$schema"] { if !((schema as? String).map(isAbsoluteURI) ?? false) { fail("$.$schema", "not a URI") } }
        guard let runs = root["runs"] as? [[String: Any]] else { return problems + ["$.runs: required array of objects"] }
        for (r, run) in runs.enumerated() {
            let runPath = "$.runs[\(r)]"
            // 3.14 run: tool (required) → 3.18 tool: driver (required) → 3.19 toolComponent: name (required).
            guard let tool = run["tool"] as? [String: Any], let driver = tool["driver"] as? [String: Any] else {
                fail(runPath, "tool.driver is required")
                continue
            }
            if (driver["name"] as? String ?? "").isEmpty { fail("\(runPath).tool.driver.name", "required non-empty string") }
            if let version = driver["version"], !(version is String) { fail("\(runPath).tool.driver.version", "must be a string") }
            if let uri = driver["informationUri"], !((uri as? String).map(isAbsoluteURI) ?? false) {
                fail("\(runPath).tool.driver.informationUri", "must be an absolute URI")
            }
            if let kind = run["columnKind"] as? String, !["utf16CodeUnits", "unicodeCodePoints"].contains(kind) {
                fail("\(runPath).columnKind", "unknown value \(kind)")
            }
            // 3.49 reportingDescriptor: id (required), unique within the component; GitHub reads
            // shortDescription, fullDescription, help and defaultConfiguration.level.
            let rules = driver["rules"] as? [[String: Any]] ?? []
            var ids = Set<String>()
            for (i, rule) in rules.enumerated() {
                let path = "\(runPath).tool.driver.rules[\(i)]"
                guard let id = rule["id"] as? String, !id.isEmpty else {
                    fail(path, "id is required")
                    continue
                }
                if !ids.insert(id).inserted { fail(path, "duplicate id \(id)") }
                for key in ["shortDescription", "fullDescription", "help"] {
                    // 3.11 multiformatMessageString: text is required.
                    if ((rule[key] as? [String: Any])?["text"] as? String ?? "").isEmpty { fail("\(path).\(key).text", "required") }
                }
                let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
                if !levels.contains(level ?? "") { fail("\(path).defaultConfiguration.level", "must be one of \(levels.sorted())") }
            }
            // 3.27 result: message (required); ruleIndex must point at the rule with ruleId.
            guard let results = run["results"] as? [[String: Any]] else {
                fail(runPath, "results should be present (an array, even empty)")
                continue
            }
            for (k, result) in results.enumerated() {
                let path = "\(runPath).results[\(k)]"
                // 3.11 message: text or id required.
                let message = result["message"] as? [String: Any]
                if (message?["text"] as? String ?? "").isEmpty && message?["id"] == nil { fail("\(path).message", "text is required") }
                guard let ruleId = result["ruleId"] as? String else {
                    fail("\(path).ruleId", "GitHub needs a ruleId")
                    continue
                }
                if let index = result["ruleIndex"] as? Int {
                    if index < 0 || index >= rules.count || rules[index]["id"] as? String != ruleId {
                        fail("\(path).ruleIndex", "does not point at rule \(ruleId)")
                    }
                }
                if let level = result["level"] as? String, !levels.contains(level) { fail("\(path).level", "unknown \(level)") }
                // 3.28 location → 3.29 physicalLocation: artifactLocation or address → 3.30 region.
                guard let locations = result["locations"] as? [[String: Any]], !locations.isEmpty else {
                    fail("\(path).locations", "GitHub needs at least one location")
                    continue
                }
                let related = (result["relatedLocations"] as? [[String: Any]]) ?? []
                for (l, location) in (locations + related).enumerated() {
                    let locationPath = "\(path).locations[\(l)]"
                    guard let physical = location["physicalLocation"] as? [String: Any] else {
                        fail(locationPath, "physicalLocation expected")
                        continue
                    }
                    guard let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String, isURIReference(uri) else {
                        fail("\(locationPath).physicalLocation.artifactLocation.uri", "a URI reference is required")
                        continue
                    }
                    guard let region = physical["region"] as? [String: Any] else { continue }
                    let startLine = region["startLine"] as? Int ?? 0, startColumn = region["startColumn"] as? Int ?? 1
                    let endLine = region["endLine"] as? Int ?? startLine, endColumn = region["endColumn"] as? Int ?? Int.max
                    if startLine < 1 { fail("\(locationPath).region.startLine", "must be ≥ 1") }
                    if startColumn < 1 { fail("\(locationPath).region.startColumn", "must be ≥ 1") }
                    if endLine < startLine { fail("\(locationPath).region.endLine", "must be ≥ startLine") }
                    if endLine == startLine && endColumn < startColumn { fail("\(locationPath).region.endColumn", "must be ≥ startColumn") }
                    if let offset = region["byteOffset"] as? Int, offset < 0 { fail("\(locationPath).region.byteOffset", "must be ≥ 0") }
                    if let length = region["byteLength"] as? Int, length < 0 { fail("\(locationPath).region.byteLength", "must be ≥ 0") }
                }
            }
        }
        return problems
    }

    /// The export fixture, relative to the repository root.
    static let exportFixturePath = "Tests/CharteTests/Fixtures/export/college-essai.charte"

    /// The export fixture, checked under its relative name.
    static func exportFixture() throws -> (charter: Charter, file: SourceFile) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repositoryPath(ExportSupport.exportFixturePath))))
        let loaded = CharterLoader.check(bytes: bytes, name: ExportSupport.exportFixturePath)
        let charter = try #require(loaded.checked?.model, "the export fixture must check without errors")
        #expect(loaded.diagnostics.isEmpty, "the export fixture must check clean: \(loaded.diagnostics.map(\.message.text))")
        return (charter, loaded.file)
    }

    /// A charter whose every label tries to break out of its format.
    static let hostileCharter = """
    etablissement "<script>alert('x')</script> & \\"Cie\\""
    role a "=SOMME(A1:A9)"
    role b "+33 1 23 45 67 89"
    role c "-2+3"
    role d "@cmd|' /C calc'!A0"
    role e "</style><img src=x onerror=alert(1)>"
    action faire "Faire \\"ça\\" | vite\\nmaintenant"
    etape s "<b>Étape</b> \\"une\\"" {
      tache t "Tâche <i>1</i>, \\"citée\\"\\nsur deux lignes\\tet tabulée" {
        responsable a
        aide b
        consulte c
        informe d, e
        action faire
        note "<script>document.write(1)</script>"
      }
    }
    """

    /// The hostile charter, checked.
    static func hostile() throws -> Charter {
        let loaded = check(ExportSupport.hostileCharter)
        return try #require(loaded.checked?.model, "\(loaded.diagnostics.map(\.message.text))")
    }

    /// A small RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF rows.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if quoted {
                if character == "\"" {
                    if index < text.endIndex, text[index] == "\"" {
                        field.append("\"")
                        index = text.index(after: index)
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }

    /// The seed table, in the `shared/` folder that lies beside the repository.
    static let seedPath = repositoryRoot + "/../shared/seed/ressources-numeriques-organisation.tsv"

    /// The bundled example charter.
    static let exampleCharterPath = repositoryPath("rules/etablissement-exemple.charte")

    /// The seed's table: its header row (`LES ETAPES`, role labels) and the rows after it.
    static func seedGrid() throws -> [[String]] {
        let text = try String(contentsOfFile: ExportSupport.seedPath, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingSuffix { $0 == "\r" }) }
        let header = try #require(lines.firstIndex { $0.hasPrefix(StepRoleTable.corner + "\t") })
        return lines[header...].filter { !$0.isEmpty }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A charter made from the seed as an importer would: a role per column, a step per row,
    /// a task per filled cell, labelled with the cell's text, held by the column's role.
    static func charterFromSeed(_ grid: [[String]]) -> String {
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
}

private extension Substring {
    /// The substring without trailing characters that match.
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}

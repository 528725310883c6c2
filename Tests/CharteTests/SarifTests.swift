import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

/// Checks, written by hand from the SARIF 2.1.0 specification (OASIS, sections 3.13 to 3.30)
/// and GitHub's code-scanning upload rules, every required property of a log.
/// Returns the problems found, each naming its JSON path.
func sarifProblems(_ log: Any) -> [String] {
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

@Suite("charte verifier --format sarif")
struct SarifTests {
    let renderer = SarifRenderer(toolVersion: CLI.version, informationURI: DiagnosticPrinter.informationURI)

    @Test func golden() throws {
        let loaded = try machineFormatFixture()
        expectGolden(renderer.render([FileDiagnostics(loaded)]), "Tests/CharteTests/Fixtures/export/golden/erreurs.sarif")
    }

    @Test func requiredPropertiesOfOurOwnLog() throws {
        let loaded = try machineFormatFixture()
        let log = try parseJSON(renderer.render([FileDiagnostics(loaded)]))
        #expect(sarifProblems(log) == [])
    }

    @Test func theCheckerCatchesBrokenLogs() throws {
        let broken: [String: Any] = [
            "version": "2.0.0",
            "runs": [["tool": ["driver": ["name": "", "rules": [["id": "E1"], ["id": "E1"]]]],
                      "results": [["ruleId": "E1", "ruleIndex": 5, "message": [:],
                                   "locations": [["physicalLocation": ["artifactLocation": ["uri": "a b"]]]]]]]],
        ]
        let problems = sarifProblems(broken)
        #expect(problems.contains { $0.hasPrefix("$.version") })
        #expect(problems.contains { $0.contains("driver.name") })
        #expect(problems.contains { $0.contains("duplicate id") })
        #expect(problems.contains { $0.contains("ruleIndex") })
        #expect(problems.contains { $0.contains("message") })
        #expect(problems.contains { $0.contains("artifactLocation.uri") })
    }

    @Test func oneRulePerCodeAndResultsPointAtThem() throws {
        let loaded = try machineFormatFixture()
        let root = try #require(try parseJSON(renderer.render([FileDiagnostics(loaded)])) as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == DiagnosticCode.allCases.map(\.rawValue))
        #expect(driver["name"] as? String == "charte")
        #expect(driver["version"] as? String == CLI.version)
        let e100 = try #require(rules.first { $0["id"] as? String == "E100" })
        #expect(e100["name"] as? String == "UnknownActor")
        #expect((e100["shortDescription"] as? [String: Any])?["text"] as? String == "acteur inconnu")
        #expect((e100["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let w302 = try #require(rules.first { $0["id"] as? String == "W302" })
        #expect((w302["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == loaded.diagnostics.count)
        let unknown = try #require(results.first { $0["ruleId"] as? String == "E100" })
        let physical = try #require(((unknown["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "Tests/CharteTests/Fixtures/export/erreurs.charte")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 10)
        #expect(region["startColumn"] as? Int == 17)
        #expect(region["endLine"] as? Int == 10)
        #expect(region["endColumn"] as? Int == 30)
        #expect((unknown["message"] as? [String: Any])?["text"] as? String
                == "acteur inconnu « documentalist » (vouliez-vous dire « documentaliste » ? (déclaré ligne 3))")
    }

    @Test func everyCodeHasItsDescriptions() {
        for code in DiagnosticCode.allCases {
            #expect(!code.identifier.isEmpty && code.identifier.first?.isUppercase == true)
            #expect(code.fullDescription.hasSuffix("."))
            #expect(code.remedy.hasSuffix("."))
        }
        #expect(Set(DiagnosticCode.allCases.map(\.identifier)).count == DiagnosticCode.allCases.count)
    }

    @Test(arguments: [
        ("rules/college.charte", "rules/college.charte"),
        ("./rules/college.charte", "rules/college.charte"),
        ("règles/mon collège.charte", "r%C3%A8gles/mon%20coll%C3%A8ge.charte"),
        ("/srv/chartes/a#b.charte", "file:///srv/chartes/a%23b.charte"),
    ])
    func artifactURIs(path: String, uri: String) {
        #expect(SarifRenderer.uri(forPath: path) == uri)
    }

    @Test func sarifOnStdoutThroughTheCLI() throws {
        let result = runCLI(["verifier", "--format", "sarif", repositoryPath("Tests/CharteTests/Fixtures/export/erreurs.charte")])
        #expect(result.status == ExitCode.problems)
        #expect(result.err.isEmpty)
        #expect(sarifProblems(try parseJSON(result.out)) == [])
        let clean = runCLI(["verifier", "--format", "sarif", repositoryPath("Tests/CharteTests/Fixtures/export/college-essai.charte")])
        #expect(clean.status == ExitCode.success)
        #expect(sarifProblems(try parseJSON(clean.out)) == [])
    }
}

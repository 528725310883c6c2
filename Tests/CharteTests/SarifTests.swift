import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

@Suite("charte verifier --format sarif")
struct SarifTests {
    let renderer = SarifRenderer(toolVersion: CLI.version)

    @Test func golden() throws {
        let loaded = try ExportSupport.machineFormatFixture()
        expectGolden(renderer.render([FileDiagnostics(loaded)]), "Tests/CharteTests/Fixtures/export/golden/erreurs.sarif")
    }

    @Test func requiredPropertiesOfOurOwnLog() throws {
        let loaded = try ExportSupport.machineFormatFixture()
        let log = try ExportSupport.parseJSON(renderer.render([FileDiagnostics(loaded)]))
        #expect(ExportSupport.sarifProblems(log) == [])
    }

    @Test func theCheckerCatchesBrokenLogs() throws {
        let broken: [String: Any] = [
            "version": "2.0.0",
            "runs": [["tool": ["driver": ["name": "", "rules": [["id": "E1"], ["id": "E1"]]]],
                      "results": [["ruleId": "E1", "ruleIndex": 5, "message": [:],
                                   "locations": [["physicalLocation": ["artifactLocation": ["uri": "a b"]]]]]]]],
        ]
        let problems = ExportSupport.sarifProblems(broken)
        #expect(problems.contains { $0.hasPrefix("$.version") })
        #expect(problems.contains { $0.contains("driver.name") })
        #expect(problems.contains { $0.contains("duplicate id") })
        #expect(problems.contains { $0.contains("ruleIndex") })
        #expect(problems.contains { $0.contains("message") })
        #expect(problems.contains { $0.contains("artifactLocation.uri") })
    }

    @Test func oneRulePerCodeAndResultsPointAtThem() throws {
        let loaded = try ExportSupport.machineFormatFixture()
        let root = try #require(try ExportSupport.parseJSON(renderer.render([FileDiagnostics(loaded)])) as? [String: Any])
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

    @Test func everyCodeHasARuleNameAndDescriptions() throws {
        for code in DiagnosticCode.allCases {
            #expect(!code.identifier.isEmpty && code.identifier.first?.isUppercase == true)
            #expect(code.identifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            let rule = try #require(try ExportSupport.parseJSON(SarifRenderer.rule(code).rendered()) as? [String: Any])
            let full = try #require((rule["fullDescription"] as? [String: Any])?["text"] as? String)
            #expect(!full.isEmpty && !full.contains("\n"))
            let help = try #require(rule["help"] as? [String: Any])
            #expect((help["markdown"] as? String)?.contains("charte expliquer \(code.rawValue)") == true)
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
        #expect(ExportSupport.sarifProblems(try ExportSupport.parseJSON(result.out)) == [])
        let clean = runCLI(["verifier", "--format", "sarif", repositoryPath("Tests/CharteTests/Fixtures/export/college-essai.charte")])
        #expect(clean.status == ExitCode.success)
        #expect(ExportSupport.sarifProblems(try ExportSupport.parseJSON(clean.out)) == [])
    }
}

import Testing
import Foundation
@testable import Charte
import CharteCLI

/// `charte diff`: golden reports, the diff of a charter with itself, and the permission
/// part against brute-force decisions.
@Suite struct DiffTests {
    static let bundled = ["rules/etablissement-exemple.charte", "rules/college-petit.charte", "rules/lycee-region.charte"]
    /// The example charter as of 2026-2027 (a frozen copy, so edits of the bundled one do not move the goldens) and its revision.
    static let base = "Tests/Fixtures/Diff/etablissement-2026-2027.charte"
    static let revision = "Tests/Fixtures/Diff/etablissement-2027-2028.charte"

    static func load(_ relative: String) throws -> CheckedCharter {
        try CharterLoader.load(path: repositoryPath(relative)).requireChecked()
    }

    static func diff(_ old: CheckedCharter, _ new: CheckedCharter) -> CharterDiff {
        CharterDiff(old: old, new: new)
    }

    @Test("every kind of change on a small charter, with its journal", arguments: ["texte", "json", "markdown"])
    func small(format: String) {
        let folder = "Tests/Fixtures/Diff/petit/"
        let result = runCLI(["diff", repositoryPath(folder + "avant.charte"), repositoryPath(folder + "apres.charte"),
                             "--journal", repositoryPath(folder + "journal.csv"), "--date", "2026-11-20", "--format", format])
        #expect(result.status == 0)
        #expect(result.err == "")
        let extensions = ["texte": "txt", "json": "json", "markdown": "md", "html": "html"]
        expectGolden(result.out.replacing(repositoryRoot + "/", with: ""), "Tests/Golden/Diff/petit.\(extensions[format] ?? format)")
    }

    @Test("the 2027-2028 revision of the example charter", arguments: ["texte", "json", "markdown", "html"])
    func revision(format: String) {
        let result = runCLI(["diff", repositoryPath(DiffTests.base), repositoryPath(DiffTests.revision), "--format", format])
        #expect(result.status == 0)
        #expect(result.err == "")
        let extensions = ["texte": "txt", "json": "json", "markdown": "md", "html": "html"]
        expectGolden(result.out.replacing(repositoryRoot + "/", with: ""), "Tests/Golden/Diff/etablissement-2027-2028.\(extensions[format] ?? format)")
    }

    @Test("--refuser-gains fails when an actor gains a permission, not when it only loses one")
    func refuseGains() {
        let old = repositoryPath(DiffTests.base), new = repositoryPath(DiffTests.revision)
        #expect(runCLI(["diff", old, new, "--refuser-gains"]).status == 1)
        #expect(runCLI(["diff", new, old, "--refuser-gains"]).status == 1)
        #expect(runCLI(["diff", old, old, "--refuser-gains"]).status == 0)
    }

    @Test("a charter compared with itself has no change", arguments: [String](["rules/etablissement-exemple.charte", "rules/college-petit.charte", "rules/lycee-region.charte", "Tests/Fixtures/Diff/etablissement-2026-2027.charte", "Tests/Fixtures/Diff/etablissement-2027-2028.charte"]))
    func itself(path: String) throws {
        let loaded = try DiffTests.load(path)
        let diff = DiffTests.diff(loaded, loaded)
        #expect(diff.isEmpty)
        #expect(DiffWords.summary(diff) == "aucun changement")
        let result = runCLI(["diff", repositoryPath(path), repositoryPath(path)])
        #expect(result.out == "aucun changement\n")
        #expect(result.status == 0)
    }

    @Test("the bundled example against the revision: a report, exit 0")
    func bundledAgainstRevision() {
        let result = runCLI(["diff", repositoryPath("rules/etablissement-exemple.charte"), repositoryPath(DiffTests.revision)])
        #expect(result.status == 0)
        // Six since the bundled example signs its purchase orders before they are engaged (issue 13).
        #expect(result.out.hasPrefix("6 rôles concernés : "))
    }

    @Test("the HTML page is self-contained: no script, no external resource")
    func htmlSelfContained() {
        let result = runCLI(["diff", repositoryPath(DiffTests.base), repositoryPath(DiffTests.revision), "--format", "html"])
        for forbidden in ["<script", "src=", "href=", "@import", "url("] { #expect(!result.out.contains(forbidden)) }
        #expect(result.out.hasPrefix("<!DOCTYPE html>"))
    }

    @Test("usage errors: unknown format, --date without --journal, unreadable journal")
    func usage() {
        let base = repositoryPath(DiffTests.base)
        #expect(runCLI(["diff", base, base, "--format", "pdf"]).status == 2)
        #expect(runCLI(["diff", base, base, "--date", "2027-01-01"]).status == 2)
        #expect(runCLI(["diff", base, base, "--journal", "/nonexistent.csv"]).status == 2)
    }

    @Test("a charter with errors: its diagnostics, exit 1, no comparison")
    func brokenCharter() {
        let broken = repositoryPath("rules/exemples-erreurs/E001-caractere-inattendu.charte")
        let good = repositoryPath("rules/etablissement-exemple.charte")
        for arguments in [[broken, good], [good, broken]] {
            let result = runCLI(["diff"] + arguments)
            #expect(result.status == 1)
            #expect(result.out == "")
            #expect(result.err.contains("elle doit être corrigée avant usage"))
        }
        #expect(runCLI(["diff", good]).status == 2)
        #expect(runCLI(["diff", good, "/nonexistent.charte"]).status == 2)
    }
}

import Testing
import Foundation
@testable import Charte

/// Every limit of `Limits` is a clear diagnostic, never a crash or a hang.
@Suite struct LimitsTests {
    // MARK: - Queries

    @Test func aQueryUpToTheLimitIsRead() {
        var sources = SourceMap()
        let text = "qui \"" + String(repeating: "x", count: Limits.standard.queryLength - 6) + "\""
        #expect(text.utf8.count == Limits.standard.queryLength)
        let parsed = QueryParser.parse(text, into: &sources)
        #expect(parsed.query != nil)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func aLongerQueryIsRefusedUnread() {
        var sources = SourceMap()
        let text = "qui \"" + String(repeating: "x", count: 10_000) + "\""
        let parsed = QueryParser.parse(text, into: &sources)
        #expect(parsed.query == nil)
        #expect(parsed.diagnostics.map(\.message) == [.queryTooLong(length: 10_006, limit: 4096)])
        #expect(parsed.diagnostics.first?.span.start == 4096)
        let result = runCLI(["requete", "--format", "json", "Tests/CharteTests/Fixtures/public/valid/mini.charte", text])
        #expect(result.status != 0)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("requête trop longue (10006 octets, limite 4096)"))
    }

    @Test func theQueryLimitCanBeChanged() {
        var limits = Limits()
        limits.queryLength = 8
        var sources = SourceMap()
        #expect(QueryParser.parse("qui x y z", into: &sources, limits: limits).diagnostics.map(\.code) == [.E013])
    }

    // MARK: - Journals

    private static let header = "date,acteur,action,tache,categorie,abonnement,discipline\n"
    private static let permitted = "2026-09-02,gestionnaire,attribuer_licence,,manuel,vrai,\n"

    @Test func aFieldOverTheLimitSkipsItsRowOnly() {
        let long = String(repeating: "é", count: 600_000)  // 1.2 Mo in UTF-8
        let report = checkJournal(Self.header + "2026-09-02,gestionnaire,attribuer_licence,,manuel,vrai,\(long)\n" + Self.permitted)
        #expect(report.issueCodes.contains("2:champ_trop_long"))
        #expect(report.counts.rows == 2)
        #expect(report.counts.skipped == 1)
    }

    @Test func aRowWithTooManyFieldsSkipsItsRowOnly() {
        let wide = "2026-09-02,gestionnaire,attribuer_licence" + String(repeating: ",", count: 1_200) + "\n"
        let report = checkJournal(Self.header + wide + Self.permitted)
        #expect(report.issueCodes.contains("2:trop_de_champs"))
        #expect(report.counts.skipped == 1)
    }

    @Test func aRowOverTheSizeLimitSkipsItsRowOnly() {
        let field = String(repeating: "x", count: 1_000_000)
        let huge = "2026-09-02,gestionnaire,attribuer_licence," + Array(repeating: field, count: 5).joined(separator: ",") + "\n"
        let report = checkJournal(Self.header + huge + Self.permitted)
        #expect(report.issueCodes.contains("2:ligne_trop_longue"))
        #expect(report.counts.skipped == 1)
        let issue = CSVIssue(line: 2, kind: .recordTooLong(limit: Limits.standard.csvRecord))
        #expect(issue.message == "ligne trop longue (plus de 4194304 octets) : ligne ignorée")
    }

    @Test func anUnclosedQuoteAtTheEndIsReported() {
        let report = checkJournal(Self.header + Self.permitted + "2026-09-03,gestionnaire,\"attribuer_licence\n" + String(repeating: "x,", count: 1000))
        // The open quote meets a separator on the next line: a stray quote, reported, and reading goes on there.
        #expect(report.issueCodes.contains("3:guillemet_deborde"))
        #expect(report.hasProblems)
    }

    // MARK: - Diagnostics printed

    @Test func theVerifierPrintsAtMostTwoHundredDiagnostics() {
        let path = temporaryFile("bruit.charte", Array(String(repeating: "$\n", count: 5000).utf8))
        let result = runCLI(["verifier", "--format", "gcc", path])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == Limits.standard.printedDiagnostics + 1)
        #expect(lines.last == "… et 4801 autres diagnostics")  // 5000 E001 and the E013 that counts them
        let human = runCLI(["verifier", path])
        #expect(human.err.hasSuffix("… et 4801 autres diagnostics\n5001 erreurs, 0 avertissement\n"))
    }
}

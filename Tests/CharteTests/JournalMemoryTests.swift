import Testing
@testable import Charte

/// Issue 12, item 7: journal memory stays flat in the number of rows. Flagged rows are kept as
/// fixed records in a temporary file, reports are written piece by piece.
@Suite struct JournalMemoryTests {
    /// A journal of `rows` refused rows (the documentaliste may not attribute manuals' licences).
    static func refusingJournal(rows: Int) -> String {
        var csv = "date,acteur,action,tache,categorie\n"
        for index in 0..<rows {
            let actor = index % 3 == 0 ? "Mme Martin" : "documentaliste"
            csv += "2026-09-\(10 + index % 10),\(actor),attribuer_licence,\(index % 7 == 0 ? "licences_manuels" : ""),manuel\n"
        }
        return csv
    }

    @Test func flaggedRowsComeBackInOrderFromTheirFile() throws {
        let rows = 20_000
        let report = checkJournal(JournalMemoryTests.refusingJournal(rows: rows))
        #expect(report.counts.refused == rows)
        #expect(report.rows.count == rows && report.rows.refusedCount == rows)
        // 24 bytes a row: most of them are in the file, at most 64 KiB in memory.
        #expect(report.rows.pendingBytes <= FlaggedRows.chunk)
        #expect(report.rows.isSpilled)
        var lines: [Int] = []
        var actors = Set<String>(), tasks = Set<String?>()
        report.forEachFlagged(.refused) { row in
            lines.append(row.line)
            actors.insert(row.actor)
            tasks.insert(row.task)
        }
        #expect(lines == Array(2...(rows + 1)))
        #expect(actors == ["Mme Martin", "documentaliste"])
        #expect(tasks == [nil, "licences_manuels"])
        let first = try #require(report.refused.first)
        #expect(first.actor == "Mme Martin" && first.task == "licences_manuels" && first.date == day("2026-09-10"))
        #expect(first.rules.map(\.id) == ["interdit documentaliste attribuer_licence"])
    }

    @Test func reportsAreWrittenInChunksAndReadTheSameWhole() {
        let report = checkJournal(JournalMemoryTests.refusingJournal(rows: 5_000))
        let text = JournalTextRenderer(charter: journalFixture.model, charterName: "c", journalName: "j")
        let json = JournalJSONRenderer(charter: journalFixture.model, charterName: "c", journalName: "j")
        for render in [{ text.render(report, to: $0) }, { json.render(report, to: $0) }] as [((String) -> Void) -> Void] {
            var chunks: [String] = []
            render { chunks.append($0) }
            #expect(chunks.count > 10)
            // A chunk is written once it reaches 64 KiB: never much more than that is held.
            #expect(chunks.allSatisfy { $0.utf8.count < ChunkedText.chunkSize + 4096 })
        }
        var whole = ""
        text.render(report) { whole += $0 }
        #expect(whole == text.render(report))
        var wholeJSON = ""
        json.render(report) { wholeJSON += $0 }
        #expect(wholeJSON == json.render(report))
        #expect(wholeJSON == json.json(report).rendered(pretty: true) + "\n")
    }

    @Test func equalVerdictsAreStoredOnce() {
        let report = checkJournal(JournalMemoryTests.refusingJournal(rows: 3_000))
        #expect(report.rows.distinctVerdicts == 1)
        #expect(report.rows.distinctActors == 2)
    }
}

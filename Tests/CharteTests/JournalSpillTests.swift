import Testing
@testable import Charte

/// Issue 12, item 7: what a journal has one of per row (events, tasks done, task instances,
/// findings) is kept on disk, so memory stays flat; read back, it is what was written.
@Suite struct JournalSpillTests {
    struct Pair: SpillRecord, Equatable {
        var key: Int, value: Int
        static var size: Int { 16 }
        init(key: Int, value: Int) { self.key = key; self.value = value }
        func store(into bytes: inout [UInt8]) { Self.put(Int64(key), into: &bytes); Self.put(Int64(value), into: &bytes) }
        init(loading raw: UnsafeRawBufferPointer, at offset: Int) {
            key = Int(raw.loadUnaligned(fromByteOffset: offset, as: Int64.self))
            value = Int(raw.loadUnaligned(fromByteOffset: offset + 8, as: Int64.self))
        }
    }

    @Test(arguments: [0, 1, 4_000, 200_000])
    func recordsAreSortedOnDiskAsInMemory(count: Int) {
        var random = count &* 2_654_435_761 &+ 7
        let records = SpilledRecords<Pair>()
        var reference: [Pair] = []
        for index in 0..<count {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pair = Pair(key: Int((UInt64(bitPattern: Int64(random)) >> 33) % 1000), value: index)
            records.append(pair)
            reference.append(pair)
        }
        // 200 000 records are 3.2 MB: several sorted runs of 1 MiB, merged, most of them in the file.
        #expect(records.pendingBytes <= SpilledRecords<Pair>.chunk)
        #expect(records.isSpilled == (count * 16 >= SpilledRecords<Pair>.chunk))
        #expect(records.all == reference)
        let sorted = records.sorted { ($0.key, $0.value) < ($1.key, $1.value) }
        #expect(sorted.count == count)
        #expect(sorted.all == reference.sorted { ($0.key, $0.value) < ($1.key, $1.value) })
    }

    /// A journal repeating the same event and the same completion: instances are found on disk,
    /// not held, and each completion closes the oldest open instance.
    @Test func repeatedEventsKeepNothingInMemory() throws {
        let rows = 6_000
        var csv = "date;acteur;action;tache;mouvement\n"
        for index in 0..<rows {
            csv += index % 2 == 0 ? "2026-09-10;;mouvement_eleve;;depart\n" : "2026-09-11;direction;signaler_mouvement;signalement;depart\n"
        }
        let report = checkJournal(csv, at: "2026-09-20")
        #expect(report.counts.events == rows / 2 && report.counts.completions == rows / 2)
        let triggered = journalFixture.model.tasks.indices.filter {
            journalFixture.model.tasks[$0].trigger == journalFixture.model.events.firstIndex { $0.id == "mouvement_eleve" } && journalFixture.model.tasks[$0].delay != nil
        }
        let fixed = journalFixture.model.tasks.filter { $0.trigger == nil && $0.deadline != nil }.count
        #expect(report.deadlines.count == rows / 2 * triggered.count + fixed)
        #expect(report.deadlines.isSpilled)
        let signalement = report.instances.filter { journalFixture.model.tasks[$0.task].id == "signalement" }
        #expect(signalement.count == rows / 2)
        // Completion k (line 2k + 1) closes occurrence k, opened by the event on line 2k.
        #expect(signalement.allSatisfy { $0.doneLine == ($0.eventLine ?? 0) + 1 && $0.eventLine == 2 * $0.occurrence })
        let counted = DeadlineStatus.allCases.map { report.deadlines.count($0) }.reduce(0, +)
        #expect(counted == report.deadlines.count)
    }

    @Test func findingsComeBackAsWritten() {
        let date = day("2026-09-10")
        let items = (0..<5_000).map { index in
            JournalIncompatibility(line: index + 2, date: date, actor: index % 2 == 0 ? "M. Ref" : "ref",
                                   kind: index % 3 == 0 ? .roles(first: "a", second: "b")
                                       : .actions(first: "x", second: "y", firstLine: index, object: index % 5 == 0 ? nil : "o(n: \(index))"),
                                   declarationLine: index % 7 == 0 ? nil : 12, note: index % 2 == 0 ? "séparation" : nil)
        }
        let list = SpilledList(items)
        #expect(list.count == items.count && list.isSpilled)
        #expect(list.all == items)
        let approvals = [ApprovalFinding(line: 3, date: date, action: "engager", keyName: "numero", keyValue: nil, prior: "signer",
                                         actors: ["proviseur", "adjoint"], problem: .unverifiable(missing: ["montant"])),
                         ApprovalFinding(line: 4, date: date, action: "engager", keyName: "numero", keyValue: "\"7\"", prior: "signer",
                                         actors: [], problem: .later(line: 9, date: date)),
                         ApprovalFinding(line: 5, date: date, action: "engager", keyName: "numero", keyValue: "8", prior: "signer",
                                         actors: ["proviseur"], problem: .missing)]
        #expect(SpilledList(approvals).all == approvals)
    }
}

import Charte

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `journal`: a generated CSV journal checked against the example charter, streamed through
/// `JournalChecker` as `charte journal` does; rows per second, MB/s and peak memory, and the
/// counts of refused and undecided rows checked against the naive evaluator.
struct JournalSuite {
    let report: Report
    let quick: Bool

    /// The date of the check: the end of the school year, after every generated row.
    static let checkDate: CalendarDate = {
        guard let date = CalendarDate(year: 2027, month: 7, day: 3) else { preconditionFailure("2027-07-03 is a date") }
        return date
    }()

    /// What the generated journal should give.
    struct Expected {
        var rows = 0, actions = 0, events = 0, completions = 0
        var refused = 0, undecided = 0
    }

    /// The charter the journal is checked against: the bundled example, or a generated one like it.
    static func charter() -> (bytes: [UInt8], name: String)? {
        if let bytes = FileAccess.read("rules/etablissement-exemple.charte") {
            return (bytes, "rules/etablissement-exemple.charte")
        }
        return (CharterGenerator.rulesCharter(rules: 8, tasks: 30, actions: 17), "exemple (générée)")
    }

    func run() {
        guard let (charterBytes, charterName) = JournalSuite.charter() else { return }
        let loaded = CharterLoader.check(bytes: charterBytes, name: charterName)
        guard let checked = loaded.checked else {
            report.check(false, "journal : la charte \(charterName) a des erreurs")
            return
        }
        let charter = checked.model
        let rowCount = quick ? 20_000 : 1_000_000
        report.progress("journal : \(rowCount) lignes…")
        let (bytes, expected) = JournalGenerator.journal(rows: rowCount, charter: charter, seed: 0x10C_A1)
        let megabytes = Double(bytes.count) / 1e6
        let checker = JournalChecker(charter: checked, date: JournalSuite.checkDate)

        // The answer first.
        let result = checker.check(bytes: bytes)
        let refused = result.flagged.filter { $0.outcome == .refused }.count
        let undecided = result.flagged.filter { $0.outcome == .undetermined }.count
        report.check(result.counts.rows == expected.rows, "journal : \(result.counts.rows) lignes lues au lieu de \(expected.rows)")
        report.check(result.counts.actions == expected.actions, "journal : \(result.counts.actions) actions au lieu de \(expected.actions)")
        report.check(result.counts.events == expected.events, "journal : \(result.counts.events) événements au lieu de \(expected.events)")
        report.check(result.counts.completions == expected.completions,
                     "journal : \(result.counts.completions) tâches faites au lieu de \(expected.completions)")
        report.check(refused == expected.refused && undecided == expected.undecided,
                     "journal : \(refused) refus et \(undecided) indéterminés au lieu de \(expected.refused) et \(expected.undecided)")
        report.check(result.issues.isEmpty, "journal : \(result.issues.count) lignes en défaut")
        report.note("journal \(Report.grouped(rowCount)) lignes (\(Report.number(megabytes)) Mo) sur \(charterName) : "
                    + "\(Report.grouped(expected.actions)) actions dont \(Report.grouped(refused)) refusées et "
                    + "\(Report.grouped(undecided)) indéterminées, \(Report.grouped(result.instances.count)) échéances suivies.")

        let repetitions = quick ? 2 : 3
        var rows = 0
        let timed = Spread(Clock.repeated(repetitions) { rows = checker.check(bytes: bytes).counts.rows })
        report.check(rows == expected.rows, "journal : lecture instable")
        var lines = 0
        let floor = Spread(Clock.repeated(repetitions * 3) { lines = VerifierSuite.countNewlines(bytes) })
        report.check(lines >= rowCount, "journal : plancher incohérent")
        let rate = timed.inverted(times: megabytes), floorRate = floor.inverted(times: megabytes)
        let label = "\(rowCount) lignes"
        report.add("journal", label, timed.inverted(times: Double(rowCount)), "lignes/s", floor: rate.median / floorRate.median)
        report.add("journal", label, rate, "Mo/s", floor: rate.median / floorRate.median)
        report.add("plancher (lignes)", label, floorRate, "Mo/s")
        measureMemory(charter: charter)
    }

    /// Peak memory of `charte journal` at two sizes (1 M and 2 M rows; 20 000 and 40 000 with
    /// `--rapide`), text and JSON: each in a fresh child that streams the journal file and writes
    /// the whole report, its peak resident size (`VmHWM`, runtime included) read at the end.
    /// The report is flat when the larger journal needs at most 10 % more.
    func measureMemory(charter: Charter) {
        let sizes = quick ? [20_000, 40_000] : [1_000_000, 2_000_000]
        let folder = Processes.scratchFolder()
        var peaks: [String: [Double]] = [:]
        for rows in sizes {
            let path = folder + "/journal-\(rows).csv"
            let (bytes, _) = JournalGenerator.journal(rows: rows, charter: charter, seed: 0x10C_A1)
            guard JournalSuite.write(bytes, to: path) else {
                report.check(false, "journal : impossible d'écrire \(path)")
                return
            }
            defer { unlink(path) }
            for format in ["texte", "json"] {
                report.progress("journal : mémoire, \(Report.grouped(rows)) lignes, \(format)…")
                guard let peak = Processes.numberFromChild(["--interne-memoire-journal", path, format]), peak > 0 else {
                    report.check(false, "journal : mesure de mémoire impossible (\(rows) lignes, \(format))")
                    continue
                }
                report.addPeakMemory("journal \(format)", "\(rows) lignes", bytes: peak, fileSize: bytes.count)
                peaks[format, default: []].append(peak)
            }
        }
        for (format, values) in peaks.sorted(by: { $0.key < $1.key }) where values.count == 2 {
            let growth = values[1] / values[0]
            report.note("journal \(format) : pic de mémoire \(Report.number(values[0] / 1e6)) Mo à \(Report.grouped(sizes[0])) lignes, "
                        + "\(Report.number(values[1] / 1e6)) Mo à \(Report.grouped(sizes[1])) lignes (× \(Report.number(growth))).")
            // Flat: every per-row record is on disk. `--rapide`'s sizes are too small to tell
            // (the runtime dominates), so there the ratio is reported, not failed.
            if !quick {
                report.check(growth <= 1.10, "journal \(format) : la mémoire croît avec le journal (× \(Report.number(growth)) "
                             + "de \(Report.grouped(sizes[0])) à \(Report.grouped(sizes[1])) lignes, au plus × 1.10)")
            }
            report.add("journal \(format).memoire 2x/1x", "\(sizes[1]) / \(sizes[0]) lignes",
                       Spread(median: growth, min: growth, max: growth), "x")
        }
    }

    /// Writes bytes to a new file; false on any error.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }

    /// Checks the generated journal `repetitions` times and measures nothing (`--profiler journal`).
    static func profile(rows: Int, repetitions: Int) {
        guard let (charterBytes, name) = charter(), let checked = CharterLoader.check(bytes: charterBytes, name: name).checked else { return }
        let (bytes, _) = JournalGenerator.journal(rows: rows, charter: checked.model, seed: 0x10C_A1)
        let checker = JournalChecker(charter: checked, date: checkDate)
        var total = 0
        for _ in 0..<repetitions { total += checker.check(bytes: bytes).counts.rows }
        output("\(total)\n")
    }

    /// The child side: the peak resident size of this process after checking a journal file as
    /// `charte journal` does (streamed) and rendering the whole report to a discarding sink.
    static func measurePeakMemory(journal path: String, format: String) -> String {
        guard let (charterBytes, name) = charter(), let checked = CharterLoader.check(bytes: charterBytes, name: name).checked,
              let result = try? JournalChecker(charter: checked, date: checkDate).check(path: path) else { return "" }
        var written = 0
        if format == "json" {
            JournalJSONRenderer(charter: checked.model, charterName: name, journalName: path).render(result) { written += $0.utf8.count }
        } else {
            JournalTextRenderer(charter: checked.model, charterName: name, journalName: path).render(result) { written += $0.utf8.count }
        }
        guard written > 0, let peak = Memory.status("VmHWM") else { return "" }
        return String(peak)
    }
}

/// Writes journals as a spreadsheet exports them: `date,acteur,action,tache` and one column
/// per attribute name; ISO and French dates, every boolean spelling, quoted texts with commas.
enum JournalGenerator {
    static func journal(rows: Int, charter: Charter, seed: UInt64) -> (bytes: [UInt8], expected: JournalSuite.Expected) {
        var random = SplitMix64(seed: seed)
        var expected = JournalSuite.Expected()
        var attributeNames: [String] = []
        for type in charter.objectTypes {
            for attribute in type.attributes where !attributeNames.contains(attribute.name) { attributeNames.append(attribute.name) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(rows * 64)
        func write(_ text: String) { out.append(contentsOf: text.utf8) }
        write((["date", "acteur", "action", "tache"] + attributeNames).joined(separator: ",") + "\n")
        let people = charter.persons.keys.sorted()
        // Who may do each action through a task: a real journal mostly records permitted actions.
        var holders = [[Int]](repeating: [], count: charter.actions.count)
        for task in charter.tasks {
            for performed in task.actions { holders[performed.action] += task.responsables + task.aides }
        }
        let firstDay = CalendarDate(year: 2026, month: 9, day: 1)?.dayNumber ?? 0
        let texts = ["mathematiques", "histoire", "\"histoire, geographie\"", "anglais"]
        for _ in 0..<rows {
            expected.rows += 1
            var cells = [String](repeating: "", count: 4 + attributeNames.count)
            let day = CalendarDate(dayNumber: firstDay + random.below(300)) ?? JournalSuite.checkDate
            cells[0] = random.chance(70) ? day.description
                : "\(day.day < 10 ? "0" : "")\(day.day)/\(day.month < 10 ? "0" : "")\(day.month)/\(day.year)"
            let kind = random.below(100)
            if kind < 2, !charter.events.isEmpty {
                // An event: no actor, the event's id, its object's attributes.
                let event = random.below(charter.events.count)
                cells[2] = charter.events[event].id
                fillAttributes(&cells, type: charter.events[event].objectType, charter: charter, names: attributeNames,
                               random: &random, texts: texts)
                expected.events += 1
            } else if kind < 5, !charter.tasks.isEmpty {
                // A task marked done.
                cells[1] = charter.actors[random.below(charter.actors.count)].id
                cells[3] = charter.tasks[random.below(charter.tasks.count)].id
                expected.completions += 1
            } else {
                // An action by an actor (or a person with several roles).
                let action = random.below(charter.actions.count)
                let actorText: String
                if !holders[action].isEmpty, random.chance(75) {
                    actorText = charter.actors[random.pick(holders[action])].id
                } else if !people.isEmpty, random.chance(10) {
                    actorText = random.pick(people)
                } else {
                    actorText = charter.actors[random.below(charter.actors.count)].id
                }
                cells[1] = actorText
                cells[2] = charter.actions[action].id
                let object = fillAttributes(&cells, type: charter.actions[action].objectType, charter: charter, names: attributeNames,
                                            random: &random, texts: texts)
                let actors = charter.actors(for: actorText) ?? []
                switch ReferenceEvaluator.outcome(Request(actors: actors, action: action, object: object), in: charter, on: day) {
                case .refused: expected.refused += 1
                case .undetermined: expected.undecided += 1
                case .allowed: break
                }
                expected.actions += 1
            }
            write(cells.joined(separator: ",") + "\n")
        }
        return (out, expected)
    }

    /// Writes an object's attributes into their columns (each known 80 % of the time) and returns the object.
    @discardableResult
    static func fillAttributes(_ cells: inout [String], type: Int?, charter: Charter, names: [String],
                               random: inout SplitMix64, texts: [String]) -> ObjectValue {
        guard let type else { return ObjectValue(type: nil, values: []) }
        let attributes = charter.objectTypes[type].attributes
        var object = ObjectValue.unknown(type: type, attributeCount: attributes.count)
        for (index, attribute) in attributes.enumerated() where random.chance(80) {
            guard let column = names.firstIndex(of: attribute.name).map({ $0 + 4 }) else { continue }
            switch attribute.type {
            case .enumeration(let values):
                guard !values.isEmpty else { continue }
                let choice = random.below(values.count)
                cells[column] = values[choice]
                object.values[index] = .enumeration(choice)
            case .boolean:
                let truth = random.chance(50)
                cells[column] = random.pick(truth ? ["vrai", "oui", "1", "Oui"] : ["faux", "non", "0", "NON"])
                object.values[index] = .boolean(truth)
            case .text:
                let text = random.pick(texts)
                cells[column] = text
                object.values[index] = .text(text.hasPrefix("\"") ? String(text.dropFirst().dropLast()) : text)
            case .number:
                let number = random.below(3000)
                cells[column] = String(number)
                object.values[index] = .number(Int64(number))
            case .date:
                let date = CalendarDate(dayNumber: 20_600 + random.below(365)) ?? JournalSuite.checkDate
                cells[column] = date.description
                object.values[index] = .date(date)
            case .euros:
                let cents = Int64(random.below(600_000))
                // `4 000,28 €` holds the separator: quoted, as a spreadsheet writes it.
                let text = FrenchNumber.euros(cents)
                cells[column] = text.contains(",") ? "\"\(text)\"" : text
                object.values[index] = .amount(cents)
            }
        }
        return object
    }
}

// Findings a journal can have one of per row (incompatibilities met, actions without their
// approval, actions done in suppléance): each is a few integers on disk, its texts stored
// once each in a table (actors as written, ids, objects), so memory does not grow with them.

/// Twelve integers: one finding, its texts as indices into its list's tables.
struct FindingFields: SpillRecord {
    static let width = 12
    var values: [Int64]

    static var size: Int { width * 8 }

    init(_ values: [Int64]) { self.values = values }

    func store(into bytes: inout [UInt8]) {
        for index in 0..<Self.width { Self.put(index < values.count ? values[index] : 0, into: &bytes) }
    }

    init(loading raw: UnsafeRawBufferPointer, at offset: Int) {
        values = (0..<Self.width).map { raw.loadUnaligned(fromByteOffset: offset + 8 * $0, as: Int64.self) }
    }
}

/// A finding a `SpilledList` can hold: written as integers and texts, read back in the same order.
protocol SpillableFinding {
    /// Writes the finding's fields, at most `FindingFields.width` of them.
    func encode(_ out: inout FindingWriter)
    /// The finding read back, nil if its fields are damaged.
    init?(decoding input: inout FindingReader)
}

/// The distinct texts and lists of texts of a list's findings, each stored once.
final class FindingTexts {
    private(set) var strings: [String] = []
    private var stringIndex: [String: Int64] = [:]
    private(set) var lists: [[String]] = []
    private var listIndex: [[String]: Int64] = [:]

    func slot(_ text: String) -> Int64 {
        if let known = stringIndex[text] { return known }
        let slot = Int64(strings.count)
        strings.append(text)
        stringIndex[text] = slot
        return slot
    }

    func slot(_ list: [String]) -> Int64 {
        if let known = listIndex[list] { return known }
        let slot = Int64(lists.count)
        lists.append(list)
        listIndex[list] = slot
        return slot
    }
}

/// Writes a finding's fields.
struct FindingWriter {
    fileprivate(set) var values: [Int64] = []
    fileprivate let table: FindingTexts

    mutating func int(_ value: Int) { values.append(Int64(value)) }
    mutating func int(_ value: Int?) { values.append(value.map(Int64.init) ?? Int64.min) }
    mutating func date(_ date: CalendarDate) { values.append(Int64(date.dayNumber)) }
    mutating func text(_ text: String) { values.append(table.slot(text)) }
    mutating func text(_ text: String?) { values.append(text.map { table.slot($0) } ?? -1) }
    mutating func list(_ list: [String]) { values.append(table.slot(list)) }
}

/// Reads a finding's fields back, in the order they were written.
struct FindingReader {
    fileprivate let values: [Int64]
    fileprivate let table: FindingTexts
    fileprivate var position = 0

    private mutating func next() -> Int64 {
        defer { position += 1 }
        return position < values.count ? values[position] : Int64.min
    }

    mutating func int() -> Int { Int(next()) }
    mutating func optionalInt() -> Int? {
        let value = next()
        return value == Int64.min ? nil : Int(value)
    }
    mutating func date() -> CalendarDate? { CalendarDate(dayNumber: Int(truncatingIfNeeded: next())) }
    mutating func text() -> String? {
        let slot = next()
        return slot >= 0 && slot < Int64(table.strings.count) ? table.strings[Int(slot)] : nil
    }
    /// An optional text: nil when none was written (a damaged slot reads as none too).
    mutating func optionalText() -> String? { text() }
    mutating func list() -> [String]? {
        let slot = next()
        return slot >= 0 && slot < Int64(table.lists.count) ? table.lists[Int(slot)] : nil
    }
}

/// Findings in the order they are added, on disk when there are many (see `SpilledRecords`).
final class SpilledList<Element: SpillableFinding>: @unchecked Sendable {
    private let records = SpilledRecords<FindingFields>()
    private let texts = FindingTexts()

    /// How many findings.
    var count: Int { records.count }
    /// Whether there are none.
    var isEmpty: Bool { records.count == 0 }
    /// Whether findings went to the temporary file.
    var isSpilled: Bool { records.isSpilled }

    /// No findings, or the given ones.
    init(_ elements: [Element] = []) {
        for element in elements { append(element) }
    }

    /// Adds a finding at the end.
    func append(_ element: Element) {
        var writer = FindingWriter(table: texts)
        element.encode(&writer)
        records.append(FindingFields(writer.values))
    }

    /// Calls `body` with each finding, in order, one at a time.
    func forEach(_ body: (Element) -> Void) {
        records.forEach { fields in
            var reader = FindingReader(values: fields.values, table: texts)
            Element(decoding: &reader).map(body)
        }
    }

    /// Every finding, in memory (for small journals and tests).
    var all: [Element] {
        var result: [Element] = []
        result.reserveCapacity(count)
        forEach { result.append($0) }
        return result
    }
}

// MARK: - The findings

extension JournalIncompatibility: SpillableFinding {
    func encode(_ out: inout FindingWriter) {
        out.int(line)
        out.date(date)
        out.text(actor)
        out.int(declarationLine)
        out.text(note)
        switch kind {
        case .actions(let first, let second, let firstLine, let object):
            out.int(0)
            out.text(first)
            out.text(second)
            out.int(firstLine)
            out.text(object)
        case .roles(let first, let second):
            out.int(1)
            out.text(first)
            out.text(second)
        }
    }

    init?(decoding input: inout FindingReader) {
        let line = input.int()
        guard let date = input.date(), let actor = input.text() else { return nil }
        let declarationLine = input.optionalInt(), note = input.optionalText()
        let tag = input.int()
        guard let first = input.text(), let second = input.text() else { return nil }
        let kind: Kind
        if tag == 0 {
            let firstLine = input.int()
            kind = .actions(first: first, second: second, firstLine: firstLine, object: input.optionalText())
        } else {
            kind = .roles(first: first, second: second)
        }
        self.init(line: line, date: date, actor: actor, kind: kind, declarationLine: declarationLine, note: note)
    }
}

extension JournalDeputyAction: SpillableFinding {
    func encode(_ out: inout FindingWriter) {
        out.int(line)
        out.date(date)
        out.text(actor)
        out.text(onBehalf)
        out.text(action)
        out.text(object)
        out.list(deputies.map(String.init))
    }

    init?(decoding input: inout FindingReader) {
        let line = input.int()
        guard let date = input.date(), let actor = input.text() else { return nil }
        let onBehalf = input.optionalText()
        guard let action = input.text() else { return nil }
        let object = input.optionalText()
        guard let deputies = input.list() else { return nil }
        self.init(line: line, date: date, actor: actor, onBehalf: onBehalf, action: action, object: object,
                  deputies: deputies.compactMap { Int($0) })
    }
}

extension ApprovalFinding: SpillableFinding {
    func encode(_ out: inout FindingWriter) {
        out.int(line)
        out.date(date)
        out.text(action)
        out.text(keyName)
        out.text(keyValue)
        out.text(prior)
        out.list(actors)
        switch problem {
        case .missing:
            out.int(0)
        case .later(let line, let date):
            out.int(1)
            out.int(line)
            out.date(date)
        case .unverifiable(let missing):
            out.int(2)
            out.list(missing)
        }
    }

    init?(decoding input: inout FindingReader) {
        let line = input.int()
        guard let date = input.date(), let action = input.text(), let keyName = input.text() else { return nil }
        let keyValue = input.optionalText()
        guard let prior = input.text(), let actors = input.list() else { return nil }
        let problem: Problem
        switch input.int() {
        case 0: problem = .missing
        case 1:
            let priorLine = input.int()
            guard let priorDate = input.date() else { return nil }
            problem = .later(line: priorLine, date: priorDate)
        default:
            guard let missing = input.list() else { return nil }
            problem = .unverifiable(missing: missing)
        }
        self.init(line: line, date: date, action: action, keyName: keyName, keyValue: keyValue, prior: prior, actors: actors,
                  problem: problem)
    }
}

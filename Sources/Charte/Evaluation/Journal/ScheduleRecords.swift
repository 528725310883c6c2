// The records a journal's deadlines are computed from and kept in, one per row or per task
// instance, fixed-size so that they go to disk (`SpilledRecords`) and never grow memory.

/// An event row (kind 0) or a row marking a task done (kind 1): its day, line, and the event's
/// or task's index.
struct TimelineRecord: SpillRecord {
    var day: Int
    var kind: Int
    var line: Int
    var index: Int

    static var size: Int { 24 }

    func store(into bytes: inout [UInt8]) {
        Self.put(Int64(line), into: &bytes)
        Self.put(Int32(truncatingIfNeeded: day), into: &bytes)
        Self.put(Int32(truncatingIfNeeded: index), into: &bytes)
        Self.put(Int64(kind), into: &bytes)
    }

    init(day: Int, kind: Int, line: Int, index: Int) {
        self.day = day
        self.kind = kind
        self.line = line
        self.index = index
    }

    init(loading raw: UnsafeRawBufferPointer, at offset: Int) {
        line = Int(raw.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        day = Int(raw.loadUnaligned(fromByteOffset: offset + 8, as: Int32.self))
        index = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: Int32.self))
        kind = Int(raw.loadUnaligned(fromByteOffset: offset + 16, as: Int64.self))
    }
}

/// Half of an event-triggered task instance: the event that opened it (kind 0, with its due
/// date) or the completion that closed it (kind 1), for the task's `occurrence`-th instance.
struct InstancePart: SpillRecord {
    var task: Int
    var occurrence: Int
    var kind: Int
    var day: Int
    var line: Int
    var due: Int

    static var size: Int { 32 }

    init(task: Int, occurrence: Int, kind: Int, day: Int, line: Int, due: Int) {
        self.task = task
        self.occurrence = occurrence
        self.kind = kind
        self.day = day
        self.line = line
        self.due = due
    }

    func store(into bytes: inout [UInt8]) {
        Self.put(Int64(line), into: &bytes)
        Self.put(Int64(occurrence), into: &bytes)
        Self.put(Int32(truncatingIfNeeded: task), into: &bytes)
        Self.put(Int32(truncatingIfNeeded: kind), into: &bytes)
        Self.put(Int32(truncatingIfNeeded: day), into: &bytes)
        Self.put(Int32(truncatingIfNeeded: due), into: &bytes)
    }

    init(loading raw: UnsafeRawBufferPointer, at offset: Int) {
        line = Int(raw.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        occurrence = Int(raw.loadUnaligned(fromByteOffset: offset + 8, as: Int64.self))
        task = Int(raw.loadUnaligned(fromByteOffset: offset + 16, as: Int32.self))
        kind = Int(raw.loadUnaligned(fromByteOffset: offset + 20, as: Int32.self))
        day = Int(raw.loadUnaligned(fromByteOffset: offset + 24, as: Int32.self))
        due = Int(raw.loadUnaligned(fromByteOffset: offset + 28, as: Int32.self))
    }
}

/// A task instance as stored: `DeadlineInstance` without its status (computed when read back).
struct InstanceRecord: SpillRecord {
    var task: Int
    var occurrence: Int
    var eventLine: Int?
    var eventDay: Int?
    var due: Int
    var doneDay: Int?
    var doneLine: Int?

    static var size: Int { 40 }
    /// A missing day or line.
    private static let none32 = Int32.min, none64 = Int64.min

    init(task: Int, occurrence: Int, eventLine: Int?, eventDay: Int?, due: Int, doneDay: Int?, doneLine: Int?) {
        self.task = task
        self.occurrence = occurrence
        self.eventLine = eventLine
        self.eventDay = eventDay
        self.due = due
        self.doneDay = doneDay
        self.doneLine = doneLine
    }

    func store(into bytes: inout [UInt8]) {
        Self.put(Int64(occurrence), into: &bytes)
        Self.put(eventLine.map(Int64.init) ?? Self.none64, into: &bytes)
        Self.put(doneLine.map(Int64.init) ?? Self.none64, into: &bytes)
        Self.put(Int32(truncatingIfNeeded: task), into: &bytes)
        Self.put(Int32(truncatingIfNeeded: due), into: &bytes)
        Self.put(eventDay.map { Int32(truncatingIfNeeded: $0) } ?? Self.none32, into: &bytes)
        Self.put(doneDay.map { Int32(truncatingIfNeeded: $0) } ?? Self.none32, into: &bytes)
    }

    init(loading raw: UnsafeRawBufferPointer, at offset: Int) {
        func long(_ at: Int) -> Int? {
            let value = raw.loadUnaligned(fromByteOffset: offset + at, as: Int64.self)
            return value == Self.none64 ? nil : Int(value)
        }
        func short(_ at: Int) -> Int? {
            let value = raw.loadUnaligned(fromByteOffset: offset + at, as: Int32.self)
            return value == Self.none32 ? nil : Int(value)
        }
        occurrence = long(0) ?? 0
        eventLine = long(8)
        doneLine = long(16)
        task = short(24) ?? 0
        due = short(28) ?? 0
        eventDay = short(32)
        doneDay = short(36)
    }

    /// The instance with its status at `date`.
    func instance(at date: CalendarDate) -> DeadlineInstance? {
        guard let dueDate = CalendarDate(dayNumber: due) else { return nil }
        return DeadlineInstance(task: task, occurrence: occurrence, eventLine: eventLine, eventDate: eventDay.flatMap(CalendarDate.init(dayNumber:)),
                                due: dueDate, doneOn: doneDay.flatMap(CalendarDate.init(dayNumber:)), doneLine: doneLine, at: date)
    }
}

/// A journal's task instances, by due date, then task order, then occurrence: on disk when
/// there are many, read back one at a time; their counts by status are kept.
public final class DeadlineInstances: @unchecked Sendable {
    private let records: SpilledRecords<InstanceRecord>
    /// The date of the check: statuses are as of it.
    private let date: CalendarDate
    private var counts: [DeadlineStatus: Int] = [:]

    /// How many instances.
    public var count: Int { records.count }
    /// Whether records went to the temporary file.
    var isSpilled: Bool { records.isSpilled }

    /// Sorted records, their statuses at `date`.
    init(_ records: SpilledRecords<InstanceRecord>, at date: CalendarDate) {
        self.records = records
        self.date = date
        forEach { counts[$0.status, default: 0] += 1 }
    }

    /// Instances given whole (a report built by hand), kept in their order.
    convenience init(_ instances: [DeadlineInstance], at date: CalendarDate) {
        let records = SpilledRecords<InstanceRecord>()
        for item in instances {
            records.append(InstanceRecord(task: item.task, occurrence: item.occurrence, eventLine: item.eventLine,
                                          eventDay: item.eventDate?.dayNumber, due: item.due.dayNumber,
                                          doneDay: item.doneOn?.dayNumber, doneLine: item.doneLine))
        }
        self.init(records, at: date)
    }

    /// How many instances have a status.
    public func count(_ status: DeadlineStatus) -> Int { counts[status] ?? 0 }

    /// Calls `body` with each instance, in order.
    public func forEach(_ body: (DeadlineInstance) -> Void) {
        records.forEach { record in record.instance(at: date).map(body) }
    }

    /// Every instance, in memory (for small journals, the agenda and tests).
    public var all: [DeadlineInstance] {
        var result: [DeadlineInstance] = []
        result.reserveCapacity(count)
        forEach { result.append($0) }
        return result
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The refused and undetermined action rows of a journal, kept so that memory does not grow
/// with them: one fixed 28-byte record a row, written to an unlinked temporary file (kept in
/// memory only when no temporary file can be made), and small tables of what records name —
/// the actors and `pour` cells as written and the verdicts, each distinct one stored once.
///
/// Rows are added in journal order and read back in that order, as `JournalAction`s.
public final class FlaggedRows: @unchecked Sendable {
    /// How many rows, refused and undetermined.
    public private(set) var count = 0
    /// How many of them are refused.
    public private(set) var refusedCount = 0
    /// How many are undetermined.
    public var undeterminedCount: Int { count - refusedCount }

    /// The actors and `pour` cells as written, each once, and their indices.
    private var actors: [String] = []
    private var actorIndex: [String: UInt32] = [:]
    /// The verdicts, each distinct one once (equal verdicts share a slot).
    private var verdicts: [JournalVerdict] = []
    private var verdictIndex: [JournalVerdict: UInt32] = [:]
    /// The same by identity: the run shares one verdict between identical rows, so most rows
    /// are found here without hashing the verdict's contents.
    private var verdictIdentity: [ObjectIdentifier: UInt32] = [:]
    /// The task ids of the charter (records name a task by its index).
    private let tasks: [String]
    /// Records not yet written to the file (or all of them, without a file).
    private var pending: [UInt8] = []
    /// The unlinked temporary file, or -1.
    private var descriptor: Int32 = -1
    /// Bytes written to the file.
    private var fileSize = 0
    private var triedFile = false

    /// The bytes of records held in memory (at most `chunk` while the file works).
    var pendingBytes: Int { pending.count }
    /// Whether records went to the temporary file.
    var isSpilled: Bool { fileSize > 0 }
    /// How many distinct actors as written, and verdicts, the records name.
    var distinctActors: Int { actors.count }
    var distinctVerdicts: Int { verdicts.count }

    /// The bytes of one record: line, day number, actor, task (-1 for none), verdict, `pour` (none: all ones).
    static let recordSize = 28
    /// Records are written 64 KiB at a time.
    static let chunk = 64 * 1024

    /// An empty set of rows of a charter whose tasks are `tasks` (their ids).
    init(tasks: [String]) {
        self.tasks = tasks
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds a row (in journal order).
    func append(line: Int, date: CalendarDate, actor: String, task: Int?, verdict: JournalVerdict, onBehalf: String? = nil) {
        let actorSlot = slot(of: actor)
        let onBehalfSlot = onBehalf.map(slot(of:)) ?? UInt32.max
        let verdictSlot: UInt32
        if let known = verdictIdentity[ObjectIdentifier(verdict)] {
            verdictSlot = known
        } else if let known = verdictIndex[verdict] {
            verdictSlot = known
        } else {
            verdictSlot = UInt32(verdicts.count)
            // Kept alive in `verdicts`, so its identity is never reused.
            verdicts.append(verdict)
            verdictIndex[verdict] = verdictSlot
            verdictIdentity[ObjectIdentifier(verdict)] = verdictSlot
        }
        put(Int64(line))
        put(Int32(date.dayNumber))
        put(actorSlot)
        put(Int32(task ?? -1))
        put(verdictSlot)
        put(onBehalfSlot)
        count += 1
        if verdict.outcome == .refused { refusedCount += 1 }
        if pending.count >= FlaggedRows.chunk { flush() }
    }

    /// The index of a name as written, added on first sight.
    private func slot(of name: String) -> UInt32 {
        if let known = actorIndex[name] { return known }
        let slot = UInt32(actors.count)
        actors.append(name)
        actorIndex[name] = slot
        return slot
    }

    /// Appends the bytes of one field of a record.
    private func put<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value) { pending.append(contentsOf: $0) }
    }

    /// Writes the pending records to the temporary file (made on first need).
    private func flush() {
        if !triedFile {
            triedFile = true
            descriptor = FlaggedRows.makeTemporaryFile()
        }
        guard descriptor >= 0, !pending.isEmpty else { return }
        var written = 0
        while written < pending.count {
            let result = pending[written...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(fileSize + written)) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                // The disk is full: keep everything in memory from now on.
                close(descriptor)
                descriptor = -1
                return
            }
            written += result
        }
        fileSize += written
        pending.removeAll(keepingCapacity: true)
    }

    /// An unlinked file in `$TMPDIR` (or `/tmp`), or -1.
    static func makeTemporaryFile() -> Int32 {
        var directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        if directory.isEmpty || !directory.hasPrefix("/") { directory = "/tmp" }
        var template = Array((directory + "/charte-journal.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return -1 }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        return descriptor
    }

    /// Calls `body` with each row, in journal order, reading the file 64 KiB at a time.
    public func forEach(_ body: (JournalAction) -> Void) {
        var chunk = [UInt8](repeating: 0, count: FlaggedRows.chunk)
        var offset = 0
        // On a read error, the records in the file are missing: counted, never silently.
        while offset < fileSize, descriptor >= 0 {
            let wanted = min(chunk.count, fileSize - offset)
            let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { break }
            let whole = read - read % FlaggedRows.recordSize
            decode(chunk[..<whole], body)
            offset += whole
        }
        decode(pending[...], body)
    }

    /// The rows of some bytes of records.
    private func decode(_ bytes: ArraySlice<UInt8>, _ body: (JournalAction) -> Void) {
        bytes.withUnsafeBytes { raw in
            var position = 0
            while position + FlaggedRows.recordSize <= raw.count {
                let line = raw.loadUnaligned(fromByteOffset: position, as: Int64.self)
                let day = raw.loadUnaligned(fromByteOffset: position + 8, as: Int32.self)
                let actor = raw.loadUnaligned(fromByteOffset: position + 12, as: UInt32.self)
                let task = raw.loadUnaligned(fromByteOffset: position + 16, as: Int32.self)
                let verdict = raw.loadUnaligned(fromByteOffset: position + 20, as: UInt32.self)
                let onBehalf = raw.loadUnaligned(fromByteOffset: position + 24, as: UInt32.self)
                position += FlaggedRows.recordSize
                guard let date = CalendarDate(dayNumber: Int(day)), Int(actor) < actors.count, Int(verdict) < verdicts.count else { continue }
                let taskID = task >= 0 && Int(task) < tasks.count ? tasks[Int(task)] : nil
                body(JournalAction(line: Int(line), date: date, actor: actors[Int(actor)], task: taskID, verdict: verdicts[Int(verdict)],
                                   onBehalf: Int(onBehalf) < actors.count ? actors[Int(onBehalf)] : nil))
            }
        }
    }

    /// Every row, in memory (for small journals and tests).
    public var all: [JournalAction] {
        var rows: [JournalAction] = []
        rows.reserveCapacity(count)
        forEach { rows.append($0) }
        return rows
    }
}

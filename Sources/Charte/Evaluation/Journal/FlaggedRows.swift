#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The refused and undetermined action rows of a journal, kept so that memory does not grow
/// with them: one record a row — 28 fixed bytes, then the object's attributes as read, since
/// numbers, amounts and dates make most objects distinct — written to an unlinked temporary
/// file (kept in memory only when no temporary file can be made), and small tables of what
/// records name: the actors and `pour` cells as written, attribute names, and the verdicts
/// without their object (the decision: roles, action, rules…), each distinct one stored once.
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
    /// The verdicts without their attributes, each distinct one once (equal ones share a slot).
    private var verdicts: [JournalVerdict] = []
    private var verdictIndex: [VerdictShape: UInt32] = [:]
    /// The same by identity, for the first verdicts seen (kept alive here, so an identity is never
    /// reused): the run shares one verdict between identical rows, so most rows are found here.
    private var verdictIdentity: [ObjectIdentifier: UInt32] = [:]
    private var identityHeld: [JournalVerdict] = []
    /// The attribute names of the charter's object types, flattened (records name one by index).
    private let names: [String]
    /// Verdicts remembered by identity.
    static let identityLimit = 4096
    /// The task ids of the charter (records name a task by its index).
    private let tasks: [String]
    /// Records not yet written to the file (or all of them, without a file).
    private var pending: [UInt8] = []
    /// The unlinked temporary file, or -1.
    private var descriptor: Int32 = -1
    /// Bytes written to the file.
    private var fileSize = 0
    private var triedFile = false
    /// Set when a write failed (full disk).
    private var fileFailed = false

    /// The bytes of records held in memory (at most `chunk` while the file works).
    var pendingBytes: Int { pending.count }
    /// Whether records went to the temporary file.
    var isSpilled: Bool { fileSize > 0 }
    /// How many distinct actors as written, and verdicts, the records name.
    var distinctActors: Int { actors.count }
    var distinctVerdicts: Int { verdicts.count }

    /// The fixed bytes of a record: its length, line, day number, actor, task (-1 for none),
    /// verdict, `pour` (none: all ones); then per attribute its name's slot and its two texts.
    static let recordSize = 32
    /// Records are written 64 KiB at a time.
    static let chunk = 64 * 1024

    /// An empty set of rows of a charter whose tasks are `tasks` (their ids) and whose object
    /// types' attribute names are `attributeNames`, flattened in declaration order.
    init(tasks: [String], attributeNames: [String] = []) {
        self.tasks = tasks
        self.names = attributeNames
    }

    /// An attribute of a row's object: its index in the flattened names, its two texts.
    struct Attribute {
        let name: UInt32
        let value: String
        let raw: String
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// What a verdict is without its object's attributes.
    struct VerdictShape: Hashable {
        let roles: [String], action: String, objectType: String?, outcome: Outcome, missing: [String]
        let rules: [JournalRule], deputies: [DeputyStanding]

        init(_ verdict: JournalVerdict) {
            roles = verdict.roles
            action = verdict.action
            objectType = verdict.objectType
            outcome = verdict.outcome
            missing = verdict.missing
            rules = verdict.rules
            deputies = verdict.deputies
        }
    }

    /// Adds a row (in journal order): `verdict` is the decision without the object, shared by
    /// rows, and `attributes` the row's object.
    func append(line: Int, date: CalendarDate, actor: String, task: Int?, verdict: JournalVerdict,
                attributes: [Attribute], onBehalf: String? = nil) {
        let actorSlot = slot(of: actor)
        let onBehalfSlot = onBehalf.map(slot(of:)) ?? UInt32.max
        let verdictSlot: UInt32
        if let known = verdictIdentity[ObjectIdentifier(verdict)] {
            verdictSlot = known
        } else {
            let shape = VerdictShape(verdict)
            if let known = verdictIndex[shape] {
                verdictSlot = known
            } else {
                verdictSlot = UInt32(verdicts.count)
                verdicts.append(JournalVerdict(roles: verdict.roles, action: verdict.action, objectType: verdict.objectType, attributes: [],
                                               outcome: verdict.outcome, missing: verdict.missing, rules: verdict.rules,
                                               deputies: verdict.deputies))
                verdictIndex[shape] = verdictSlot
            }
            if identityHeld.count < FlaggedRows.identityLimit {
                identityHeld.append(verdict)
                verdictIdentity[ObjectIdentifier(verdict)] = verdictSlot
            }
        }
        let start = pending.count
        put(UInt32(0))
        put(Int64(line))
        put(Int32(date.dayNumber))
        put(actorSlot)
        put(Int32(task ?? -1))
        put(verdictSlot)
        put(onBehalfSlot)
        for attribute in attributes {
            put(attribute.name)
            putText(attribute.value)
            putText(attribute.raw)
        }
        let length = UInt32(pending.count - start)
        withUnsafeBytes(of: length) { bytes in for (index, byte) in bytes.enumerated() { pending[start + index] = byte } }
        count += 1
        if verdict.outcome == .refused { refusedCount += 1 }
        if pending.count >= FlaggedRows.chunk { flush() }
    }

    /// Appends a text: its UTF-8 length, then its bytes.
    private func putText(_ text: String) {
        put(UInt32(text.utf8.count))
        pending.append(contentsOf: text.utf8)
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
        guard descriptor >= 0, !fileFailed, !pending.isEmpty else { return }
        var written = 0
        while written < pending.count {
            let result = pending[written...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(fileSize + written)) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                // The disk is full: what is in the file stays readable, the rest stays in memory.
                fileFailed = true
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

    /// Calls `body` with each row, in journal order, reading the file 64 KiB at a time (more
    /// for a record longer than that).
    public func forEach(_ body: (JournalAction) -> Void) {
        var chunk = [UInt8](repeating: 0, count: FlaggedRows.chunk)
        var offset = 0
        // On a read error, the records in the file are missing: counted, never silently.
        while offset < fileSize, descriptor >= 0 {
            let wanted = min(chunk.count, fileSize - offset)
            let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { break }
            let used = decode(chunk[..<read], body)
            if used == 0 {
                // One record longer than the buffer: read it whole.
                let length = chunk.withUnsafeBytes { Int($0.loadUnaligned(as: UInt32.self)) }
                guard read >= 4, length > chunk.count else { break }
                chunk = [UInt8](repeating: 0, count: length)
                continue
            }
            offset += used
        }
        _ = decode(pending[...], body)
    }

    /// The rows of some bytes of records; returns the bytes of the whole records decoded.
    private func decode(_ bytes: ArraySlice<UInt8>, _ body: (JournalAction) -> Void) -> Int {
        bytes.withUnsafeBytes { raw in
            var position = 0
            while position + FlaggedRows.recordSize <= raw.count {
                let length = Int(raw.loadUnaligned(fromByteOffset: position, as: UInt32.self))
                guard length >= FlaggedRows.recordSize, position + length <= raw.count else { break }
                let line = raw.loadUnaligned(fromByteOffset: position + 4, as: Int64.self)
                let day = raw.loadUnaligned(fromByteOffset: position + 12, as: Int32.self)
                let actor = raw.loadUnaligned(fromByteOffset: position + 16, as: UInt32.self)
                let task = raw.loadUnaligned(fromByteOffset: position + 20, as: Int32.self)
                let verdict = raw.loadUnaligned(fromByteOffset: position + 24, as: UInt32.self)
                let onBehalf = raw.loadUnaligned(fromByteOffset: position + 28, as: UInt32.self)
                var attributes: [JournalAttribute] = []
                var at = position + FlaggedRows.recordSize
                func text() -> String {
                    guard at + 4 <= position + length else { return "" }
                    let size = Int(raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                    at += 4
                    guard at + size <= position + length else { return "" }
                    defer { at += size }
                    return String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<(at + size)]), as: UTF8.self)
                }
                while at + 4 <= position + length {
                    let name = Int(raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                    at += 4
                    let value = text(), rawText = text()
                    attributes.append(JournalAttribute(name: name < names.count ? names[name] : "", value: value, raw: rawText))
                }
                position += length
                guard let date = CalendarDate(dayNumber: Int(day)), Int(actor) < actors.count, Int(verdict) < verdicts.count else { continue }
                let shared = verdicts[Int(verdict)]
                let whole = attributes.isEmpty ? shared
                    : JournalVerdict(roles: shared.roles, action: shared.action, objectType: shared.objectType, attributes: attributes,
                                     outcome: shared.outcome, missing: shared.missing, rules: shared.rules, deputies: shared.deputies)
                let taskID = task >= 0 && Int(task) < tasks.count ? tasks[Int(task)] : nil
                body(JournalAction(line: Int(line), date: date, actor: actors[Int(actor)], task: taskID, verdict: whole,
                                   onBehalf: Int(onBehalf) < actors.count ? actors[Int(onBehalf)] : nil))
            }
            return position
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A record of fixed size that a `SpilledRecords` writes to disk: its bytes are its fields.
protocol SpillRecord {
    /// The bytes of one record.
    static var size: Int { get }
    /// Appends the record's `size` bytes.
    func store(into bytes: inout [UInt8])
    /// The record at `offset` in some bytes.
    init(loading raw: UnsafeRawBufferPointer, at offset: Int)
}

extension SpillRecord {
    /// Appends the bytes of one field.
    static func put<Field: FixedWidthInteger>(_ field: Field, into bytes: inout [UInt8]) {
        withUnsafeBytes(of: field) { bytes.append(contentsOf: $0) }
    }
}

/// Records a journal has one of per row (events, tasks done, task instances…), kept so that
/// memory does not grow with them: appended to an unlinked temporary file 64 KiB at a time
/// (held in memory while there are fewer, or when no file can be written), read back in order
/// or sorted on disk (`sorted(by:)`, a merge of sorted runs of 1 MiB).
final class SpilledRecords<Record: SpillRecord>: @unchecked Sendable {
    /// How many records.
    private(set) var count = 0
    /// Records not yet written (all of them before the first chunk, or once the file failed).
    private var pending: [UInt8] = []
    /// The unlinked temporary file, or -1.
    private var descriptor: Int32 = -1
    /// Bytes in the file (whole records).
    private var fileSize = 0
    private var triedFile = false
    /// Set when a write failed (full disk): later records stay in memory, earlier ones are still read.
    private var fileFailed = false

    /// Records are written 64 KiB at a time.
    static var chunk: Int { 64 * 1024 }
    /// The bytes of records sorted in memory at a time, and of the merge's read buffers.
    static var sortBytes: Int { 1024 * 1024 }

    /// The bytes held in memory.
    var pendingBytes: Int { pending.count }
    /// Whether records went to the temporary file.
    var isSpilled: Bool { fileSize > 0 }

    /// No records.
    init() {}

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds a record at the end.
    func append(_ record: Record) {
        record.store(into: &pending)
        count += 1
        if pending.count >= SpilledRecords.chunk { flush() }
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
                // The disk is full: these records and the later ones stay in memory.
                fileFailed = true
                return
            }
            written += result
        }
        fileSize += written
        pending.removeAll(keepingCapacity: true)
    }

    /// Up to `limit` records from the `start`-th, in order.
    func records(from start: Int, limit: Int) -> [Record] {
        var result: [Record] = []
        let size = Record.size
        var index = start
        let end = min(count, start + limit)
        result.reserveCapacity(max(0, end - start))
        let inFile = fileSize / size
        if index < inFile {
            let wanted = min(end, inFile) - index
            var bytes = [UInt8](repeating: 0, count: wanted * size)
            var done = 0
            while done < bytes.count {
                let read = bytes[done...].withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(index * size + done)) }
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { break }
                done += read
            }
            bytes.withUnsafeBytes { raw in
                var position = 0
                while position + size <= done {
                    result.append(Record(loading: raw, at: position))
                    position += size
                }
            }
            // A record the file lost is missing from the result: its caller sees fewer than asked.
            index += wanted
        }
        if index < end {
            pending.withUnsafeBytes { raw in
                for at in index..<end { result.append(Record(loading: raw, at: (at - inFile) * size)) }
            }
        }
        return result
    }

    /// Calls `body` with each record, in order, reading 64 KiB at a time.
    func forEach(_ body: (Record) -> Void) {
        let step = max(1, SpilledRecords.chunk / Record.size)
        var start = 0
        while start < count {
            let batch = records(from: start, limit: step)
            guard !batch.isEmpty else { break }
            for record in batch { body(record) }
            start += step
        }
    }

    /// Every record, in memory (for small journals and tests).
    var all: [Record] {
        var result: [Record] = []
        result.reserveCapacity(count)
        forEach { result.append($0) }
        return result
    }

    /// The records sorted by `less` (a total order: equal records are interchangeable), on disk
    /// when there are many: runs of 1 MiB are sorted in memory, then merged.
    func sorted(by less: (Record, Record) -> Bool) -> SpilledRecords<Record> {
        let runLength = max(1, SpilledRecords.sortBytes / Record.size)
        let runs = SpilledRecords<Record>()
        var starts: [Int] = []
        var start = 0
        while start < count {
            var run = records(from: start, limit: runLength)
            guard !run.isEmpty else { break }
            run.sort(by: less)
            starts.append(runs.count)
            for record in run { runs.append(record) }
            start += runLength
        }
        if starts.count <= 1 { return runs }

        // Merge: one cursor per run, each reading its run a few records at a time.
        let perCursor = max(16, SpilledRecords.sortBytes / Record.size / starts.count)
        var next = starts
        let ends = Array(starts.dropFirst()) + [runs.count]
        var buffers = [[Record]](repeating: [], count: starts.count)
        var positions = [Int](repeating: 0, count: starts.count)
        func refill(_ cursor: Int) {
            buffers[cursor] = next[cursor] < ends[cursor] ? runs.records(from: next[cursor], limit: min(perCursor, ends[cursor] - next[cursor])) : []
            next[cursor] += buffers[cursor].count
            positions[cursor] = 0
        }
        for cursor in starts.indices { refill(cursor) }
        func before(_ a: Int, _ b: Int) -> Bool {
            let left = buffers[a][positions[a]], right = buffers[b][positions[b]]
            if less(left, right) { return true }
            if less(right, left) { return false }
            return a < b
        }
        var heap = MinHeap(starts.indices.filter { !buffers[$0].isEmpty })
        heap.heapify(before)
        let merged = SpilledRecords<Record>()
        while let cursor = heap.first {
            merged.append(buffers[cursor][positions[cursor]])
            positions[cursor] += 1
            if positions[cursor] == buffers[cursor].count { refill(cursor) }
            if buffers[cursor].isEmpty { heap.removeFirst(before) } else { heap.siftDown(0, before) }
        }
        return merged
    }
}

/// A binary heap of small integers, ordered by a comparison given at each call.
struct MinHeap {
    private(set) var items: [Int]

    init(_ items: [Int]) { self.items = items }

    var first: Int? { items.first }

    mutating func heapify(_ before: (Int, Int) -> Bool) {
        for index in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftDown(index, before) }
    }

    mutating func removeFirst(_ before: (Int, Int) -> Bool) {
        guard !items.isEmpty else { return }
        items.swapAt(0, items.count - 1)
        items.removeLast()
        if !items.isEmpty { siftDown(0, before) }
    }

    /// Moves the item at `index` down to its place.
    mutating func siftDown(_ index: Int, _ before: (Int, Int) -> Bool) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, before(items[left], items[smallest]) { smallest = left }
            if right < items.count, before(items[right], items[smallest]) { smallest = right }
            if smallest == parent { return }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

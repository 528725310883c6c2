/// A hash table from byte strings to values, looked up without allocating.
///
/// A journal repeats the same few cells (actors, actions, enumeration values) over thousands
/// of rows: each distinct cell is resolved once, and later rows only hash their bytes.
/// The table stops growing at `limit` entries (free text would otherwise fill it); lookups of
/// keys it could not keep simply miss.
struct FieldCache<Value> {
    private struct Entry {
        var offset: Int
        var length: Int
        var hash: UInt64
        var value: Value
    }

    private var keyBytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Open addressing: -1 for an empty slot, else an index into `entries`.
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    /// The most entries kept.
    let limit: Int

    /// Creates an empty cache.
    init(limit: Int = 4096) { self.limit = limit }

    /// The cached value for a key, or nil on a miss.
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        let hash = FieldCache.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if entries[index].hash == hash, matches(entries[index], key) { return entries[index].value }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Keeps a value for a key that missed (ignored once the table is full).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) {
        guard entries.count < limit else { return }
        let hash = FieldCache.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entries.count)
        entries.append(Entry(offset: keyBytes.count, length: key.count, hash: hash, value: value))
        keyBytes.append(contentsOf: key)
        if entries.count * 2 > slots.count { grow() }
    }

    private func matches(_ entry: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry.length == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            for index in 0..<key.count where stored[entry.offset + index] != key[index] { return false }
            return true
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(index)
        }
        slots = bigger
    }

    /// FNV-1a, 64 bits.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

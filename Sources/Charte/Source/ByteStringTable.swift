/// A hash table from byte strings to values, looked up from bytes without allocating: open
/// addressing with linear probing over FNV-1a hashes.
///
/// The one such table of the library: the lexer keeps a file's distinct words in it (a
/// repeated identifier or keyword shares the string and keyword of its first occurrence),
/// the journal its distinct cells (each is resolved once, later rows only hash their bytes).
/// A slot holds the key's hash beside its index, so probing past other keys reads only the
/// slot array. Keys are copied once, when inserted.
struct ByteStringTable<Value> {
    /// The FNV-1a offset basis: the hash of the empty string.
    static var initialHash: UInt32 { 2_166_136_261 }

    /// One step of FNV-1a (callers that already walk the bytes hash as they go).
    @inline(__always)
    static func hash(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* 16_777_619 }

    /// The FNV-1a hash of a whole key.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash = initialHash
        for byte in key { hash = Self.hash(hash, byte) }
        return hash
    }

    /// The values, in insertion order (an index from `find` reads one).
    private(set) var values: [Value] = []
    /// Where each key's bytes are in `keyBytes`.
    private var keyStarts: [Int] = []
    private var keyBytes: [UInt8] = []
    /// `hash << 32 | (index + 1)`, or 0 for an empty slot; a power of two of them, at most half full.
    private var slots: [UInt64]
    /// The most keys kept: past it, inserts are ignored and lookups of new keys miss
    /// (a journal's free text would otherwise fill the table).
    let limit: Int

    /// An empty table.
    init(limit: Int = .max, capacity: Int = 16) {
        self.limit = limit
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
    }

    /// The number of keys.
    var count: Int { values.count }

    /// The index of `key` (whose hash is `hash`) if present, and else the slot where to insert it.
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (slot: Int, index: Int?) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let content = slots[slot]
            if content == 0 { return (slot, nil) }
            if UInt32(truncatingIfNeeded: content >> 32) == hash {
                let index = Int(UInt32(truncatingIfNeeded: content)) - 1
                if matches(index, key) { return (slot, index) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value for a key, or nil when absent.
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        find(key, hash: Self.hash(key)).index.map { values[$0] }
    }

    /// Adds a key that `find` did not find, at the slot it gave; false when the table is full.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, value: Value, at slot: Int) -> Bool {
        guard values.count < limit else { return false }
        keyStarts.append(keyBytes.count)
        keyBytes.append(contentsOf: key)
        values.append(value)
        slots[slot] = UInt64(hash) << 32 | UInt64(UInt32(truncatingIfNeeded: values.count))
        if values.count * 2 > slots.count { grow() }
        return true
    }

    /// Adds a value for a key (after a `lookup` that missed); a key already present keeps its value.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) {
        let hash = Self.hash(key)
        let found = find(key, hash: hash)
        guard found.index == nil else { return }
        insert(key, hash: hash, value: value, at: found.slot)
    }

    /// Whether the key stored at `index` is `key`, compared eight bytes at a time.
    @inline(__always)
    private func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStarts[index]
        let end = index + 1 < keyStarts.count ? keyStarts[index + 1] : keyBytes.count
        let count = key.count
        guard end - start == count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress, let keyBase = key.baseAddress else { return count == 0 }
            let left = UnsafeRawPointer(storedBase + start), right = UnsafeRawPointer(keyBase)
            var position = 0
            while position + 8 <= count {
                if left.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                    != right.loadUnaligned(fromByteOffset: position, as: UInt64.self) { return false }
                position += 8
            }
            while position < count {
                if stored[start + position] != key[position] { return false }
                position += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for content in old where content != 0 {
            var slot = Int(UInt32(truncatingIfNeeded: content >> 32)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = content
        }
    }
}

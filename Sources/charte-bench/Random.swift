/// A small, fixed-seed pseudo-random generator (SplitMix64), so every run generates the
/// same inputs on every machine and toolchain (no `random(in:)` from the standard
/// library, whose algorithm may change between versions).
struct SplitMix64 {
    private var state: UInt64

    /// Creates a generator from a seed.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0), by multiply-shift (bias is negligible here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int((UInt128(next()) * UInt128(bound)) >> 64)
    }

    /// A number in a closed range.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `count` distinct elements of an array (all of them if it is shorter), in the order drawn.
    mutating func distinct<T>(_ count: Int, of items: [T]) -> [T] {
        var chosen = Set<Int>(), order: [Int] = []
        while order.count < min(count, items.count) {
            let index = below(items.count)
            if chosen.insert(index).inserted { order.append(index) }
        }
        return order.map { items[$0] }
    }
}

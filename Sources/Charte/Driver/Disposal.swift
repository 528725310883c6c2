#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values a command keeps until the process exits instead of freeing them.
///
/// A checked charter of 100,000 tasks is millions of small allocations: freeing them one by
/// one took about a third as long as checking it, for nothing when the process is about to
/// exit and the system takes the whole memory back at once (compilers skip it the same way).
/// A command hands its last large result here; anything it is not about to exit after is
/// freed as usual. Embedding programs free their charters as any value.
public enum Disposal {
    /// Keeps `value` alive until the process exits: it is never freed piece by piece.
    public static func keepUntilExit<Value: Sendable>(_ value: consuming Value) {
        kept.add(Box(value))
    }

    /// How many values are kept (tests).
    static var keptCount: Int { kept.count }

    private final class Box<Value: Sendable>: @unchecked Sendable {
        let value: Value
        init(_ value: consuming Value) { self.value = value }
    }

    private static let kept = KeptValues()

    /// A list guarded by a lock: commands run on one thread, embedding programs may not.
    private final class KeptValues: @unchecked Sendable {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>
        private var values: [AnyObject] = []

        init() {
            mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(mutex, nil)
        }

        func add(_ value: AnyObject) {
            pthread_mutex_lock(mutex)
            values.append(value)
            pthread_mutex_unlock(mutex)
        }

        var count: Int {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return values.count
        }
    }
}

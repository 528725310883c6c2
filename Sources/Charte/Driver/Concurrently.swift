#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Two pieces of independent work run at once, one on a second thread (large charters only:
/// a thread costs tens of microseconds). Plain POSIX threads: no dispatch, no Foundation.
enum Concurrently {
    /// Whether the machine has a second core to run the other half on.
    static let hasSecondCore: Bool = sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1

    /// A job handed to the new thread, type-erased so a C function can start it.
    private final class Job: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Where the other thread leaves its result; read only after joining it.
    private final class Slot<Value>: @unchecked Sendable {
        var value: Value?
    }

    /// Runs `background` on a new thread while `foreground` runs on this one, and returns
    /// both results. If no thread can be started, runs both here, one after the other.
    static func run<Background, Foreground>(_ background: @escaping @Sendable () -> Background,
                                            while foreground: () -> Foreground) -> (Background, Foreground) {
        let slot = Slot<Background>()
        let job = Job { slot.value = background() }
        let context = Unmanaged.passRetained(job).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            if let context { Unmanaged<Job>.fromOpaque(context).takeRetainedValue().body() }
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            let here = foreground()
            return (background(), here)
        }
        let here = foreground()
        pthread_join(thread, nil)
        guard let there = slot.value else { return (background(), here) }
        return (there, here)
    }
}

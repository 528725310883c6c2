#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock timing, memory readings and child processes for the benchmarks.
enum Clock {
    /// Monotonic time in seconds.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The seconds one call of `body` takes.
    static func time(_ body: () -> Void) -> Double {
        let start = now()
        body()
        return now() - start
    }

    /// The seconds of each of `repetitions` calls of `body`.
    static func repeated(_ repetitions: Int, _ body: () -> Void) -> [Double] {
        (0..<max(1, repetitions)).map { _ in time(body) }
    }

    /// Processor time used by this process so far (user and system, every thread), in seconds.
    static func processorTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// The wall-clock and processor seconds of each of `repetitions` calls of `body`.
    static func repeatedWithProcessorTime(_ repetitions: Int, _ body: () -> Void) -> (wall: [Double], processor: [Double]) {
        var wall: [Double] = [], processor: [Double] = []
        for _ in 0..<max(1, repetitions) {
            let startProcessor = processorTime(), start = now()
            body()
            wall.append(now() - start)
            processor.append(processorTime() - startProcessor)
        }
        return (wall, processor)
    }
}

/// The median, minimum and maximum of a set of samples.
struct Spread {
    let median: Double
    let min: Double
    let max: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        if sorted.isEmpty {
            (median, min, max) = (0, 0, 0)
        } else {
            median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            min = sorted[0]
            max = sorted[sorted.count - 1]
        }
    }

    init(median: Double, min: Double, max: Double) {
        self.median = median
        self.min = min
        self.max = max
    }

    /// The spread of a quantity that is inversely proportional to time (a rate); min and max swap.
    func inverted(times factor: Double) -> Spread {
        Spread(median: median > 0 ? factor / median : 0, min: max > 0 ? factor / max : 0, max: min > 0 ? factor / min : 0)
    }

    /// Every value multiplied by a factor.
    func scaled(by factor: Double) -> Spread { Spread(median: median * factor, min: min * factor, max: max * factor) }
}

/// Resident memory of this process, from `/proc/self/status` (Linux).
enum Memory {
    /// A field of `/proc/self/status` in bytes (`VmRSS`, `VmHWM`), nil where unavailable.
    static func status(_ field: String) -> Int? {
        guard let text = readFile("/proc/self/status") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter { $0.isNumber }
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// Resets the peak resident size (`VmHWM`) to the current one; false where the kernel refuses.
    static func resetPeak() -> Bool {
        let descriptor = open("/proc/self/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return write(descriptor, "5", 1) == 1
    }

    /// A whole small file as text.
    static func readFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 4096) }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Running programs as whole processes (start-up times, memory in a fresh process).
enum Processes {
    /// The path of this executable.
    static var selfPath: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return CommandLine.arguments[0]
    }

    /// Runs a program to its end; its standard output is returned, standard error discarded.
    /// Returns nil when it could not be started or did not exit with 0.
    static func run(_ path: String, _ arguments: [String], captureOutput: Bool) -> String? {
        var pipeEnds: [Int32] = [0, 0]
        if captureOutput { guard pipe(&pipeEnds) == 0 else { return nil } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, path, &actions, nil, argv, environ)
        if captureOutput { close(pipeEnds[1]) }
        guard status == 0 else {
            if captureOutput { close(pipeEnds[0]) }
            return nil
        }
        var output: [UInt8] = []
        if captureOutput {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, 4096) }
                if count <= 0 { break }
                output += buffer[0..<count]
            }
            close(pipeEnds[0])
        }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        // WIFEXITED && WEXITSTATUS == 0, spelled out (the macros are not imported).
        guard exitStatus & 0x7F == 0, (exitStatus >> 8) & 0xFF == 0 else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether a file exists and is executable.
    static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

    /// The `charte` executable built beside this benchmark (measured as a whole process).
    static var charteBinary: String {
        selfPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/charte"
    }

    /// This user's folder for the benchmark's temporary files, made if missing.
    static func scratchFolder() -> String {
        let folder = "/tmp/charte-bench-\(getuid())"
        mkdir(folder, 0o700)
        return folder
    }

    /// The number the last line of this benchmark's output gives when run again with
    /// `arguments` (the `--interne-…` modes that measure peak memory in a fresh process).
    static func numberFromChild(_ arguments: [String]) -> Double? {
        guard let output = run(selfPath, arguments, captureOutput: true) else { return nil }
        return Double(output.trimmingSpaces.split(separator: "\n").last.map(String.init) ?? "")
    }

    /// The first executable named `name` in `PATH`.
    static func which(_ name: String) -> String? {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return nil }
        return path.split(separator: ":").map { "\($0)/\(name)" }.first(where: isExecutable)
    }
}

/// The machine's state, printed beside the results (other work on a shared machine slows them).
enum Machine {
    /// The load averages over 1, 5 and 15 minutes, and the number of cores.
    static var loadAverage: String {
        let averages = Memory.readFile("/proc/loadavg")?.split(separator: " ").prefix(3).joined(separator: " ") ?? "inconnue"
        return "\(averages) (\(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cœurs)"
    }
}

import Charte

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes and what it knows of its terminal: real or captured in tests.
public final class Console: @unchecked Sendable {
    /// Standard output so far (captured consoles only).
    public private(set) var capturedOut = ""
    /// Standard error so far (captured consoles only).
    public private(set) var capturedErr = ""
    /// Whether standard output is a terminal.
    public let outIsTerminal: Bool
    /// Whether standard error is a terminal.
    public let errIsTerminal: Bool
    /// Whether standard input is a terminal.
    public let inIsTerminal: Bool
    /// The process environment.
    public let environment: [String: String]
    /// Lines to read in place of standard input (captured consoles).
    private var inputLines: [String]?
    private let captured: Bool

    /// A console over the process's standard streams.
    public static func standard(environment: [String: String]) -> Console {
        Console(captured: false, environment: environment,
                outIsTerminal: isatty(1) == 1, errIsTerminal: isatty(2) == 1, inIsTerminal: isatty(0) == 1)
    }

    /// A console that records what is written, for tests.
    public static func capture(environment: [String: String] = [:], input: [String] = []) -> Console {
        let console = Console(captured: true, environment: environment, outIsTerminal: false, errIsTerminal: false, inIsTerminal: false)
        console.inputLines = input
        return console
    }

    private init(captured: Bool, environment: [String: String], outIsTerminal: Bool, errIsTerminal: Bool, inIsTerminal: Bool) {
        self.captured = captured
        self.environment = environment
        self.outIsTerminal = outIsTerminal
        self.errIsTerminal = errIsTerminal
        self.inIsTerminal = inIsTerminal
    }

    /// What `--color` asked for (`auto` unless given).
    public var colourChoice = ColourChoice.auto
    /// `--quiet`: no summary, warning or notice lines, only results and errors.
    public var quiet = false
    /// `--modeles DOSSIER` (repeatable), then the folders of `CHARTE_MODELES`: where `adapte` finds models.
    public var modelDirectories: [String] = []
    /// Where the charters read by a command find the models they adapt.
    public var modelSearch: ModelSearch {
        ModelSearch(directories: modelDirectories + ModelSearch.directories(fromEnvironment: environment["CHARTE_MODELES"]))
    }

    /// The width text answers wrap to: `COLUMNS` when set, else the terminal's width, else 80.
    public var textWidth: Int {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return !captured && outIsTerminal ? Terminal.columns(1) : 80
    }

    /// Whether colour may be used on standard error.
    public var colourOnErr: Bool { colourChoice.allows(terminal: errIsTerminal, environment: environment) }
    /// Whether colour may be used on standard output.
    public var colourOnOut: Bool { colourChoice.allows(terminal: outIsTerminal, environment: environment) }

    /// Writes a notice to standard error (a summary, a warning line), unless `--quiet`.
    public func notice(_ text: String) {
        if !quiet { err(text) }
    }

    /// The error (`errno`) of the first write to standard output that failed — a full disk,
    /// `/dev/full`, a closed pipe —, or nil. Later output is dropped; the command then exits 2.
    public private(set) var outputFailure: Int32?

    /// Writes to standard output.
    public func out(_ text: String) {
        if outputFailure != nil { return }
        if captured {
            capturedOut += text
        } else if outputFailure == nil {
            outputFailure = Console.write(text, to: 1)
        }
    }

    /// Makes the next writes to standard output fail as with `error` (tests of the failure path).
    public func simulateOutputFailure(_ error: Int32) { outputFailure = error }

    /// Writes to standard error.
    public func err(_ text: String) {
        if captured { capturedErr += text } else { _ = Console.write(text, to: 2) }
    }

    /// Reads one line from standard input (without its newline), nil at end of input.
    public func readLine() -> String? {
        switch readLine(atMost: Int.max) {
        case .line(let line)?: line
        case .tooLong?: ""
        case nil: nil
        }
    }

    /// A line of standard input, or the length of one longer than the limit (read to its end
    /// and dropped, so it never fills memory).
    public enum InputLine: Sendable, Hashable {
        case line(String)
        case tooLong(bytes: Int)
    }

    /// Bytes read from standard input and not yet returned.
    private var inputBuffer: [UInt8] = []
    private var inputStart = 0
    private var inputEnded = false

    /// Reads one line of at most `limit` bytes (without its line end, a final `\r` dropped),
    /// nil at end of input. A longer line is read to its end without being kept.
    public func readLine(atMost limit: Int) -> InputLine? {
        if captured {
            guard var lines = inputLines, !lines.isEmpty else { return nil }
            let line = lines.removeFirst()
            inputLines = lines
            return line.utf8.count > limit ? .tooLong(bytes: line.utf8.count) : .line(line)
        }
        var line: [UInt8] = []
        var length = 0
        var sawAny = false
        while true {
            if inputStart == inputBuffer.count {
                if inputEnded { break }
                refillInput()
                if inputStart == inputBuffer.count { break }
            }
            sawAny = true
            let end = inputBuffer[inputStart...].firstIndex(of: UInt8(ascii: "\n")) ?? inputBuffer.count
            let piece = end - inputStart
            if length + piece <= limit { line += inputBuffer[inputStart..<end] }
            length += piece
            inputStart = end
            if end < inputBuffer.count {
                inputStart += 1
                return finished(line, length: length, limit: limit)
            }
        }
        return sawAny ? finished(line, length: length, limit: limit) : nil
    }

    private func finished(_ line: [UInt8], length: Int, limit: Int) -> InputLine {
        if length > limit { return .tooLong(bytes: length) }
        var line = line
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return .line(String(decoding: line, as: UTF8.self))
    }

    /// Reads the next chunk of standard input (64 KiB at most).
    private func refillInput() {
        inputBuffer.removeAll(keepingCapacity: true)
        inputStart = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { inputEnded = true; return }
            inputBuffer = Array(chunk[..<count])
            return
        }
    }

    /// Writes all of `text`; the `errno` of a failed write, nil when everything was written.
    @discardableResult
    static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return written < 0 ? errno : EIO
            }
            offset += written
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal settings saved before raw mode, for the signal handlers to restore.
/// Written only on the main thread, before raw mode starts and after it ends.
nonisolated(unsafe) private var savedSettings: termios?
nonisolated(unsafe) private var savedDescriptor: Int32 = 0

/// The thin layer over the terminal: raw mode through termios, its size, byte reads
/// (writes go through `Console.write`).
///
/// Raw mode stays on for the whole interactive session (so keys typed while an answer is
/// being computed are neither lost nor echoed twice); the saved settings are put back at
/// exit and on every signal that ends the process, crashes included.
enum Terminal {
    /// Switches a terminal to raw mode (no echo, no line buffering, no signal keys):
    /// Ctrl-C then arrives as a byte and cancels the line instead of killing the session.
    /// Output processing is kept, so `\n` still starts a new line. False if not a terminal.
    static func enableRawMode(_ descriptor: Int32) -> Bool {
        var original = termios()
        guard isatty(descriptor) == 1, tcgetattr(descriptor, &original) == 0 else { return false }
        savedSettings = original
        savedDescriptor = descriptor
        var raw = original
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        // TCSADRAIN, not TCSAFLUSH: keys typed ahead must not be thrown away.
        guard tcsetattr(descriptor, TCSADRAIN, &raw) == 0 else {
            savedSettings = nil
            return false
        }
        return true
    }

    /// Puts back the settings saved by `enableRawMode`, if raw mode is on.
    static func restore() {
        guard var settings = savedSettings else { return }
        tcsetattr(savedDescriptor, TCSADRAIN, &settings)
        savedSettings = nil
    }

    /// Restores the terminal at exit and before dying of a signal: one sent (SIGTERM,
    /// SIGHUP, SIGQUIT, SIGINT from another process) or a crash (a Swift trap is SIGILL or
    /// SIGTRAP). The handler then dies of the same signal, so the exit status stays true.
    static func installHandlers() {
        atexit { Terminal.restore() }
        for number in [SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE] {
            signal(number) { number in
                // tcsetattr, signal and raise are async-signal-safe.
                if var settings = savedSettings { tcsetattr(savedDescriptor, TCSANOW, &settings) }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// The terminal's width in columns (80 when it cannot be known).
    static func columns(_ descriptor: Int32) -> Int {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// The outcome of waiting for one byte.
    enum Read {
        case byte(UInt8)
        /// Nothing came within the time allowed.
        case timeout
        /// End of input, or the terminal went away.
        case end
    }

    /// Reads one byte, waiting at most `milliseconds` (forever when nil).
    static func readByte(_ descriptor: Int32, milliseconds: Int32? = nil) -> Read {
        if let milliseconds {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, milliseconds)
            if ready == 0 { return .timeout }
            if ready < 0 { return errno == EINTR ? .timeout : .end }
        }
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1 { return .byte(byte) }
            if count < 0 && errno == EINTR { continue }
            return .end
        }
    }
}

import Testing
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built binary run on a pseudo-terminal: what a person at a real terminal would see.
final class PseudoTerminalSession {
    private let master: Int32
    private let process = Process()
    /// Every byte the program wrote so far.
    private var output: [UInt8] = []
    /// Everything the program wrote so far, as text.
    var screen: String { String(decoding: output, as: UTF8.self) }

    init(binary: String, arguments: [String], environment: [String: String]) throws {
        // Swift's Glibc module leaves out the pseudo-terminal calls: look them up in libc.
        typealias Open = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let libc = dlopen(nil, RTLD_NOW)
        guard let openSymbol = dlsym(libc, "posix_openpt"), let grantSymbol = dlsym(libc, "grantpt"),
              let unlockSymbol = dlsym(libc, "unlockpt"), let nameSymbol = dlsym(libc, "ptsname") else {
            throw BinaryMissing()
        }
        master = unsafeBitCast(openSymbol, to: Open.self)(O_RDWR | O_NOCTTY)
        guard master >= 0, unsafeBitCast(grantSymbol, to: Open.self)(master) == 0,
              unsafeBitCast(unlockSymbol, to: Open.self)(master) == 0,
              let name = unsafeBitCast(nameSymbol, to: Name.self)(master) else {
            throw BinaryMissing()
        }
        let follower = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard follower >= 0 else { throw BinaryMissing() }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(follower, UInt(TIOCSWINSZ), &size)
        let handle = FileHandle(fileDescriptor: follower, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// Types bytes, then waits until the screen shows `expected` (or two seconds pass).
    @discardableResult
    func type(_ keys: String, waitFor expected: String) -> Bool {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        return wait(for: expected)
    }

    /// Reads output until what comes after the current point contains `expected`.
    func wait(for expected: String, seconds: Double = 2) -> Bool {
        let start = output.count
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        func seen() -> Bool { String(decoding: output[start...], as: UTF8.self).contains(expected) }
        while Date() < deadline, !seen() {
            var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            output += buffer[..<count]
        }
        return seen()
    }

    /// Waits for the program to end; its exit status, or nil if it had to be killed.
    func finish() -> Int32? {
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning, Date() < deadline { _ = wait(for: "\u{0}", seconds: 0.05) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }

    deinit { close(master) }
}

struct ReplTerminalTests {
    @Test func editsCompletesAndRemembersOnARealTerminal() throws {
        guard let binary = charteBinary() else { return }
        let file = TemporaryCharter(replCharterText)
        let state = temporaryDirectory("charte-state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let environment = ["TERM": "xterm", "NO_COLOR": "1", "XDG_STATE_HOME": state]

        let first = try PseudoTerminalSession(binary: binary, arguments: ["repl", file.path], environment: environment)
        #expect(first.wait(for: "charte> "))
        // Tab completes the action, the type and the enumeration value; Enter answers.
        #expect(first.type("qui attr\t", waitFor: "qui attribuer_licence "))
        #expect(first.type("res\tcat\tma\t)\r", waitFor: "responsable  gestionnaire"))
        // Ctrl-C abandons a line and the session goes on.
        #expect(first.type("peut xyz\u{03}", waitFor: "^C"))
        // Arrows move inside a line with accents: the insertion lands at the cursor.
        #expect(first.type("taches gstionnaire\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[De\r",
                           waitFor: "Fiche de poste de « Gestionnaire »"))
        #expect(first.type("\u{04}", waitFor: "\n"))
        #expect(first.finish() == 0)

        let history = try String(contentsOfFile: state + "/charte/historique", encoding: .utf8)
        #expect(history == "qui attribuer_licence ressource(categorie: manuel)\ntaches gestionnaire\n")
        let mode = (try FileManager.default.attributesOfItem(atPath: state + "/charte/historique"))[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // A new session finds the history: Up twice, then Ctrl-R.
        let second = try PseudoTerminalSession(binary: binary, arguments: ["repl", file.path], environment: environment)
        #expect(second.wait(for: "charte> "))
        #expect(second.type("\u{1B}[A\u{1B}[A", waitFor: "qui attribuer_licence ressource(categorie: manuel)"))
        #expect(second.type("\u{15}\u{12}tach", waitFor: "(recherche) « tach » : taches gestionnaire"))
        #expect(second.type("\r", waitFor: "Fiche de poste de « Gestionnaire »"))
        #expect(second.type(":quitter\r", waitFor: "\n"))
        #expect(second.finish() == 0)
        #expect(!second.screen.contains("\u{1B}[1;34m"), "NO_COLOR: no coloured prompt")

        // --sans-historique neither offers nor records anything.
        let saved = try String(contentsOfFile: state + "/charte/historique", encoding: .utf8)
        #expect(saved.hasSuffix("taches gestionnaire\n:quitter\n"))
        let third = try PseudoTerminalSession(binary: binary, arguments: ["repl", "--sans-historique", file.path],
                                              environment: environment)
        #expect(third.wait(for: "charte> "))
        #expect(third.type("\u{1B}[A", waitFor: "\u{07}"))
        #expect(third.type("montre pilotage\r", waitFor: "tache pilotage"))
        #expect(third.type("\u{04}", waitFor: "\n"))
        #expect(third.finish() == 0)
        #expect(try String(contentsOfFile: state + "/charte/historique", encoding: .utf8) == saved)
    }
}

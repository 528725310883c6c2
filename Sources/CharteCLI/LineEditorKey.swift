/// One key press, decoded from the bytes a terminal sends.
public enum Key: Sendable, Hashable {
    /// A printable character (one Unicode scalar; the editor joins combining marks).
    case character(Character)
    /// Enter (CR or LF).
    case enter
    /// Tab (Ctrl-I).
    case tab
    /// Backspace (DEL or Ctrl-H).
    case backspace
    /// The Delete key (`ESC [ 3 ~`).
    case delete
    /// Arrow keys.
    case left, right, up, down
    /// Home and End (`ESC [ H`, `ESC O H`, `ESC [ 1 ~`, `ESC [ 7 ~`, and the End forms).
    case home, end
    /// Ctrl-Left / Alt-B and Ctrl-Right / Alt-F: one word left or right.
    case wordLeft, wordRight
    /// A control key other than those above, by its letter: `.control("a")` is Ctrl-A.
    case control(Character)
    /// A lone Escape key.
    case escape
}

/// Turns the raw bytes read from a terminal into keys, one byte at a time.
///
/// Escape sequences (`ESC [ … final`, `ESC O final`) and UTF-8 multibyte characters may
/// arrive split across reads, so the decoder keeps what it has seen of an unfinished key.
/// A lone Escape cannot be told from the start of a sequence by its bytes alone: the
/// terminal layer calls `flush()` when no byte follows it quickly.
public struct KeyDecoder: Sendable {
    private enum State: Sendable {
        case ground
        /// After ESC.
        case escape
        /// After `ESC [`, with the parameter bytes so far.
        case csi([UInt8])
        /// After `ESC O`.
        case ss3
        /// Inside a UTF-8 character: the bytes so far and how many it needs in all.
        case utf8([UInt8], needed: Int)
    }

    private var state: State = .ground

    /// A decoder waiting for the first byte of a key.
    public init() {}

    /// Whether the decoder holds the beginning of an unfinished key.
    public var isPending: Bool {
        if case .ground = state { return false }
        return true
    }

    /// Feeds one byte; returns the keys it completes (usually zero or one).
    public mutating func feed(_ byte: UInt8) -> [Key] {
        switch state {
        case .ground:
            return ground(byte)
        case .escape:
            switch byte {
            case UInt8(ascii: "["):
                state = .csi([])
                return []
            case UInt8(ascii: "O"):
                state = .ss3
                return []
            case UInt8(ascii: "b"), UInt8(ascii: "B"):
                state = .ground
                return [.wordLeft]
            case UInt8(ascii: "f"), UInt8(ascii: "F"):
                state = .ground
                return [.wordRight]
            case 0x1B:
                // ESC ESC: the first one was a lone Escape; the second may start a sequence.
                state = .escape
                return [.escape]
            default:
                // Alt plus a key we do not bind: drop the Escape, keep the key.
                state = .ground
                return ground(byte)
            }
        case .csi(let parameters):
            if (0x30...0x3F).contains(byte) || (0x20...0x2F).contains(byte) {
                guard parameters.count < 16 else {
                    state = .ground
                    return []
                }
                state = .csi(parameters + [byte])
                return []
            }
            state = .ground
            return Self.csiKey(parameters: parameters, final: byte).map { [$0] } ?? []
        case .ss3:
            state = .ground
            switch byte {
            case UInt8(ascii: "A"): return [.up]
            case UInt8(ascii: "B"): return [.down]
            case UInt8(ascii: "C"): return [.right]
            case UInt8(ascii: "D"): return [.left]
            case UInt8(ascii: "H"): return [.home]
            case UInt8(ascii: "F"): return [.end]
            default: return []
            }
        case .utf8(let bytes, let needed):
            guard byte & 0xC0 == 0x80 else {
                // A broken sequence: drop it and read this byte afresh.
                state = .ground
                return ground(byte)
            }
            let all = bytes + [byte]
            guard all.count == needed else {
                state = .utf8(all, needed: needed)
                return []
            }
            state = .ground
            return Self.character(from: all).map { [.character($0)] } ?? []
        }
    }

    /// Ends an unfinished key: a pending ESC becomes `.escape`; anything else is dropped.
    public mutating func flush() -> [Key] {
        defer { state = .ground }
        if case .escape = state { return [.escape] }
        return []
    }

    /// Decodes every byte of a sequence, then flushes (convenient for tests and pastes).
    public static func keys(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return bytes.flatMap { decoder.feed($0) } + decoder.flush()
    }

    /// Decodes the bytes of a string (`"\u{1B}[A"` is the Up arrow).
    public static func keys(_ text: String) -> [Key] { keys(Array(text.utf8)) }

    // MARK: - Bytes to keys

    private mutating func ground(_ byte: UInt8) -> [Key] {
        switch byte {
        case 0x1B:
            state = .escape
            return []
        case 0x0D, 0x0A: return [.enter]
        case 0x09: return [.tab]
        case 0x7F, 0x08: return [.backspace]
        case 0x00: return []
        case 0x01...0x1A:
            return [.control(Character(Unicode.Scalar(byte + 0x60)))]
        case 0x1C...0x1F: return []
        case 0x20...0x7E:
            return [.character(Character(Unicode.Scalar(byte)))]
        case 0xC2...0xDF:
            state = .utf8([byte], needed: 2)
            return []
        case 0xE0...0xEF:
            state = .utf8([byte], needed: 3)
            return []
        case 0xF0...0xF4:
            state = .utf8([byte], needed: 4)
            return []
        default:
            // A stray continuation byte or an invalid lead byte.
            return []
        }
    }

    /// The key of `ESC [ parameters final`.
    private static func csiKey(parameters: [UInt8], final: UInt8) -> Key? {
        let text = String(decoding: parameters, as: UTF8.self)
        // `1;5C` is Ctrl-Right; other modifiers (Shift, Alt) act like the plain key.
        let fields = text.split(separator: ";", omittingEmptySubsequences: false)
        let control = fields.count > 1 && fields[1] == "5"
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return control ? .wordRight : .right
        case UInt8(ascii: "D"): return control ? .wordLeft : .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "~"):
            switch fields.first ?? "" {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            default: return nil
            }
        default: return nil
        }
    }

    /// The character a complete UTF-8 sequence encodes, nil when it is not valid UTF-8.
    private static func character(from bytes: [UInt8]) -> Character? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        guard iterator.next() == nil else { return nil }
        return Character(scalar)
    }
}

import Charte

/// What the terminal layer should do after the editor handled a key.
public enum EditorEvent: Sendable, Hashable {
    /// Nothing changed.
    case none
    /// The line or the cursor changed: redraw it.
    case redraw
    /// The key did nothing useful (no completion, nothing to delete): ring the bell.
    case bell
    /// Enter: this line is submitted; the editor is ready for the next one.
    case submit(String)
    /// Ctrl-C: the line was abandoned; the editor is ready for a fresh one.
    case cancel
    /// Ctrl-D on an empty line: the session ends.
    case endOfInput
    /// Tab found several candidates and could not complete further: show them.
    case candidates([String])
    /// Ctrl-L: clear the screen, then redraw.
    case clearScreen
}

/// A single-line editor as a pure state machine: keys in, line and cursor out.
///
/// No terminal here: the terminal layer decodes bytes into keys, feeds them to `handle`,
/// and redraws with `LineRenderer`. Tests feed keys and read `line` and `cursor`.
public struct LineEditor: Sendable {
    /// Proposes completions for the line and the cursor (in characters).
    public typealias Completer = @Sendable (_ line: String, _ cursor: Int) -> Completion

    /// The characters of the line being edited.
    public internal(set) var buffer: [Character] = []
    /// The cursor, in characters from the start of the line (0…buffer.count).
    public internal(set) var cursor = 0
    /// The earlier lines, for Up, Down and Ctrl-R.
    public internal(set) var history: History
    /// The reverse incremental search under way (Ctrl-R), if any.
    public internal(set) var search: ReverseSearch?
    /// The Tab completion hook.
    public var completer: Completer?
    /// The longest line, in characters (`Limits.inputLine`): typing past it rings the bell.
    public var maximumLength = Limits.standard.inputLine

    /// Which history entry is shown; `history.count` means the line being typed.
    var historyPosition: Int
    /// The line being typed, kept while browsing the history.
    var draft: [Character] = []
    /// The text last cut by Ctrl-U, Ctrl-K or Ctrl-W, for Ctrl-Y.
    var killed: [Character] = []

    /// An empty editor over a history.
    public init(history: History = History(), completer: Completer? = nil) {
        self.history = history
        self.completer = completer
        self.historyPosition = history.count
    }

    /// The line as text.
    public var line: String { String(buffer) }

    /// Handles one key.
    public mutating func handle(_ key: Key) -> EditorEvent {
        if search != nil, let event = handleSearching(key) { return event }
        switch key {
        case .character(let character): return insert(character)
        case .enter: return submit()
        case .tab: return complete()
        case .backspace: return deleteBackward()
        case .delete: return deleteForward()
        case .left: return move(to: cursor - 1)
        case .right: return move(to: cursor + 1)
        case .home: return move(to: 0)
        case .end: return move(to: buffer.count)
        case .wordLeft: return move(to: wordStart(before: cursor))
        case .wordRight: return move(to: wordEnd(after: cursor))
        case .up: return recall(historyPosition - 1)
        case .down: return recall(historyPosition + 1)
        case .escape: return .none
        case .control(let letter): return control(letter)
        }
    }

    private mutating func control(_ letter: Character) -> EditorEvent {
        switch letter {
        case "a": return move(to: 0)
        case "e": return move(to: buffer.count)
        case "b": return move(to: cursor - 1)
        case "f": return move(to: cursor + 1)
        case "p": return recall(historyPosition - 1)
        case "n": return recall(historyPosition + 1)
        case "d": return buffer.isEmpty ? .endOfInput : deleteForward()
        case "u": return kill(0..<cursor)
        case "k": return kill(cursor..<buffer.count)
        case "w": return kill(blankDelimitedWordStart(before: cursor)..<cursor)
        case "y": return insert(killed)
        case "c":
            startLine()
            return .cancel
        case "r": return startSearch()
        case "l": return .clearScreen
        default: return .none
        }
    }

    // MARK: - Editing

    /// Inserts a character at the cursor, joining a combining mark to the character before it.
    private mutating func insert(_ character: Character) -> EditorEvent {
        if cursor > 0 {
            let joined = String(buffer[cursor - 1]) + String(character)
            if joined.count == 1, let single = joined.first {
                buffer[cursor - 1] = single
                return .redraw
            }
        }
        return insert([character])
    }

    private mutating func insert(_ characters: [Character]) -> EditorEvent {
        // A line longer than the REPL reads from a pipe is not built here either (a huge paste).
        guard !characters.isEmpty, buffer.count + characters.count <= maximumLength else { return .bell }
        buffer.insert(contentsOf: characters, at: cursor)
        cursor += characters.count
        return .redraw
    }

    private mutating func deleteBackward() -> EditorEvent {
        guard cursor > 0 else { return .bell }
        buffer.remove(at: cursor - 1)
        cursor -= 1
        return .redraw
    }

    private mutating func deleteForward() -> EditorEvent {
        guard cursor < buffer.count else { return .bell }
        buffer.remove(at: cursor)
        return .redraw
    }

    private mutating func kill(_ range: Range<Int>) -> EditorEvent {
        guard !range.isEmpty else { return .bell }
        killed = Array(buffer[range])
        buffer.removeSubrange(range)
        cursor = range.lowerBound
        return .redraw
    }

    private mutating func move(to position: Int) -> EditorEvent {
        let clamped = min(max(position, 0), buffer.count)
        guard clamped != cursor else { return .none }
        cursor = clamped
        return .redraw
    }

    /// Submits the line and gets ready for the next one.
    private mutating func submit() -> EditorEvent {
        let submitted = line
        history.add(submitted)
        startLine()
        return .submit(submitted)
    }

    /// Empties the line and returns to the end of the history.
    mutating func startLine() {
        buffer = []
        cursor = 0
        draft = []
        search = nil
        historyPosition = history.count
    }

    // MARK: - Words

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The start of the word before `position` (letters, digits and `_`).
    func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, !Self.isWordCharacter(buffer[index - 1]) { index -= 1 }
        while index > 0, Self.isWordCharacter(buffer[index - 1]) { index -= 1 }
        return index
    }

    /// The end of the word after `position`.
    func wordEnd(after position: Int) -> Int {
        var index = position
        while index < buffer.count, !Self.isWordCharacter(buffer[index]) { index += 1 }
        while index < buffer.count, Self.isWordCharacter(buffer[index]) { index += 1 }
        return index
    }

    /// The start of the blank-delimited word before `position`, as Ctrl-W cuts it.
    func blankDelimitedWordStart(before position: Int) -> Int {
        var index = position
        while index > 0, buffer[index - 1].isWhitespace { index -= 1 }
        while index > 0, !buffer[index - 1].isWhitespace { index -= 1 }
        return index
    }

    // MARK: - History

    /// Shows history entry `position` (or the draft line at `history.count`).
    private mutating func recall(_ position: Int) -> EditorEvent {
        guard position >= 0, position <= history.count, position != historyPosition else { return .bell }
        if historyPosition == history.count { draft = buffer }
        historyPosition = position
        buffer = position == history.count ? draft : Array(history.entries[position])
        cursor = buffer.count
        return .redraw
    }

    // MARK: - Completion

    private mutating func complete() -> EditorEvent {
        guard let completer else { return .bell }
        let completion = completer(line, cursor)
        let start = min(max(completion.start, 0), cursor)
        let typed = buffer[start..<cursor]
        switch completion.candidates.count {
        case 0:
            return .bell
        case 1:
            buffer.replaceSubrange(start..<cursor, with: Array(completion.candidates[0] + completion.suffix))
            cursor = start + completion.candidates[0].count + completion.suffix.count
            return .redraw
        default:
            let common = Self.commonPrefix(completion.candidates)
            guard common.count > typed.count else { return .candidates(completion.candidates) }
            buffer.replaceSubrange(start..<cursor, with: common)
            cursor = start + common.count
            return .redraw
        }
    }

    /// The longest common prefix of several words, in characters.
    static func commonPrefix(_ words: [String]) -> [Character] {
        guard let first = words.first else { return [] }
        var prefix = Array(first)
        for word in words.dropFirst() {
            let characters = Array(word)
            var length = 0
            while length < prefix.count, length < characters.count, prefix[length] == characters[length] { length += 1 }
            prefix.removeSubrange(length...)
        }
        return prefix
    }
}

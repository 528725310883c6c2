/// The state of a reverse incremental search through the history (Ctrl-R).
public struct ReverseSearch: Sendable, Hashable {
    /// What has been typed so far.
    public internal(set) var pattern: [Character] = []
    /// The history entry found, if any.
    public internal(set) var match: Int?
    /// Whether the last attempt found nothing (the prompt says so).
    public internal(set) var failed = false
    /// The line and cursor before the search, restored by Ctrl-G or Escape.
    let original: [Character]
    let originalCursor: Int
}

extension LineEditor {
    /// Starts a search from the newest entry.
    mutating func startSearch() -> EditorEvent {
        if historyPosition == history.count { draft = buffer }
        search = ReverseSearch(original: buffer, originalCursor: cursor)
        return .redraw
    }

    /// Handles a key during a search; nil when the key ends the search and is then
    /// handled as usual (an arrow, Home, Ctrl-A… accept the line found and act on it).
    mutating func handleSearching(_ key: Key) -> EditorEvent? {
        guard var state = search else { return nil }
        switch key {
        case .character(let character):
            state.pattern.append(character)
            search = state
            return find(from: state.match ?? history.count - 1)
        case .backspace:
            guard !state.pattern.isEmpty else { return .bell }
            state.pattern.removeLast()
            search = state
            return find(from: history.count - 1)
        case .control("r"):
            guard !state.pattern.isEmpty else { return .bell }
            return find(from: (state.match ?? history.count) - 1)
        case .control("g"), .escape:
            buffer = state.original
            cursor = state.originalCursor
            search = nil
            return .redraw
        case .control("c"):
            startLine()
            return .cancel
        case .enter:
            search = nil
            return nil
        default:
            search = nil
            return nil
        }
    }

    /// Looks for the pattern in entries `position`, `position - 1`, … down to the oldest;
    /// shows the entry found with the cursor on the match.
    private mutating func find(from position: Int) -> EditorEvent {
        guard var state = search else { return .none }
        var index = min(position, history.count - 1)
        while index >= 0 {
            let entry = Array(history.entries[index])
            if let offset = Self.lastOccurrence(of: state.pattern, in: entry) {
                state.match = index
                state.failed = false
                search = state
                buffer = entry
                cursor = offset
                historyPosition = index
                return .redraw
            }
            index -= 1
        }
        state.failed = true
        search = state
        return .bell
    }

    /// Where `pattern` last occurs in `text`, in characters; an empty pattern matches at the end.
    static func lastOccurrence(of pattern: [Character], in text: [Character]) -> Int? {
        guard pattern.count <= text.count else { return nil }
        guard !pattern.isEmpty else { return text.count }
        var start = text.count - pattern.count
        while start >= 0 {
            if text[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
            start -= 1
        }
        return nil
    }
}

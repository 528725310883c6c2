/// Draws the editor's line on a terminal: the prompt, the part of the line that fits,
/// and the cursor in the right column even after wide or accented characters.
///
/// The whole line is redrawn each time (`\r`, prompt, text, erase to the end, then the
/// cursor moved back by columns); a line wider than the terminal scrolls sideways so the
/// cursor stays visible.
public struct LineRenderer: Sendable {
    /// The prompt shown before the line (`charte> `).
    public var prompt: String
    /// Whether the prompt may be coloured.
    public var colour: Bool

    /// A renderer with a prompt.
    public init(prompt: String, colour: Bool) {
        self.prompt = prompt
        self.colour = colour
    }

    /// The prompt shown during a Ctrl-R search.
    public static func searchPrompt(_ search: ReverseSearch) -> String {
        "(recherche\(search.failed ? " sans résultat" : "")) « \(String(search.pattern)) » : "
    }

    /// The bytes that redraw the line of `editor` on a terminal `columns` wide; with
    /// `cursorAtEnd`, as if the cursor were at the end (before leaving the line).
    public func render(_ editor: LineEditor, columns: Int, cursorAtEnd: Bool = false) -> String {
        let cursor = cursorAtEnd ? editor.buffer.count : editor.cursor
        let shownPrompt = editor.search.map(Self.searchPrompt) ?? prompt
        let promptWidth = DisplayWidth.of(shownPrompt)
        let widths = editor.buffer.map { DisplayWidth.of($0) }
        let available = max(columns - promptWidth - 1, 1)
        var first = 0
        var beforeCursor = widths[..<cursor].reduce(0, +)
        while beforeCursor > available, first < cursor {
            beforeCursor -= widths[first]
            first += 1
        }
        var last = first
        var used = 0
        while last < widths.count, used + widths[last] <= available {
            used += widths[last]
            last += 1
        }
        let column = promptWidth + beforeCursor
        var output = "\r"
        output += colour && editor.search == nil ? Style.prompt(shownPrompt) : shownPrompt
        output += String(editor.buffer[first..<max(last, first)])
        output += "\u{1B}[K\r"
        if column > 0 { output += "\u{1B}[\(column)C" }
        return output
    }
}

/// The few escape sequences the REPL uses, in one place.
enum Style {
    /// A bold blue prompt.
    static func prompt(_ text: String) -> String { "\u{1B}[1;34m" + text + "\u{1B}[0m" }
    /// Red text, for errors.
    static func error(_ text: String) -> String { "\u{1B}[31m" + text + "\u{1B}[0m" }
    /// Dim text, for candidate lists and hints.
    static func dim(_ text: String) -> String { "\u{1B}[2m" + text + "\u{1B}[0m" }
    /// Clears the screen and puts the cursor at the top left.
    static let clearScreen = "\u{1B}[H\u{1B}[2J"
}

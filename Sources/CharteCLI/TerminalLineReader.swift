/// Reads lines from a real terminal with the line editor: bytes → keys → editor → redraw.
///
/// Everything that decides lives in `KeyDecoder`, `LineEditor` and `LineRenderer`; this
/// type only moves bytes between them and the terminal.
final class TerminalLineReader {
    /// How long to wait after ESC before taking it as the Escape key.
    static let escapeDelay: Int32 = 50

    private let input: Int32
    private let output: Int32
    /// The editor, kept from line to line (its history grows as lines are submitted).
    var editor: LineEditor
    private let renderer: LineRenderer

    /// A reader on standard input and output.
    init(editor: LineEditor, renderer: LineRenderer, input: Int32 = 0, output: Int32 = 1) {
        self.editor = editor
        self.renderer = renderer
        self.input = input
        self.output = output
    }

    /// Reads one line; nil at the end of the session (Ctrl-D on an empty line, end of input).
    /// The terminal must be in raw mode (`Terminal.enableRawMode`).
    func readLine() -> String? {
        var decoder = KeyDecoder()
        redraw()
        while true {
            let keys: [Key]
            switch Terminal.readByte(input, milliseconds: decoder.isPending ? Self.escapeDelay : nil) {
            case .byte(let byte): keys = decoder.feed(byte)
            case .timeout: keys = decoder.flush()
            case .end:
                write("\n")
                return nil
            }
            for key in keys {
                let before = editor
                switch editor.handle(key) {
                case .none:
                    break
                case .redraw:
                    redraw()
                case .bell:
                    write("\u{07}")
                    redraw()
                case .submit(let line):
                    write(leaving(before) + "\n")
                    return line
                case .cancel:
                    write(leaving(before) + "^C\n")
                    redraw()
                case .endOfInput:
                    write("\n")
                    return nil
                case .candidates(let candidates):
                    write("\n" + Self.table(candidates, columns: Terminal.columns(output)))
                    redraw()
                case .clearScreen:
                    write(Style.clearScreen)
                    redraw()
                }
            }
        }
    }

    /// The line as it stays on screen once left: after the prompt (not the search prompt),
    /// with the cursor at its end.
    private func leaving(_ editor: LineEditor) -> String {
        var shown = editor
        shown.search = nil
        return renderer.render(shown, columns: Terminal.columns(output), cursorAtEnd: true)
    }

    private func redraw() {
        write(renderer.render(editor, columns: Terminal.columns(output)))
    }

    private func write(_ text: String) {
        Console.write(text, to: output)
    }

    /// Candidates laid out in columns, as shells list them.
    static func table(_ candidates: [String], columns: Int) -> String {
        let width = (candidates.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let perRow = max(1, columns / width)
        var text = ""
        for (index, candidate) in candidates.enumerated() {
            let last = index % perRow == perRow - 1 || index == candidates.count - 1
            text += candidate + (last ? "\n" : String(repeating: " ", count: width - DisplayWidth.of(candidate)))
        }
        return text
    }
}

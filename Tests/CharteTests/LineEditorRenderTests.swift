import Testing
import Charte
@testable import CharteCLI

/// An editor after typing bytes.
private func editor(_ bytes: String, history: [String] = []) -> LineEditor {
    var editor = LineEditor(history: History(entries: history))
    for key in KeyDecoder.keys(bytes) { _ = editor.handle(key) }
    return editor
}

private let plain = LineRenderer(prompt: "charte> ", colour: false)

struct DisplayWidthTests {
    @Test(arguments: [
        ("qui", 3), ("élève", 5), ("e\u{301}le\u{300}ve", 5), ("漢字", 4), ("ｑ", 2), ("한글", 4),
        ("😀", 2), ("❤️", 2), ("👩‍💻", 2), ("«\u{A0}»", 3), ("\u{200B}", 0),
    ])
    func measures(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }
}

struct LineRendererTests {
    @Test(arguments: [
        ("qui", "\rcharte> qui\u{1B}[K\r\u{1B}[11C"),
        ("qui\u{01}", "\rcharte> qui\u{1B}[K\r\u{1B}[8C"),
        ("élève\u{1B}[D\u{1B}[D\u{1B}[D", "\rcharte> élève\u{1B}[K\r\u{1B}[10C"),
        ("e\u{301}cole\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D", "\rcharte> e\u{301}cole\u{1B}[K\r\u{1B}[9C"),
        ("漢字x\u{1B}[D", "\rcharte> 漢字x\u{1B}[K\r\u{1B}[12C"),
        ("😀a\u{1B}[D", "\rcharte> 😀a\u{1B}[K\r\u{1B}[10C"),
        ("", "\rcharte> \u{1B}[K\r\u{1B}[8C"),
    ])
    func placesTheCursorByColumns(bytes: String, output: String) {
        #expect(plain.render(editor(bytes), columns: 80) == output)
    }

    @Test func aLongLineScrollsToKeepTheCursorVisible() {
        let renderer = LineRenderer(prompt: "> ", colour: false)
        let long = String(repeating: "a", count: 20) + String(repeating: "b", count: 10)
        #expect(renderer.render(editor(long), columns: 20) == "\r> " + String(repeating: "a", count: 7) + String(repeating: "b", count: 10) + "\u{1B}[K\r\u{1B}[19C")
        #expect(renderer.render(editor(long + "\u{01}"), columns: 20) == "\r> " + String(repeating: "a", count: 17) + "\u{1B}[K\r\u{1B}[2C")
    }

    @Test func aLongWideLineNeverSplitsACharacter() {
        let renderer = LineRenderer(prompt: "> ", colour: false)
        let output = renderer.render(editor(String(repeating: "漢", count: 12)), columns: 20)
        #expect(output == "\r> " + String(repeating: "漢", count: 8) + "\u{1B}[K\r\u{1B}[18C")
    }

    @Test func showsTheSearchPrompt() {
        let searching = editor("\u{12}doc", history: ["taches doc", "qui preter"])
        #expect(plain.render(searching, columns: 80) == "\r(recherche) « doc » : taches doc\u{1B}[K\r\u{1B}[29C")
        let failed = editor("\u{12}zz", history: ["taches doc"])
        #expect(plain.render(failed, columns: 80) == "\r(recherche sans résultat) « zz » : \u{1B}[K\r\u{1B}[35C")
    }

    @Test func canDrawTheCursorAtTheEndBeforeLeavingTheLine() {
        #expect(plain.render(editor("qui\u{01}"), columns: 80, cursorAtEnd: true) == "\rcharte> qui\u{1B}[K\r\u{1B}[11C")
    }

    @Test func coloursThePromptOnlyWhenAsked() {
        let coloured = LineRenderer(prompt: "charte> ", colour: true)
        #expect(coloured.render(editor("qui"), columns: 80) == "\r\u{1B}[1;34mcharte> \u{1B}[0mqui\u{1B}[K\r\u{1B}[11C")
    }
}

import Testing
import Charte
@testable import CharteCLI

/// Feeds terminal bytes (escape sequences included) to an editor; returns the events.
@discardableResult
private func type(_ bytes: String, into editor: inout LineEditor) -> [EditorEvent] {
    KeyDecoder.keys(bytes).map { editor.handle($0) }
}

/// The line and the cursor after typing bytes into a fresh editor.
private func edit(_ bytes: String, history: [String] = []) -> (line: String, cursor: Int) {
    var editor = LineEditor(history: History(entries: history))
    type(bytes, into: &editor)
    return (editor.line, editor.cursor)
}

private let esc = "\u{1B}"

// MARK: - Key decoding

struct KeyDecoderTests {
    @Test(arguments: [
        ("\u{1B}[A", [Key.up]), ("\u{1B}[B", [.down]), ("\u{1B}[C", [.right]), ("\u{1B}[D", [.left]),
        ("\u{1B}[H", [.home]), ("\u{1B}[F", [.end]), ("\u{1B}OH", [.home]), ("\u{1B}OF", [.end]),
        ("\u{1B}OA", [.up]), ("\u{1B}[1~", [.home]), ("\u{1B}[4~", [.end]), ("\u{1B}[7~", [.home]),
        ("\u{1B}[8~", [.end]), ("\u{1B}[3~", [.delete]), ("\u{1B}[1;5C", [.wordRight]),
        ("\u{1B}[1;5D", [.wordLeft]), ("\u{1B}b", [.wordLeft]), ("\u{1B}f", [.wordRight]),
        ("\u{1B}", [.escape]), ("\u{1B}\u{1B}[A", [.escape, .up]),
        ("\r", [.enter]), ("\n", [.enter]), ("\t", [.tab]), ("\u{7F}", [.backspace]), ("\u{08}", [.backspace]),
        ("\u{01}", [.control("a")]), ("\u{05}", [.control("e")]), ("\u{12}", [.control("r")]),
        ("\u{03}", [.control("c")]), ("\u{04}", [.control("d")]),
        ("qé", [.character("q"), .character("é")]), ("€", [.character("€")]), ("漢", [.character("漢")]),
        ("😀", [.character("😀")]), ("\u{1B}[2~x", [.character("x")]), ("\u{1B}[99Zx", [.character("x")]),
    ])
    func decodes(bytes: String, keys: [Key]) {
        #expect(KeyDecoder.keys(bytes) == keys)
    }

    @Test func decodesUTF8SplitAcrossReads() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(0xE2) == [])
        #expect(decoder.isPending)
        #expect(decoder.feed(0x82) == [])
        #expect(decoder.feed(0xAC) == [.character("€")])
        #expect(!decoder.isPending)
    }

    @Test func dropsInvalidUTF8AndKeepsGoing() {
        #expect(KeyDecoder.keys([0xC3, 0x41, 0xFF, 0x80, 0x42]) == [.character("A"), .character("B")])
        #expect(KeyDecoder.keys([0xED, 0xA0, 0x80, 0x43]) == [.character("C")])  // a UTF-16 surrogate
    }

    @Test func escapeWaitsForItsSequence() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(0x1B) == [])
        #expect(decoder.isPending)
        #expect(decoder.flush() == [.escape])
        #expect(decoder.flush() == [])
    }
}

// MARK: - Editing keys

struct LineEditorTests {
    @Test(arguments: [
        ("qui", "qui", 3),
        ("qui\(esc)[D\(esc)[D", "qui", 1),
        ("qui\(esc)[D\(esc)[D\(esc)[C", "qui", 2),
        ("qui\(esc)[Hx", "xqui", 1),
        ("qui\u{01}x", "xqui", 1),
        ("qui\u{01}\(esc)[Fx", "quix", 4),
        ("qui\u{01}\u{05}x", "quix", 4),
        ("qui\u{01}\(esc)OFx", "quix", 4),
        ("qui\u{01}\(esc)[4~x", "quix", 4),
        ("qui\(esc)[1~x", "xqui", 1),
        ("qui\u{7F}", "qu", 2),
        ("qui\u{01}\u{7F}", "qui", 0),
        ("qui\u{01}\(esc)[3~", "ui", 0),
        ("qui\(esc)[3~", "qui", 3),
        ("qui\u{01}\u{04}", "ui", 0),
        ("peut doc\u{15}", "", 0),
        ("peut doc\(esc)[D\(esc)[D\u{15}", "oc", 0),
        ("peut doc\u{01}\u{0B}", "", 0),
        ("peut doc\(esc)[D\(esc)[D\u{0B}", "peut d", 6),
        ("peut doc preter\u{17}", "peut doc ", 9),
        ("peut doc preter  \u{17}", "peut doc ", 9),
        ("peut doc\u{17}\u{17}", "", 0),
        ("ressource(categorie: ma\u{17}", "ressource(categorie: ", 21),
        ("peut doc\u{17}\u{19}\u{19}", "peut docdoc", 11),
        ("peut doc preter\(esc)b\(esc)b", "peut doc preter", 5),
        ("peut doc preter\u{01}\(esc)f", "peut doc preter", 4),
        ("peut doc\(esc)[1;5D\(esc)[1;5Dx", "xpeut doc", 1),
        ("qui\u{02}\u{02}\u{06}", "qui", 2),
        ("\(esc)[D\(esc)[C", "", 0),
        ("élève", "élève", 5),
        ("élève\(esc)[D\(esc)[D\u{7F}", "élve", 2),
        ("e\u{301}\(esc)[Dx", "xé", 1),
        ("漢字\(esc)[Dx", "漢x字", 2),
        ("a😀b\(esc)[D\(esc)[D\u{7F}", "😀b", 0),
    ])
    func edits(bytes: String, line: String, cursor: Int) {
        let result = edit(bytes)
        #expect(result.line == line)
        #expect(result.cursor == cursor)
    }

    @Test func combiningMarkJoinsTheCharacterBefore() {
        var editor = LineEditor()
        type("e\u{301}", into: &editor)
        #expect(editor.buffer == ["é"])
        #expect(editor.cursor == 1)
    }

    @Test func enterSubmitsAndClears() {
        var editor = LineEditor()
        let events = type("qui preter\r", into: &editor)
        #expect(events.last == .submit("qui preter"))
        #expect(editor.line == "")
        #expect(editor.cursor == 0)
        #expect(editor.history.entries == ["qui preter"])
    }

    @Test func enterWithTheCursorInsideSubmitsTheWholeLine() {
        var editor = LineEditor()
        #expect(type("qui preter\u{01}\r", into: &editor).last == .submit("qui preter"))
    }

    @Test func ctrlCCancelsTheLineOnly() {
        var editor = LineEditor()
        let events = type("peut doc\u{03}", into: &editor)
        #expect(events.last == .cancel)
        #expect(editor.line == "")
        #expect(type("qui\r", into: &editor).last == .submit("qui"))
    }

    @Test func ctrlDEndsOnlyAnEmptyLine() {
        var editor = LineEditor()
        #expect(type("\u{04}", into: &editor) == [.endOfInput])
        #expect(type("ab\u{01}\u{04}", into: &editor).last == .redraw)
        #expect(editor.line == "b")
        #expect(type("\u{05}\u{04}", into: &editor).last == .bell)
    }

    @Test func ctrlLAsksToClearTheScreen() {
        var editor = LineEditor()
        #expect(type("qui\u{0C}", into: &editor).last == .clearScreen)
        #expect(editor.line == "qui")
    }

    @Test func backspaceAtTheStartRingsTheBell() {
        var editor = LineEditor()
        #expect(type("\u{7F}", into: &editor) == [.bell])
    }
}

// MARK: - History keys

struct LineEditorHistoryTests {
    private let history = ["qui preter", "peut doc preter", "taches doc"]

    @Test func upRecallsNewestFirstAndDownReturnsToTheDraft() {
        var editor = LineEditor(history: History(entries: history))
        type("mon", into: &editor)
        type("\(esc)[A", into: &editor)
        #expect(editor.line == "taches doc")
        #expect(editor.cursor == 10)
        type("\(esc)[A\(esc)[A", into: &editor)
        #expect(editor.line == "qui preter")
        #expect(type("\(esc)[A", into: &editor) == [.bell])
        type("\(esc)[B\(esc)[B\(esc)[B", into: &editor)
        #expect(editor.line == "mon")
        #expect(type("\(esc)[B", into: &editor) == [.bell])
    }

    @Test func ctrlPAndCtrlNBrowseToo() {
        #expect(edit("\u{10}\u{10}", history: history).line == "peut doc preter")
        #expect(edit("\u{10}\u{10}\u{0E}", history: history).line == "taches doc")
    }

    @Test func aRecalledLineCanBeEditedAndSubmitted() {
        var editor = LineEditor(history: History(entries: history))
        let events = type("\(esc)[A\u{17}compta\r", into: &editor)
        #expect(events.last == .submit("taches compta"))
        #expect(editor.history.entries == history + ["taches compta"])
        type("\(esc)[A", into: &editor)
        #expect(editor.line == "taches compta")
    }

    @Test func resubmittingMovesTheEntryToTheEnd() {
        var editor = LineEditor(history: History(entries: history))
        type("\(esc)[A\(esc)[A\(esc)[A\r", into: &editor)
        #expect(editor.history.entries == ["peut doc preter", "taches doc", "qui preter"])
    }
}

// MARK: - Reverse search

struct LineEditorSearchTests {
    private let history = ["qui preter", "peut doc preter", "taches doc", "montre preter"]

    @Test func ctrlRFindsTheNewestMatchThenOlderOnes() {
        var editor = LineEditor(history: History(entries: history))
        type("\u{12}pre", into: &editor)
        #expect(editor.search?.pattern == ["p", "r", "e"])
        #expect(editor.line == "montre preter")
        #expect(editor.cursor == 7)
        type("\u{12}", into: &editor)
        #expect(editor.line == "peut doc preter")
        type("\u{12}", into: &editor)
        #expect(editor.line == "qui preter")
        #expect(type("\u{12}", into: &editor) == [.bell])
        #expect(editor.search?.failed == true)
        #expect(editor.line == "qui preter")
    }

    @Test func typingNarrowsFromTheCurrentMatch() {
        var editor = LineEditor(history: History(entries: history))
        type("\u{12}doc", into: &editor)
        #expect(editor.line == "taches doc")
        type(" p", into: &editor)
        #expect(editor.line == "peut doc preter")
        type("\u{7F}\u{7F}", into: &editor)
        #expect(editor.line == "taches doc")
    }

    @Test func enterSubmitsTheMatch() {
        var editor = LineEditor(history: History(entries: history))
        #expect(type("\u{12}tach\r", into: &editor).last == .submit("taches doc"))
        #expect(editor.search == nil)
    }

    @Test func anEditingKeyAcceptsTheMatchAndActs() {
        var editor = LineEditor(history: History(entries: history))
        type("\u{12}tach\u{05} compta", into: &editor)
        #expect(editor.search == nil)
        #expect(editor.line == "taches doc compta")
    }

    @Test func ctrlGRestoresTheLineBeforeTheSearch() {
        var editor = LineEditor(history: History(entries: history))
        type("qu\u{12}tach\u{07}", into: &editor)
        #expect(editor.search == nil)
        #expect(editor.line == "qu")
        #expect(editor.cursor == 2)
    }

    @Test func ctrlCAbandonsSearchAndLine() {
        var editor = LineEditor(history: History(entries: history))
        #expect(type("qu\u{12}tach\u{03}", into: &editor).last == .cancel)
        #expect(editor.search == nil)
        #expect(editor.line == "")
    }

    @Test func searchesAccentedText() {
        var editor = LineEditor(history: History(entries: ["qui \"élève\"", "qui preter"]))
        type("\u{12}élè", into: &editor)
        #expect(editor.line == "qui \"élève\"")
        #expect(editor.cursor == 5)
    }
}

// MARK: - Completion keys

struct LineEditorCompletionTests {
    /// Completes the last word against a fixed list, as the REPL's completer does.
    private static func completer(_ words: [String]) -> LineEditor.Completer {
        { line, cursor in
            let before = Array(line)[..<cursor]
            let start = (before.lastIndex(of: " ") ?? -1) + 1
            let typed = String(before[start...])
            return Completion(start: start, candidates: words.filter { $0.hasPrefix(typed) })
        }
    }

    @Test func aUniqueCandidateCompletesWithASpace() {
        var editor = LineEditor(completer: Self.completer(["qui", "peut", "taches"]))
        #expect(type("pe\t", into: &editor) == [.redraw, .redraw, .redraw])
        #expect(editor.line == "peut ")
        #expect(editor.cursor == 5)
    }

    @Test func severalCandidatesCompleteTheirCommonPrefixThenList() {
        var editor = LineEditor(completer: Self.completer(["preter", "prevoir", "acheter"]))
        type("qui p\t", into: &editor)
        #expect(editor.line == "qui pre")
        #expect(type("\t", into: &editor) == [.candidates(["preter", "prevoir"])])
        #expect(editor.line == "qui pre")
    }

    @Test func completesInTheMiddleOfTheLine() {
        var editor = LineEditor(completer: Self.completer(["preter"]))
        type("qui p livre()\(esc)[D\(esc)[D\(esc)[D\(esc)[D\(esc)[D\(esc)[D\(esc)[D\(esc)[D\t", into: &editor)
        #expect(editor.line == "qui preter  livre()")
        #expect(editor.cursor == 11)
    }

    @Test func noCandidateRingsTheBell() {
        var editor = LineEditor(completer: Self.completer(["qui"]))
        #expect(type("z\t", into: &editor).last == .bell)
        var bare = LineEditor()
        #expect(type("z\t", into: &bare).last == .bell)
    }
}

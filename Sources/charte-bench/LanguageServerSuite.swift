import Charte

/// `charte-bench lsp`: from `didChange` to the `publishDiagnostics` framed for the editor,
/// in process, on the bundled example charter (target: at most 5 ms median).
struct LanguageServerSuite {
    let report: Report
    let quick: Bool

    /// The target median, in milliseconds.
    static let targetMilliseconds = 5.0

    func run() {
        let path = "rules/etablissement-exemple.charte"
        guard let bytes = FileAccess.read(path) else {
            report.check(false, "lsp : impossible de lire « \(path) »")
            return
        }
        report.progress("lsp : \(path)…")
        let text = String(decoding: bytes, as: UTF8.self)
        let uri = "file:///bench/etablissement-exemple.charte"
        var session = LanguageServerSession()
        _ = session.handle(message("initialize", id: 1, [("capabilities", .object([]))]))
        _ = session.handle(notification("initialized", []))
        _ = session.handle(notification("textDocument/didOpen", [("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("charte")), ("version", .int(1)), ("text", .string(text)),
        ]))]))
        let repetitions = quick ? 20 : 200
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count

        // Full sync: the whole text each time, alternating with one line more.
        var version = 1
        var published = 0
        let full = Clock.repeated(repetitions) {
            version += 1
            let changed = version % 2 == 0 ? text + "# modification \(version)\n" : text
            let replies = session.handle(change(uri, version: version, [.object([("text", .string(changed))])]))
            published += replies.map { MessageFramer.frame($0).count }.reduce(0, +) > 0 ? 1 : 0
            check(replies, version: version)
        }
        report.add("lsp.didChange", "exemple, texte entier", Spread(full).scaled(by: 1e3), "ms")

        // Incremental sync: one character typed then removed at the end of the first line.
        let incremental = Clock.repeated(repetitions) {
            version += 1
            let typing = version % 2 == 0
            let range = JSON.object([
                ("start", EditorPosition(line: lines - 1, character: 0).json),
                ("end", EditorPosition(line: lines - 1, character: typing ? 0 : 1).json),
            ])
            let edit = JSON.object([("range", range), ("text", .string(typing ? "#" : ""))])
            let replies = session.handle(change(uri, version: version, [edit]))
            published += replies.map { MessageFramer.frame($0).count }.reduce(0, +) > 0 ? 1 : 0
            check(replies, version: version)
        }
        let spread = Spread(incremental).scaled(by: 1e3)
        report.add("lsp.didChange", "exemple, une frappe", spread, "ms")
        report.check(published == 2 * repetitions, "lsp : \(2 * repetitions - published) changements sans diagnostics publiés")
        let worst = max(Spread(full).median, Spread(incremental).median) * 1e3
        report.note("lsp : didChange → publishDiagnostics, objectif ≤ \(Report.number(Self.targetMilliseconds)) ms de médiane : "
                    + (worst <= Self.targetMilliseconds ? "tenu" : "NON TENU") + " (\(Report.number(worst)) ms)")
    }

    /// The reply must be the document's diagnostics, at this version, and none (the example is clean).
    private func check(_ replies: [JSON], version: Int) {
        let params = replies.first?["params"]
        report.check(replies.count == 1 && replies.first?["method"] == .string("textDocument/publishDiagnostics")
                     && params?["version"] == .int(version) && params?["diagnostics"] == .array([]),
                     "lsp : réponse inattendue à la version \(version)")
    }

    private func message(_ method: String, id: Int, _ params: [(String, JSON)]) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", .int(id)), ("method", .string(method)), ("params", .object(params))])
    }

    private func notification(_ method: String, _ params: [(String, JSON)]) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", .object(params))])
    }

    private func change(_ uri: String, version: Int, _ changes: [JSON]) -> JSON {
        notification("textDocument/didChange", [("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
                                                ("contentChanges", .array(changes))])
    }
}

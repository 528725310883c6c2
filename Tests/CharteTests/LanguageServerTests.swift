import Testing
import Foundation
@testable import Charte

/// The session files of `Tests/CharteTests/Golden/lsp`, by relative path.
func sessionScripts() -> [String] {
    let folder = "Tests/CharteTests/Golden/lsp"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryPath(folder))) ?? []
    return names.filter { $0.hasSuffix(".session") }.sorted().map { folder + "/" + $0 }
}

/// Runs a scripted session: one JSON message a line (`#` comments, blank lines skipped); a
/// string `"@fichier:CHEMIN"` stands for that file's text. The transcript shows each message
/// sent (`>>>`, as written) and each reply (`<<<`, pretty-printed), then the exit status.
func transcript(ofSession path: String) throws -> String {
    let script = try String(contentsOfFile: repositoryPath(path), encoding: .utf8)
    var session = LanguageServerSession(serverVersion: "test")
    var text = ""
    for line in script.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
        text += ">>> \(line)\n"
        let body = try expandFiles(String(line))
        for reply in session.handle(body: Array(body.utf8)) {
            text += "<<< " + reply.rendered(pretty: true) + "\n"
        }
    }
    text += "statut de sortie : \(session.exitCode.map(String.init) ?? "aucun")\n"
    return text
}

/// The message with each `"@fichier:CHEMIN"` replaced by the file's text as a JSON string.
private func expandFiles(_ line: String) throws -> String {
    var result = line
    while let range = result.range(of: "\"@fichier:") {
        guard let close = result[range.upperBound...].firstIndex(of: "\"") else { break }
        let path = String(result[range.upperBound..<close])
        let contents = try String(contentsOfFile: repositoryPath(path), encoding: .utf8)
        result.replaceSubrange(range.lowerBound...close, with: JSON.string(contents).rendered())
    }
    return result
}

@Suite struct LanguageServerGoldenTests {
    /// Each scripted session gives exactly its transcript.
    @Test(arguments: sessionScripts())
    func scriptedSession(path: String) throws {
        expectGolden(try transcript(ofSession: path), path.replacing(".session", with: ".attendu"))
    }
}

@Suite struct LanguageServerProtocolTests {
    @Test(arguments: [
        ("{\"a\":[1,-2,true,false,null,\"é\\u00e9\\ud83c\\udf92\\n\"]}", "{\"a\":[1,-2,true,false,null,\"éé🎒\\n\"]}"),
        (" [ ] ", "[]"),
        ("{\"x\":1.5e3}", "{\"x\":1}"),
        ("\"\\/\"", "\"/\""),
    ])
    func readsJSON(text: String, rendered: String) {
        #expect(JSONReader.parse(text)?.rendered() == rendered)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "\"\\ud800\"", "tru", "[1] x", "\"a\u{1}\"", "-", "1."])
    func refusesMalformedJSON(text: String) {
        #expect(JSONReader.parse(text) == nil)
    }

    @Test func refusesDeepNesting() {
        #expect(JSONReader.parse(String(repeating: "[", count: 100_000)) == nil)
        #expect(JSONReader.parse(String(repeating: "[", count: 10) + String(repeating: "]", count: 10)) != nil)
    }

    @Test func framesMessagesSplitAnywhere() {
        let stream = Array("Content-Length: 2\r\n\r\n{}content-length:  7 \r\nX-Autre: 1\r\n\r\n[1,2,3]Sans-Longueur: 1\r\n\r\nContent-Length: 2\r\n\r\n[]".utf8)
        for split in 0...stream.count {
            var framer = MessageFramer()
            var frames: [MessageFramer.Frame] = []
            framer.append(stream[..<split])
            while let frame = framer.next() { frames.append(frame) }
            framer.append(stream[split...])
            while let frame = framer.next() { frames.append(frame) }
            #expect(frames == [.message(Array("{}".utf8)), .message(Array("[1,2,3]".utf8)), .malformedHeader, .message(Array("[]".utf8))])
        }
    }

    /// A column after `é`, `«` and an emoji, in both encodings, and back.
    @Test(arguments: [
        (PositionEncoding.utf16, "tache", 0, 0),
        (.utf16, "x", 1, 11),
        (.utf16, "y", 1, 16),
        (.utf8, "x", 1, 16),
        (.utf8, "y", 1, 23),
    ])
    func columnsCountCodeUnits(encoding: PositionEncoding, word: String, line: Int, character: Int) throws {
        let file = SourceFile(id: FileID(0), name: "t", text: "tache\n« é » 🎒 : x 🎒 y\n")
        let offset = try #require(file.bytes.firstRange(of: Array(word.utf8))?.lowerBound)
        #expect(file.position(of: offset, encoding: encoding) == EditorPosition(line: line, character: character))
        #expect(file.offset(of: EditorPosition(line: line, character: character), encoding: encoding) == offset)
    }

    @Test func positionsPastTheEndAreClamped() {
        let file = SourceFile(id: FileID(0), name: "t", text: "ab\ncd")
        #expect(file.offset(of: EditorPosition(line: 0, character: 99), encoding: .utf16) == 2)
        #expect(file.offset(of: EditorPosition(line: 9, character: 0), encoding: .utf16) == 5)
    }

    @Test func malformedMessagesGetErrorsAndTheSessionGoesOn() {
        var session = LanguageServerSession()
        #expect(session.handle(body: Array("{oups".utf8)).map { $0.rendered() }
                == [#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"message JSON illisible"}}"#])
        #expect(session.handle(body: Array(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}"#.utf8)).first?["error"]?["code"] == .int(-32002))
        #expect(session.handle(body: Array(#"[1]"#.utf8)).first?["error"]?["code"] == .int(-32600))
        #expect(session.handle(body: Array(#"{"jsonrpc":"2.0","id":[],"method":"x"}"#.utf8)).first?["error"]?["code"] == .int(-32600))
        #expect(session.handle(body: Array(#"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{}}"#.utf8)).first?["result"] != nil)
        #expect(session.encoding == .utf16)
        #expect(session.handle(body: Array(#"{"jsonrpc":"2.0","id":3,"method":"inconnue"}"#.utf8)).first?["error"]?["code"] == .int(-32601))
        #expect(session.handle(body: Array(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{}}}"#.utf8)).isEmpty)
        #expect(session.handle(body: Array(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8)).isEmpty)
        #expect(session.exitCode == 1)
    }
}

@Suite struct LanguageServerBinaryTests {
    /// The built binary over pipes: framing, diagnostics, a malformed message, shutdown then exit → 0.
    @Test func serverOverPipes() throws {
        func frame(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n\(body)" }
        let text = #"role cpe \"CPE\"\netape e \"É « x »\" { tache t \"t\" { responsable cep } }\n"#
        let input = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
            #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/x.charte","languageId":"charte","version":1,"text":""# + text + #""}}}"#,
            "{pas du json",
            #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
            #"{"jsonrpc":"2.0","method":"exit"}"#,
        ].map(frame).joined()
        let result = try runBinary(["lsp"], stdin: input)
        #expect(result.status == 0)
        #expect(result.err == "")
        var framer = MessageFramer()
        framer.append(Array(result.out.utf8))
        var replies: [JSON] = []
        while case .message(let body)? = framer.next() { replies.append(try #require(JSONReader.parse(body))) }
        #expect(replies.count == 4)
        #expect(replies.first?["result"]?["capabilities"]?["positionEncoding"] == .string("utf-16"))
        let diagnostic = replies.dropFirst().first?["params"]?["diagnostics"]?.arrayValue?.first
        #expect(diagnostic?["code"] == .string("E100"))
        #expect(diagnostic?["range"]?.rendered() == #"{"start":{"line":1,"character":46},"end":{"line":1,"character":49}}"#)
        #expect(replies.dropFirst(2).first?["error"]?["code"] == .int(-32700))
        #expect(replies.last?.rendered() == #"{"jsonrpc":"2.0","id":2,"result":null}"#)
    }

    @Test func endOfInputWithoutShutdownExitsOne() throws {
        #expect(try runBinary(["lsp"], stdin: "").status == 1)
    }
}

@Suite struct LanguageServerFeatureTests {
    /// A session with one open document.
    static func session(_ text: String, encoding: String = "utf-16") -> LanguageServerSession {
        var session = LanguageServerSession()
        _ = session.handle(.object([("jsonrpc", .string("2.0")), ("id", .int(1)), ("method", .string("initialize")),
                                    ("params", .object([("capabilities", .object([("general", .object([("positionEncodings", .strings([encoding]))]))]))]))]))
        _ = session.handle(.object([("jsonrpc", .string("2.0")), ("method", .string("textDocument/didOpen")),
                                    ("params", .object([("textDocument", .object([("uri", .string("file:///t.charte")), ("version", .int(1)),
                                                                                ("text", .string(text))]))]))]))
        return session
    }

    static func request(_ session: inout LanguageServerSession, _ method: String, _ params: [(String, JSON)]) -> JSON? {
        let message = JSON.object([("jsonrpc", .string("2.0")), ("id", .int(9)), ("method", .string(method)),
                                   ("params", .object([("textDocument", .object([("uri", .string("file:///t.charte"))]))] + params))])
        return session.handle(message).first?["result"]
    }

    static func at(_ line: Int, _ character: Int) -> (String, JSON) {
        ("position", EditorPosition(line: line, character: character).json)
    }

    /// Semantic tokens: keywords, names by what they declare, strings; UTF-8 lengths after « é ».
    @Test func semanticTokens() {
        var session = Self.session("role cpé \"É\" # note\naction a\n", encoding: "utf-8")
        let data = Self.request(&session, "textDocument/semanticTokens/full", [])?["data"]?.arrayValue?.compactMap(\.intValue)
        #expect(data == [0, 0, 4, 0, 0,   // role
                         0, 5, 4, 4, 1,   // cpé (an actor, declared): 4 bytes
                         0, 5, 4, 1, 0,   // "É"
                         0, 5, 6, 3, 0,   // # note
                         1, 0, 6, 0, 0,   // action
                         0, 7, 1, 5, 1])  // a
    }

    /// In a `test` block the assertions are completed as REPL queries.
    @Test(arguments: [
        (2, 11, ["peut", "qui", "refuse", "seul"]),
        (3, 8, ["cpe"]),
        (3, 11, ["traiter"]),
        (4, 9, ["traiter"]),
        (4, 17, ["cpe"]),
        (5, 8, ["cpe"]),
        (6, 12, ["peut"]),
        (7, 17, ["traiter"]),
    ])
    func completionInTests(line: Int, character: Int, expected: [String]) {
        var session = Self.session("role cpe \"CPE\"\naction traiter \"Traiter\"\ntest \"t\" { \n  peut c tr\n  qui traiter = c\n  seul c\n  seul cpe p\n  seul cpe peut t\n}\n")
        let items = Self.request(&session, "textDocument/completion", [Self.at(line, character)])?["items"]?.arrayValue
        #expect(items?.compactMap { $0["label"]?.stringValue } == expected)
    }
}

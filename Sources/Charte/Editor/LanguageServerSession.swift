/// The language server behind `charte lsp`: JSON-RPC messages in, messages out.
///
/// A value with no process or stream code, tested by handing it messages: `handle(body:)`
/// takes one framed message's bytes and returns the messages to send back (responses,
/// and `publishDiagnostics` notifications after a change). A malformed message gets a
/// JSON-RPC error and the session goes on; `exit` sets `exitCode`.
public struct LanguageServerSession: Sendable {
    /// An error answered to a request.
    struct ResponseError: Error {
        let code: Int
        let message: String

        static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: -32602, message: message) }
        static let parseError = ResponseError(code: -32700, message: "message JSON illisible")
        static let invalidRequest = ResponseError(code: -32600, message: "requête JSON-RPC invalide")
        static let notInitialized = ResponseError(code: -32002, message: "le serveur attend « initialize »")
        static let shutDown = ResponseError(code: -32600, message: "le serveur a reçu « shutdown »")
        static func methodNotFound(_ method: String) -> ResponseError { ResponseError(code: -32601, message: "méthode inconnue « \(method) »") }
        static let unknownDocument = ResponseError(code: -32602, message: "document non ouvert")
    }

    /// Where the session is in its life.
    private enum State { case waiting, running, shutDown }

    /// The version `initialize` reports.
    public let serverVersion: String
    /// How columns are counted, as agreed at `initialize`.
    public private(set) var encoding: PositionEncoding = .utf16
    /// The open documents, by URI.
    public private(set) var documents: [String: EditorDocument] = [:]
    /// The process's exit status once `exit` arrived: 0 after `shutdown`, 1 otherwise.
    public private(set) var exitCode: Int32?
    private var state = State.waiting

    /// A session before `initialize`.
    public init(serverVersion: String = "1.0.0") { self.serverVersion = serverVersion }

    // MARK: - Messages

    /// The replies to one message body (the bytes after the header).
    public mutating func handle(body: [UInt8]) -> [JSON] {
        guard let message = JSONReader.parse(body) else { return [Self.error(.parseError, id: .null)] }
        return handle(message)
    }

    /// The replies to one message.
    public mutating func handle(_ message: JSON) -> [JSON] {
        guard case .object = message, let method = message["method"]?.stringValue else {
            // A response from the client (to a request we never send) is ignored; anything else is invalid.
            if message["id"] != nil, message["result"] != nil || message["error"] != nil { return [] }
            return [Self.error(.invalidRequest, id: message["id"] ?? .null)]
        }
        let params = message["params"] ?? .null
        guard let id = message["id"] else {
            return notification(method, params: params)
        }
        switch id {
        case .int, .string: break
        default: return [Self.error(.invalidRequest, id: .null)]
        }
        do {
            let (result, extra) = try request(method, params: params)
            return [.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])] + extra
        } catch {
            return [Self.error(error, id: id)]
        }
    }

    /// Answers a request: its result, and any notification that follows it.
    private mutating func request(_ method: String, params: JSON) throws(ResponseError) -> (JSON, [JSON]) {
        switch state {
        case .waiting where method != "initialize": throw .notInitialized
        case .shutDown: throw .shutDown
        default: break
        }
        switch method {
        case "initialize": return (initialize(params), [])
        case "shutdown":
            state = .shutDown
            return (.null, [])
        default:
            return (try answer(method, params: params), [])
        }
    }

    /// Acts on a notification; notifications never get an error back.
    private mutating func notification(_ method: String, params: JSON) -> [JSON] {
        if method == "exit" {
            exitCode = state == .shutDown ? 0 : 1
            return []
        }
        guard state == .running else { return [] }
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.stringValue,
                  let text = item["text"]?.stringValue else { return [] }
            return update(uri: uri, version: item["version"]?.intValue, bytes: Array(text.utf8))
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, let current = documents[uri],
                  let changes = params["contentChanges"]?.arrayValue else { return [] }
            var file = current.file
            for change in changes {
                guard let bytes = EditorDocument.applying(change, to: file, encoding: encoding) else { return [] }
                file = SourceFile(id: file.id, name: file.name, bytes: bytes)
            }
            return update(uri: uri, version: params["textDocument"]?["version"]?.intValue, bytes: file.bytes)
        case "textDocument/didSave":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, let current = documents[uri] else { return [] }
            if let text = params["text"]?.stringValue, Array(text.utf8) != current.bytes {
                return update(uri: uri, version: current.version, bytes: Array(text.utf8))
            }
            return [EditorDiagnostics.notification(for: current, encoding: encoding)]
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, documents.removeValue(forKey: uri) != nil else { return [] }
            return [EditorDiagnostics.cleared(uri: uri)]
        default:
            return []
        }
    }

    /// Checks a document's new text and publishes its diagnostics.
    private mutating func update(uri: String, version: Int?, bytes: [UInt8]) -> [JSON] {
        let document = EditorDocument(uri: uri, version: version, bytes: bytes)
        documents[uri] = document
        return [EditorDiagnostics.notification(for: document, encoding: encoding)]
    }

    // MARK: - Lifecycle

    /// `initialize`: the encoding the client offers that we prefer (UTF-8), and what we can do.
    private mutating func initialize(_ params: JSON) -> JSON {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        encoding = offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
        state = .running
        return .object([
            ("capabilities", Self.capabilities(encoding: encoding)),
            ("serverInfo", .object([("name", .string("charte")), ("version", .string(serverVersion))])),
        ])
    }

    /// What the server can do.
    static func capabilities(encoding: PositionEncoding) -> JSON {
        .object([
            ("positionEncoding", .string(encoding.rawValue)),
            ("textDocumentSync", .object([
                ("openClose", .bool(true)),
                ("change", .int(2)),
                ("save", .object([("includeText", .bool(true))])),
            ])),
        ] + featureCapabilities)
    }

    /// Whether `shutdown` was received.
    public var isShutDown: Bool { state == .shutDown }

    /// The error sent for a header block without a valid `Content-Length`.
    public static var malformedHeaderError: JSON {
        error(ResponseError(code: -32700, message: "en-tête « Content-Length » manquant ou invalide"), id: .null)
    }

    // MARK: - Replies

    /// An error response.
    static func error(_ error: ResponseError, id: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id),
                 ("error", .object([("code", .int(error.code)), ("message", .string(error.message))]))])
    }

    /// The open document a request names.
    func document(_ params: JSON) throws(ResponseError) -> EditorDocument {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { throw .invalidParams("« textDocument.uri » manquant") }
        guard let document = documents[uri] else { throw .unknownDocument }
        return document
    }

    /// The document and byte offset a position request names.
    func documentAndOffset(_ params: JSON) throws(ResponseError) -> (EditorDocument, Int) {
        let document = try document(params)
        guard let position = EditorPosition(json: params["position"]) else { throw .invalidParams("« position » invalide") }
        return (document, document.file.offset(of: position, encoding: encoding))
    }
}

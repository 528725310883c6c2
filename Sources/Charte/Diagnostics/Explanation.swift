/// What a diagnostic code means, a charter that triggers it, and how to fix it, in French:
/// the text of `charte expliquer CODE`.
///
/// Every code has one (see `DiagnosticCode.explanation`, a switch the compiler keeps
/// complete), and a test checks that each example triggers exactly its code. Checking the
/// example runs the pipeline, so it lives in Driver (`Explanation+Example.swift`).
public struct Explanation: Sendable {
    /// The code explained.
    public let code: DiagnosticCode
    /// What the diagnostic means and why Charte reports it.
    public let meaning: String
    /// A small charter that triggers the diagnostic (and nothing else).
    public let example: String
    /// How to fix it.
    public let fix: String
    /// The file-size limit the example is checked with, when it is not the default one.
    public let fileSizeLimit: Int?
    /// The models the example adapts, by path (held in memory, never read from the disk).
    public let models: [String: String]

    /// Creates an explanation.
    public init(code: DiagnosticCode, meaning: String, example: String, fix: String, fileSizeLimit: Int? = nil,
                models: [String: String] = [:]) {
        self.code = code
        self.meaning = meaning
        self.example = example
        self.fix = fix
        self.fileSizeLimit = fileSizeLimit
        self.models = models
    }

    /// The short French title of the code.
    public var title: String { code.title }

    /// The example's bytes as the checker reads them.
    ///
    /// Text cannot hold invalid UTF-8, so for E005 the first « è » of the example is
    /// replaced by the single byte 0xE8 (how Windows-1252 stores it).
    public var exampleBytes: [UInt8] {
        let bytes = Array(example.utf8)
        guard code == .E005, let index = bytes.firstRange(of: [0xC3, 0xA8]) else { return bytes }
        var result = bytes
        result.replaceSubrange(index, with: [0xE8])
        return result
    }

    /// The text with invisible bidirectional controls shown as `⟨U+202E⟩`, and control
    /// characters as `\u{1B}`, so that printing the W601 and W602 examples cannot reorder or
    /// rewrite the terminal's display.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if Lexer.isBidiControl(scalar) { out += "⟨\(Lexer.scalarName(scalar))⟩" } else { out.unicodeScalars.append(scalar) }
        }
        return ControlCharacters.escaped(out, keepingLineBreaks: true)
    }

    /// Each non-empty line indented by two spaces, without a final newline.
    static func indented(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    /// The codes closest to something typed that is not a code (`E10`, `e1000`, `100`, `W100`).
    public static func suggestions(for typed: String) -> [DiagnosticCode] {
        let wanted = typed.uppercased().filter { !$0.isWhitespace }
        let digits = wanted.filter(\.isNumber)
        var found: [DiagnosticCode] = []
        for code in DiagnosticCode.allCases {
            let number = code.rawValue.dropFirst()
            if !digits.isEmpty, number == digits { found.append(code) }
        }
        let close = DiagnosticCode.allCases.filter { code in
            !found.contains(code) && Suggestions.editDistance(code.rawValue, wanted, limit: 2) <= 1
        }
        return Array((found + close.sorted()).prefix(5))
    }

    /// The code a user typed, accepting lower case and surrounding spaces (`e100`).
    public static func code(named typed: String) -> DiagnosticCode? {
        DiagnosticCode(rawValue: typed.uppercased().filter { !$0.isWhitespace })
    }
}

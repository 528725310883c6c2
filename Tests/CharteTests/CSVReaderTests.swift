import Testing
@testable import Charte

/// Reads bytes with a given chunk size; every record as `line:field|field`.
private func lines(_ bytes: [UInt8], chunk: Int = 1 << 16, options: CSVOptions = .journal) -> [String] {
    guard var reader = try? CSVReader(source: MemoryByteSource(bytes, chunkSize: chunk), options: options) else {
        return ["<illisible>"]
    }
    var out: [String] = []
    while reader.next() {
        out.append("\(reader.currentLine):" + (0..<reader.count).map(reader.field).joined(separator: "|"))
    }
    return out
}

private func lines(_ text: String, chunk: Int = 1 << 16, options: CSVOptions = .journal) -> [String] {
    lines(Array(text.utf8), chunk: chunk, options: options)
}

@Suite("CSV reader")
struct CSVReaderTests {
    static let cases: [(String, [String])] = [
        ("a,b\n1,2\n", ["1:a|b", "2:1|2"]),
        ("a;b\r\n1;2\r\n", ["1:a|b", "2:1|2"]),
        ("a;b\r1;2", ["1:a|b", "2:1|2"]),
        ("a,b\n\"x, y\",\"il a dit \"\"oui\"\"\"\n", ["1:a|b", "2:x, y|il a dit \"oui\""]),
        ("a;b\n\"deux\r\nlignes\";z\nfin;w\n", ["1:a|b", "2:deux\nlignes|z", "4:fin|w"]),
        ("a,b\n\n\r\n1,2\n\n", ["1:a|b", "4:1|2"]),
        ("a,b,c\n1\n1,2,3,4\n", ["1:a|b|c", "2:1", "3:1|2|3|4"]),
        ("a,b\n1,\n,\n", ["1:a|b", "2:1|", "3:|"]),
        ("a,b\n\"\",x\n", ["1:a|b", "2:|x"]),
        ("a,b\nun\"e,\"x\" \n", ["1:a|b", "2:un\"e|x"]),
        ("a;b,c\n1;2,3\n", ["1:a;b|c", "2:1;2|3"]),  // a tie: the first candidate
        ("a,b;c\n1,2;3\n", ["1:a|b;c", "2:1|2;3"]),
        ("\"a;b\",c\n", ["1:a;b|c"]),
    ]

    @Test("records and line numbers", arguments: cases)
    func records(_ input: String, _ expected: [String]) {
        #expect(lines(input) == expected)
    }

    @Test("the same records whatever the chunk size", arguments: [1, 2, 3, 5, 7])
    func chunkBoundaries(_ size: Int) {
        for (input, expected) in Self.cases {
            #expect(lines(input, chunk: size) == expected, "chunk \(size): \(input.debugDescription)")
        }
    }

    @Test("a UTF-8 byte order mark is skipped")
    func byteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("date;acteur\n2026-09-01;Mme Müller\n".utf8)
        #expect(lines(bytes) == ["1:date|acteur", "2:2026-09-01|Mme Müller"])
        #expect(lines(bytes, chunk: 1) == ["1:date|acteur", "2:2026-09-01|Mme Müller"])
    }

    @Test("a file that is not UTF-8 is read as Windows-1252, with a warning")
    func windows1252() {
        // "tâche;élève\n" then "Œuvre – 5 €" in Windows-1252.
        let bytes: [UInt8] = [0x74, 0xE2, 0x63, 0x68, 0x65, 0x3B, 0xE9, 0x6C, 0xE8, 0x76, 0x65, 0x0A,
                              0x8C, 0x75, 0x76, 0x72, 0x65, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x3B, 0x78, 0x0A]
        let document = CSVReader.read(bytes: bytes)
        #expect(document.encoding == .windows1252)
        #expect(document.separator == UInt8(ascii: ";"))
        #expect(document.records.map(\.fields) == [["tâche", "élève"], ["Œuvre – 5 €", "x"]])
        #expect(document.issues == [CSVIssue(line: 1, kind: .notUTF8(offset: 2, line: 1))])
        #expect(document.issues.first?.isWarning == true)
    }

    @Test("valid UTF-8 is never mistaken for Windows-1252")
    func utf8Stays() {
        let document = CSVReader.read(bytes: Array("é;ü;€;😀\n".utf8))
        #expect(document.encoding == .utf8)
        #expect(document.records.first?.fields == ["é", "ü", "€", "😀"])
        #expect(document.issues.isEmpty)
    }

    @Test("an invalid byte late in the file is found with its line")
    func lateInvalidByte() {
        let bytes = Array("a;b\n1;2\n3;".utf8) + [0xFF] + Array("\n".utf8)
        let document = CSVReader.read(bytes: bytes)
        #expect(document.encoding == .windows1252)
        #expect(document.issues.map(\.kind) == [.notUTF8(offset: 10, line: 3)])
        #expect(document.records.last?.fields == ["3", "ÿ"])
    }

    @Test("UTF-8 validation rejects overlong forms, surrogates and truncated sequences",
          arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x80, 0x80, 0xC0], [0xE2, 0x82], [0x80]] as [[UInt8]])
    func invalidSequences(_ bytes: [UInt8]) {
        #expect(CSVReader.read(bytes: Array("x;".utf8) + bytes).encoding == .windows1252)
    }

    @Test("a byte Windows-1252 does not assign keeps the file UTF-8, its row reported")
    func unassignedByte() {
        let document = CSVReader.read(bytes: Array("x;".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("\nok;y\n".utf8))
        #expect(document.encoding == .utf8)
        #expect(document.issues == [CSVIssue(line: 1, kind: .invalidBytes)])
        #expect(document.records.map(\.fields) == [["x", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"], ["ok", "y"]])
    }

    @Test("the separator comes from the header, outside quotes")
    func separatorDetection() {
        #expect(CSVReader.read(bytes: Array("\"a,b,c\";d\n".utf8)).separator == UInt8(ascii: ";"))
        #expect(CSVReader.read(bytes: Array("a,b;c,d\n".utf8)).separator == UInt8(ascii: ","))
        #expect(CSVReader.read(bytes: Array("seul\n".utf8)).separator == UInt8(ascii: ","))
        let tabs = CSVReader.read(bytes: Array("a\tb\n1\t2\n".utf8), options: .tabSeparated)
        #expect(tabs.records.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test("a field over the size limit skips its record, with its line")
    func fieldLimit() {
        var limits = Limits()
        limits.csvField = 4
        let options = CSVOptions(limits: limits)
        let document = CSVReader.read(bytes: Array("a,b\n12345,x\n\"ab\ncd\",y\nok,z\n".utf8), options: options)
        // A quoted field over the limit across lines is taken for a stray quote: reading starts again at line 4.
        #expect(document.records.map(\.line) == [1, 4, 5])
        #expect(document.issues == [CSVIssue(line: 2, kind: .fieldTooLong(limit: 4)),
                                    CSVIssue(line: 3, kind: .quoteRunsPastLine)])
    }

    @Test("too many fields skips the record")
    func fieldCountLimit() {
        var limits = Limits()
        limits.csvFields = 3
        let document = CSVReader.read(bytes: Array("a,b,c\n1,2,3,4\n5,6\n".utf8), options: CSVOptions(limits: limits))
        #expect(document.records.map(\.fields) == [["a", "b", "c"], ["5", "6"]])
        #expect(document.issues == [CSVIssue(line: 2, kind: .tooManyFields(limit: 3))])
    }

    @Test("a quote never closed is reported at the record's line, and reading starts again on the next line")
    func unclosedQuote() {
        let document = CSVReader.read(bytes: Array("a,b\n1,2\n\"ouvert\nsuite\n".utf8))
        #expect(document.records.map(\.fields) == [["a", "b"], ["1", "2"], ["suite"]])
        #expect(document.records.map(\.line) == [1, 2, 4])
        #expect(document.issues == [CSVIssue(line: 3, kind: .unclosedQuote)])
    }

    @Test("a missing file cannot be opened")
    func missingFile() {
        #expect(throws: CSVReadError.unreadable) { try CSVReader.open(path: "/nonexistent/journal.csv") }
        #expect(throws: CSVReadError.unreadable) { try CSVReader.open(path: "/tmp") }
    }
}

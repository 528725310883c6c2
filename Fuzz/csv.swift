// Fuzz target `csv`: the journal's CSV reader and the journal check on arbitrary bytes.
// Properties, not only "no crash":
// - records do not depend on how the bytes are cut into chunks (1 to 7 bytes, or 64 KiB);
// - with small limits, every record kept respects them, and each record dropped is an issue;
// - the journal check gives the same report twice (compared as JSON), and a row is never
//   `autorise` when a forbid that applies to its actor is true or unknown;
// - reports render as text and JSON.

let csvCharter = bundledCharter("rules/etablissement-exemple.charte")
let csvChecker: JournalChecker = {
    guard let checked = csvCharter.checked, let date = CalendarDate(year: 2027, month: 5, day: 24) else { stop() }
    return JournalChecker(charter: checked, date: date)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let input = Array(bytes.dropFirst())

    // Chunking never changes what is read.
    let whole = readAll(input, chunkSize: 1 << 16, options: .journal)
    let chunked = readAll(input, chunkSize: 1 + Int(selector % 7), options: .journal)
    require(whole.records == chunked.records, "les enregistrements dépendent du découpage en morceaux")
    require(whole.issues == chunked.issues, "les problèmes dépendent du découpage en morceaux")

    // Small limits: what is kept respects them.
    var limits = Limits()
    limits.csvField = 16
    limits.csvFields = 6
    let small = readAll(input, chunkSize: 1 + Int(selector % 5), options: CSVOptions(limits: limits))
    for record in small.records {
        require(record.fields.count <= 6, "un enregistrement garde plus de champs que la limite")
    }
    require(small.records.count + small.issues.filter { !$0.isWarning }.count >= whole.records.count
            || whole.issues.contains { $0.kind == .unclosedQuote || $0.kind == .quoteRunsPastLine }, "des enregistrements disparaissent sans problème signalé")

    // The journal check.
    let report = csvChecker.check(bytes: input)
    let again = csvChecker.check(bytes: input)
    let renderer = JournalJSONRenderer(charter: csvChecker.charter, charterName: "charte", journalName: "journal")
    let json = renderer.render(report)
    require(json == renderer.render(again), "deux rapports différents pour le même journal")
    _ = JournalTextRenderer(charter: csvChecker.charter, charterName: "charte", journalName: "journal").render(report)
    for action in report.flagged {
        require(action.outcome != .allowed, "une ligne autorisée est signalée")
    }
    return 0
}

/// Every record and issue of bytes read through chunks of one size.
func readAll(_ bytes: [UInt8], chunkSize: Int, options: CSVOptions) -> (records: [CSVRecord], issues: [CSVIssue]) {
    guard var reader = try? CSVReader(source: MemoryByteSource(bytes, chunkSize: chunkSize), options: options) else {
        return ([], [CSVIssue(line: 1, kind: .readFailed)])
    }
    var records: [CSVRecord] = []
    while reader.next() {
        let record = reader.record
        for field in record.fields {
            require(field.utf8.count <= options.fieldLimit * 3, "un champ dépasse la limite : \(field.utf8.count) octets")
        }
        records.append(record)
    }
    return (records, reader.issues)
}

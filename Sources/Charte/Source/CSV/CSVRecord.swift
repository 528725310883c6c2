/// One record of a CSV file: its fields, decoded, and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based line on which the record starts (a quoted field may span several lines).
    public var line: Int
    /// The fields, decoded; quotes removed, `""` unescaped.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A problem met while reading a CSV file: the record is skipped, the rest is still read.
public struct CSVIssue: Sendable, Hashable {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// A field longer than the limit, in bytes.
        case fieldTooLong(limit: Int)
        /// A record with more fields than the limit.
        case tooManyFields(limit: Int)
        /// A record longer than the limit, in bytes (its fields together).
        case recordTooLong(limit: Int)
        /// A quoted field still open at the end of the file: the record is dropped, reading
        /// starts again at its second line.
        case unclosedQuote
        /// A quoted field that ran past a line end and met a separator (a stray quote swallowing
        /// rows): the record is dropped, reading starts again at its second line.
        case quoteRunsPastLine
        /// Text after the closing quote of a field: the record is dropped.
        case textAfterQuote
        /// A record of a UTF-8 file with bytes that are not UTF-8 (replaced by U+FFFD). A warning
        /// here: the journal does not check such a row and counts it as not read.
        case invalidBytes
        /// The file is not valid UTF-8 (first invalid byte at `offset`, on `line`): it was read
        /// as Windows-1252. A warning: the records are still read.
        case notUTF8(offset: Int, line: Int)
        /// Reading the file failed part way.
        case readFailed
    }

    /// The 1-based line where the record starts (or the file's first line).
    public var line: Int
    /// What went wrong.
    public var kind: Kind

    /// Creates an issue.
    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// Whether the record was still read (only the encoding warning).
    public var isWarning: Bool {
        switch kind {
        case .notUTF8, .invalidBytes: return true
        default: return false
        }
    }

    /// A stable short code for tools (`champ_trop_long`, …).
    public var code: String {
        switch kind {
        case .fieldTooLong: "champ_trop_long"
        case .tooManyFields: "trop_de_champs"
        case .recordTooLong: "ligne_trop_longue"
        case .unclosedQuote: "guillemet_non_ferme"
        case .quoteRunsPastLine: "guillemet_deborde"
        case .textAfterQuote: "texte_apres_guillemet"
        case .invalidBytes: "octets_invalides"
        case .notUTF8: "encodage"
        case .readFailed: "lecture_impossible"
        }
    }

    /// The French message.
    public var message: String {
        switch kind {
        case .fieldTooLong(let limit): "champ trop long (plus de \(limit) octets) : ligne ignorée"
        case .tooManyFields(let limit): "trop de champs (plus de \(limit)) : ligne ignorée"
        case .recordTooLong(let limit): "ligne trop longue (plus de \(limit) octets) : ligne ignorée"
        case .unclosedQuote: "guillemet ouvert jamais fermé : ligne ignorée, la lecture reprend à la ligne suivante"
        case .quoteRunsPastLine:
            "champ entre guillemets qui déborde sur les lignes suivantes (guillemet isolé ?) : ligne ignorée, la lecture reprend à la ligne suivante"
        case .textAfterQuote: "texte après un guillemet fermant : ligne ignorée"
        case .invalidBytes: "octets qui ne sont pas de l'UTF-8 (fichier UTF-8 abîmé) : ligne ignorée"
        case .notUTF8(let offset, let line):
            "le fichier n'est pas en UTF-8 (octet \(offset), ligne \(line)) : il a été lu en Windows-1252"
        case .readFailed: "la lecture du fichier a échoué en cours de route"
        }
    }
}

/// How to read a CSV file.
public struct CSVOptions: Sendable, Hashable {
    /// The separators to choose from, by how often each occurs in the header line (outside
    /// quotes); on a tie, the first listed wins.
    public var separators: [UInt8]
    /// The largest field, in bytes.
    public var fieldLimit: Int
    /// The most fields in one record.
    public var fieldCountLimit: Int
    /// The largest record, in bytes (its fields together): bounds the memory one row takes.
    public var recordLimit: Int
    /// Whether lines with nothing on them are skipped (rather than read as one empty field).
    public var skipsEmptyLines: Bool

    /// Options for a separator choice and the limits (the standard ones by default).
    public init(separators: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";")], limits: Limits = .standard,
                skipsEmptyLines: Bool = true) {
        self.separators = separators.isEmpty ? [UInt8(ascii: ",")] : separators
        self.fieldLimit = max(1, limits.csvField)
        self.fieldCountLimit = max(1, limits.csvFields)
        self.recordLimit = max(1, limits.csvRecord)
        self.skipsEmptyLines = skipsEmptyLines
    }

    /// The journal's options: `,` or `;`.
    public static let journal = CSVOptions()
    /// A tab-separated table (spreadsheets' "texte (tabulation)" export).
    public static let tabSeparated = CSVOptions(separators: [UInt8(ascii: "\t")])
}

/// A whole CSV file read into memory: for small tables (an import), not for journals.
public struct CSVDocument: Sendable, Hashable {
    /// The records, header included, in file order.
    public var records: [CSVRecord]
    /// The problems met, in file order.
    public var issues: [CSVIssue]
    /// The encoding the file was read in.
    public var encoding: TextEncoding
    /// The separator used.
    public var separator: UInt8
}

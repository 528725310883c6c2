/// Why a table could not be imported.
public enum ImportError: Error, Sendable, Equatable {
    /// The file could not be read.
    case unreadable(path: String)
    /// The file is larger than `Limits.fileSize`: it is not read.
    case tooLarge(path: String, limit: Int)
    /// No row has enough filled cells to be the header of role names.
    case noHeader
    /// The header names no role, or no row has a filled cell.
    case emptyTable
    /// The file holds NUL bytes without a UTF-16 byte order mark: a spreadsheet's own
    /// format (`.xlsx`, `.ods`) or UTF-16 text without its mark, not a TSV or CSV export.
    case notText(offset: Int)

    /// The French message shown to the user.
    public var message: String {
        switch self {
        case .unreadable(let path): "impossible de lire le fichier « \(path) »"
        case .tooLarge(let path, let limit): "fichier trop grand : « \(path) » dépasse \(limit) octets"
        case .noHeader:
            "aucune ligne d'en-tête : il faut une ligne d'au moins \(RoleTable.minimumHeaderCells) cases remplies (les étapes, puis un rôle par colonne)"
        case .emptyTable: "le tableau n'a aucune case remplie sous l'en-tête des rôles"
        case .notText(let offset):
            "le fichier n'est pas un tableau en texte (octet nul à la position \(offset + 1)) : c'est peut-être un classeur "
                + "(.xlsx, .ods) ou un texte UTF-16 sans marque d'ordre des octets ; enregistrez-le depuis le tableur en "
                + "« CSV UTF-8 » ou en « Texte Unicode »"
        }
    }
}

/// A table read from a file, with what went wrong on the way.
public struct TableReading: Sendable {
    /// The table.
    public let table: RoleTable
    /// Problems that did not stop the import (encoding, skipped lines), in French.
    public let warnings: [String]
    /// The separator the table was read with.
    public let separator: UInt8
}

/// Reads a steps × roles table from a TSV or CSV export of a spreadsheet.
public enum TableReader {
    /// Reads a table file.
    public static func read(path: String, limits: Limits = .standard) throws(ImportError) -> TableReading {
        guard let read = FileAccess.read(path, atMost: limits.fileSize) else { throw .unreadable(path: path) }
        guard read.size <= limits.fileSize else { throw .tooLarge(path: path, limit: limits.fileSize) }
        return try self.read(bytes: read.bytes, name: path, limits: limits)
    }

    /// Reads a table from bytes; `name` chooses the separators tried (`.tsv`: tab only).
    ///
    /// Each separator is tried and the one whose header row comes first (then has the
    /// most cells) wins: a wrong separator only finds a header further down, in the prose.
    public static func read(bytes: [UInt8], name: String, limits: Limits = .standard) throws(ImportError) -> TableReading {
        let hasUTF16Mark = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if !hasUTF16Mark, let nul = bytes.firstIndex(of: 0) { throw .notText(offset: nul) }
        let lowered = name.lowercased()
        let tab = UInt8(ascii: "\t")
        let separators: [UInt8] = lowered.hasSuffix(".tsv") || lowered.hasSuffix(".tab")
            ? [tab] : [tab, UInt8(ascii: ";"), UInt8(ascii: ",")]
        var best: (table: RoleTable, document: CSVDocument, separator: UInt8)?
        for separator in separators {
            let document = CSVReader.read(bytes: bytes, options: CSVOptions(separators: [separator], limits: limits))
            guard let table = RoleTable.find(in: document.records) else { continue }
            if let current = best {
                let earlier = table.headerLine < current.table.headerLine
                let wider = table.headerLine == current.table.headerLine && table.roles.count > current.table.roles.count
                if !(earlier || wider) { continue }
            }
            best = (table, document, separator)
        }
        guard let best else { throw .noHeader }
        guard !best.table.roles.isEmpty, best.table.filledCellCount > 0 else { throw .emptyTable }
        let warnings = best.document.issues.map { "ligne \($0.line) : \($0.message)" }
        return TableReading(table: best.table, warnings: warnings, separator: best.separator)
    }
}

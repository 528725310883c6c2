/// The formats of `charte exporter`.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// A Markdown document (steps × roles, RACI, sheets, calendar).
    case markdown
    /// A self-contained HTML page: search and « Puis-je… ? » on screen, printable on A4 landscape.
    case html
    /// A spreadsheet table, RFC 4180 CSV.
    case csv
    /// A spreadsheet table, tab-separated like the seed.
    case tsv
    /// A Graphviz graph of steps and task prerequisites.
    case dot
    /// The checked model as JSON.
    case json
    /// An RFC 5545 calendar of the resolved deadlines.
    case ics
}

/// Renders a checked charter in an export format; output is deterministic.
public enum CharterExporter {
    /// The export of a checked charter.
    ///
    /// - Parameters:
    ///   - charter: the checked charter (its file gives the line numbers in JSON).
    ///   - format: the format.
    ///   - view: the table written by CSV and TSV (ignored by the other formats).
    ///   - excel: CSV and TSV for French Excel (byte order mark, `;`); ignored by the others.
    public static func render(_ charter: CheckedCharter, format: ExportFormat, view: DelimitedExport.View = .tableau,
                              excel: Bool = false) -> String {
        // What a school changed in its model is marked « adapté localement » in every format.
        render(charter.model.markingLocalAdaptations(), file: charter.file, format: format, view: view, excel: excel,
               sources: charter.sources)
    }

    /// The export of a bare model (the library's tests export hand-made models).
    static func render(_ charter: Charter, file: SourceFile?, format: ExportFormat,
                       view: DelimitedExport.View = .tableau, excel: Bool = false, sources: SourceMap? = nil) -> String {
        switch format {
        case .markdown: MarkdownExport.render(CharterDocument(charter: charter))
        case .html: HTMLExport.render(charter, file: file)
        case .csv: DelimitedExport.render(charter, dialect: .csv, view: view, excel: excel)
        case .tsv: DelimitedExport.render(charter, dialect: .tsv, view: view, excel: excel)
        case .dot: DOTExport.render(charter)
        case .json: CharterJSONExport.render(charter, file: file, sources: sources)
        case .ics: ICSExport.render(charter, fileName: file?.name ?? "charte")
        }
    }
}

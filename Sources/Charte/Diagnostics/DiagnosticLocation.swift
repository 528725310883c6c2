/// Where a span lies, spelled out for machine formats: file name, start and end line and
/// column (1-based, columns in Unicode characters), and the byte range.
///
/// The end is exclusive: `endColumn` is the column just after the last character, as in
/// SARIF regions, so an empty span has `end == start`.
public struct DiagnosticLocation: Sendable, Hashable {
    /// The file's name as given on the command line (or a virtual name).
    public let file: String
    /// The line and column of the first character.
    public let start: LineColumn
    /// The line and column just after the last character.
    public let end: LineColumn
    /// The first byte.
    public let byteStart: Int
    /// One past the last byte.
    public let byteEnd: Int

    /// Resolves a span against the sources it belongs to.
    public init(_ span: Span, sources: SourceMap) {
        let source = sources[span.file]
        file = source.name
        start = source.location(of: span.start)
        end = source.location(of: span.end)
        byteStart = span.start
        byteEnd = span.end
    }

    /// Whether the span starts and ends on one line.
    public var isSingleLine: Bool { start.line == end.line }
}

/// The diagnostics of one checked file with the sources that give their spans a meaning.
///
/// Each loaded charter has its own `SourceMap`, so renderers that gather several files
/// take one of these per file rather than a bare array of diagnostics.
public struct FileDiagnostics: Sendable {
    /// The sources of the file (and anything it refers to).
    public let sources: SourceMap
    /// Its diagnostics, in reading order.
    public let diagnostics: [Diagnostic]

    /// Pairs diagnostics with their sources.
    public init(sources: SourceMap, diagnostics: [Diagnostic]) {
        self.sources = sources
        self.diagnostics = diagnostics
    }

    /// The diagnostics of a loaded charter.
    public init(_ loaded: LoadedCharter) {
        self.init(sources: loaded.sources, diagnostics: loaded.diagnostics)
    }
}

/// The counts printed after a check: files read, errors, warnings, unreadable paths.
public struct CheckSummary: Sendable, Hashable {
    /// The number of files read and checked.
    public var files: Int
    /// The number of errors.
    public var errors: Int
    /// The number of warnings.
    public var warnings: Int
    /// The paths that could not be read.
    public var unreadable: [String]

    /// Creates a summary.
    public init(files: Int = 0, errors: Int = 0, warnings: Int = 0, unreadable: [String] = []) {
        self.files = files
        self.errors = errors
        self.warnings = warnings
        self.unreadable = unreadable
    }

    /// The summary of some checked files.
    public init(_ files: [FileDiagnostics], unreadable: [String] = []) {
        let all = files.flatMap(\.diagnostics)
        self.init(files: files.count,
                  errors: all.filter { $0.severity == .error }.count,
                  warnings: all.filter { $0.severity == .warning }.count,
                  unreadable: unreadable)
    }
}

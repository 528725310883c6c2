/// The limits that keep Charte safe on any input; each excess is a diagnostic, never a crash.
public struct Limits: Sendable, Hashable {
    /// The largest charter or journal file read, in bytes (16 MiB by default).
    public var fileSize: Int = 16 * 1024 * 1024
    /// The deepest nesting of conditions.
    public var nesting: Int = Parser.maximumDepth
    /// The most diagnostics printed before "… et N autres".
    public var printedDiagnostics: Int = 200
    /// The longest query accepted, in bytes.
    public var queryLength: Int = 4096
    /// The largest CSV field, in bytes.
    public var csvField: Int = 1024 * 1024
    /// The most fields in one CSV row.
    public var csvFields: Int = 1000
    /// From this many bytes on, a charter is lexed and parsed in two halves on two threads
    /// and some checks run concurrently (when the machine has two cores); the result is
    /// the same either way. `Int.max` keeps everything on one thread.
    public var parallelWork: Int = 1024 * 1024

    /// The default limits.
    public static let standard = Limits()

    /// Creates the default limits.
    public init() {}
}

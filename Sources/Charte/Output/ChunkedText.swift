/// Text written out piece by piece: appended to a buffer handed to `write` 64 KiB at a time,
/// so a long report (a journal of millions of rows) is never held whole in memory.
struct ChunkedText {
    /// Where full chunks go.
    let write: (String) -> Void
    /// What is not written yet.
    private(set) var buffer = ""

    /// The size at which the buffer is written.
    static let chunkSize = 64 * 1024

    /// Text written to `write`.
    init(write: @escaping (String) -> Void) {
        self.write = write
    }

    static func += (lhs: inout ChunkedText, rhs: String) {
        lhs.buffer += rhs
        if lhs.buffer.utf8.count >= chunkSize { lhs.flush() }
    }

    /// Writes what is left.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        write(buffer)
        buffer = ""
    }

    /// Runs `body` over a chunked text that writes to `write`, then writes what is left.
    static func writing(to write: (String) -> Void, _ body: (inout ChunkedText) -> Void) {
        withoutActuallyEscaping(write) { write in
            var text = ChunkedText(write: write)
            body(&text)
            text.flush()
        }
    }
}

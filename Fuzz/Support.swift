// Shared helpers of the fuzz targets (compiled with each target, never with the package).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the run with a message when a property fails, so libFuzzer records the input.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if condition() { return }
    let text = "propriété violée : \(message())\n"
    _ = text.withCString { fputs($0, stderr) }
    abort()
}

/// The bytes libFuzzer hands over, copied into an array.
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Checks that every span of every diagnostic lies within its file and is well ordered.
func requireSpansWithin(_ loaded: LoadedCharter) {
    let count = loaded.file.bytes.count
    func inside(_ span: Span) -> Bool {
        span.file == loaded.file.id && span.start >= 0 && span.start <= span.end && span.end <= count
    }
    for diagnostic in loaded.diagnostics {
        require(inside(diagnostic.span), "span hors du fichier : \(diagnostic.code) \(diagnostic.span) (\(count) octets)")
        for note in diagnostic.notes {
            if let span = note.span { require(inside(span), "note hors du fichier : \(diagnostic.code) \(span)") }
        }
        for candidate in diagnostic.candidates {
            if let span = candidate.span { require(inside(span), "suggestion hors du fichier : \(diagnostic.code) \(span)") }
        }
    }
    for comment in loaded.comments {
        require(inside(comment), "commentaire hors du fichier : \(comment)")
    }
}

/// A charter of the repository, checked once; the fuzz binaries run from the repository root.
func bundledCharter(_ path: String) -> LoadedCharter {
    guard let loaded = try? CharterLoader.load(path: path), loaded.checked != nil else {
        require(false, "charte de départ illisible ou en erreur : \(path) (lancez depuis la racine du dépôt)")
        abort()
    }
    return loaded
}

/// Stops the run (a setup failure, not a finding).
func stop() -> Never { abort() }

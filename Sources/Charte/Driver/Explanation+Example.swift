// The live part of `charte expliquer`: the example checked by the real pipeline, so the
// text shows what `charte verifier` says today, not what it said when it was written.

extension Explanation {
    /// The limits the example is checked with.
    public var exampleLimits: Limits {
        var limits = Limits.standard
        if let fileSizeLimit { limits.fileSize = fileSizeLimit }
        return limits
    }

    /// Checks the example, as `charte verifier` would.
    public func checkExample() -> LoadedCharter {
        // The models are only in memory: a search with no folder never reads the disk for them.
        let name = "exemple-\(code.rawValue).charte"
        var files = models.mapValues { Array($0.utf8) }
        files[name] = exampleBytes
        let search = ModelSearch(files: files, readsDisk: false)
        return CharterLoader.check(bytes: exampleBytes, name: name, limits: exampleLimits, models: search)
    }

    /// The full French text: meaning, example, what `charte verifier` says of it, fix.
    public func render(colour: Bool = false) -> String {
        let severity = code.severity == .error ? "erreur" : "avertissement"
        let loaded = checkExample()
        let renderer = HumanRenderer(colour: colour)
        let report = loaded.diagnostics.map { renderer.render($0, sources: loaded.sources) }.joined(separator: "\n")
        var text = "\(code.rawValue) — \(title) (\(severity))\n\n"
        text += "Ce que cela veut dire :\n\(Explanation.indented(meaning))\n\n"
        text += "Exemple :\n\(Explanation.indented(Explanation.visible(example)))\n"
        if let fileSizeLimit {
            text += "  (vérifié ici avec une limite de \(fileSizeLimit) octets)\n"
        }
        text += "\nCe que « charte verifier » en dit :\n\(Explanation.indented(report))\n\n"
        text += "Comment corriger :\n\(Explanation.indented(fix))\n"
        return text
    }
}

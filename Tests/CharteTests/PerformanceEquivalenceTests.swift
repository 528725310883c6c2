import Testing
@testable import Charte

// The faster paths of the verifier must give exactly what the plain ones give. These tests
// time nothing: they compare results.

/// What a check gives beyond the tree: comments, diagnostics with their notes, the model's shape.
private func summary(_ loaded: LoadedCharter) -> [String] {
    let model = loaded.model
    return [
        loaded.comments.map { "\($0.start)-\($0.end)" }.joined(separator: ","),
        loaded.diagnostics.map { "\($0.code.rawValue)@\($0.span.start)-\($0.span.end) \($0.message.text) \($0.notes.map(\.span)) \($0.candidates.map(\.name))" }
            .joined(separator: "\n"),
        model.tasks.map { "\($0.id) \($0.responsables) \($0.aides) \($0.actions.map(\.action)) \(String(describing: $0.deadline)) \($0.after)" }
            .joined(separator: "\n"),
        model.permissions.map { "\($0.kind) \($0.actors) \($0.action) \(String(describing: $0.condition))" }.joined(separator: "\n"),
    ]
}

/// The charter checked on one thread and with every split and concurrent path forced.
private func expectSameWithAndWithoutThreads(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    var sequential = Limits()
    sequential.parallelWork = Int.max
    var parallel = Limits()
    parallel.parallelWork = 0
    let one = CharterLoader.check(text: text, name: "t.charte", limits: sequential)
    let two = CharterLoader.check(text: text, name: "t.charte", limits: parallel)
    #expect(one.tree == two.tree, sourceLocation: sourceLocation)
    #expect(one.diagnostics == two.diagnostics, sourceLocation: sourceLocation)
    #expect(summary(one) == summary(two), sourceLocation: sourceLocation)
}

private let bundled = ["rules/etablissement-exemple.charte", "rules/college-petit.charte", "rules/lycee-region.charte"]

@Test(arguments: bundled)
func splitParsingGivesTheSameResult(path: String) throws {
    let text = String(decoding: FileAccess.read(repositoryPath(path)) ?? [], as: UTF8.self)
    #expect(!text.isEmpty)
    expectSameWithAndWithoutThreads(text)
    // Damaged copies: the cut may fall after an error (the halves are then not joined) or before one.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for fraction in [0.1, 0.3, 0.45, 0.55, 0.7, 0.9] {
        let at = Int(Double(lines.count) * fraction)
        var broken = lines
        broken[at] += " { ( « "
        expectSameWithAndWithoutThreads(broken.joined(separator: "\n"))
        var cut = lines
        cut.removeSubrange(at..<min(lines.count, at + 3))
        expectSameWithAndWithoutThreads(cut.joined(separator: "\n"))
        var role = lines
        role.insert("role", at: at)
        expectSameWithAndWithoutThreads(role.joined(separator: "\n"))
    }
}

@Test func splitParsingKeepsADeclarationKeywordUsedAsAName() {
    // `role` at the start of a line, but inside a condition: the first half ends in an error.
    let text = """
    role a "A"
    objet o { genre: role | autre }
    action act "Act" sur o
    etape e "E" { tache t { responsable a action act si genre ==
    role } }
    role b "B"
    autorise b act
    """
    expectSameWithAndWithoutThreads(text)
}

@Test func suggestionIndexAgreesWithSuggestions() {
    let names = ["direction", "documentaliste", "documentalistes", "gestionnaire", "référent", "referent_numerique",
                 "admin_ent", "coordinateurs", "cpe", "cpe2", "élève", "eleve", "Équipe", "equipes", "a", "ab"]
    let candidates = names.map { Candidate(name: $0, span: nil) }
    let index = SuggestionIndex(candidates)
    let queries = ["documentalist", "directoin", "gestionaire", "referent", "cp", "eleves", "equipe", "admin", "b", "zzz",
                   "Documentaliste", "coordinateur", "cpe", "référents", "ab"]
    for query in queries {
        #expect(index.closest(to: query) == Suggestions.closest(to: query, among: candidates), "query \(query)")
    }
}

@Test func indexSetBehavesLikeASet() {
    var bits = IndexSet()
    var reference = Set<Int>()
    for value in [3, 64, 0, 3, 200, 63, 65, 64, -1] {
        #expect(bits.insert(value).inserted == (value >= 0 && reference.insert(value).inserted))
    }
    for value in -2...210 {
        #expect(bits.contains(value) == reference.contains(value))
    }
}

@Test func syntaxDamageTouchesAsBefore() {
    let damage = SyntaxDamage(offsets: [40, 3, 17, 17, 90])
    for start in 0..<100 {
        for length in [0, 1, 5, 30] {
            let span = Span(file: FileID(0), start: start, end: start + length)
            #expect(damage.touches(span) == damage.offsets.contains { span.range.contains($0) })
        }
    }
}

/// The longest-line check as it was written first: one byte at a time.
private func naiveFirstLine(of bytes: [UInt8], longerThan limit: Int) -> (start: Int, length: Int)? {
    guard bytes.count > limit else { return nil }
    var start = 0
    for offset in 0...bytes.count {
        guard offset == bytes.count || bytes[offset] == UInt8(ascii: "\n") else { continue }
        var end = offset
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if end - start > limit { return (start, end - start) }
        start = offset + 1
    }
    return nil
}

@Test func longLinesAreFoundAsBefore() {
    var state: UInt64 = 99
    for round in 0..<300 {
        var bytes: [UInt8] = []
        let length = Int(round % 60)
        for _ in 0..<length {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Letters, carriage returns, line feeds and bytes of non-ASCII text.
            let alphabet: [UInt8] = [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "\r"), 0xC3, 0xE9, UInt8(ascii: "\n")]
            bytes.append(alphabet[Int(state >> 58) % alphabet.count])
        }
        for limit in [0, 1, 3, 7, 8, 9, 15, 40] {
            let fast = Limits.firstLine(of: bytes, longerThan: limit)
            let slow = naiveFirstLine(of: bytes, longerThan: limit)
            #expect(fast?.start == slow?.start && fast?.length == slow?.length, "round \(round) limit \(limit)")
        }
    }
}

import Testing
@testable import Charte

// The faster paths of the verifier must give exactly what the plain ones give. These tests
// time nothing: they compare results with naive versions.

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

/// The longest-line check as it was written first: one byte at a time. A line ends with LF,
/// CR LF or a lone CR (issue 12: a lone CR ends a line as a terminal shows it).
private func naiveFirstLine(of bytes: [UInt8], longerThan limit: Int) -> (start: Int, length: Int)? {
    guard bytes.count > limit else { return nil }
    var start = 0
    for offset in 0...bytes.count {
        let loneCR = offset < bytes.count && bytes[offset] == UInt8(ascii: "\r")
            && (offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n"))
        guard offset == bytes.count || bytes[offset] == UInt8(ascii: "\n") || loneCR else { continue }
        if loneCR {
            if offset - start > limit { return (start, offset - start) }
            start = offset + 1
            continue
        }
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

@Test func textValuesAreWrittenWithTheirEscapes() {
    #expect(Value.text("Atlas 6e").written(as: .text) == "\"Atlas 6e\"")
    #expect(Value.text("dit \"oui\"").written(as: .text) == "\"dit \\\"oui\\\"\"")
    #expect(Value.text("a\\b").written(as: .text) == "\"a\\\\b\"")
    #expect(Value.text("").written(as: .text) == "\"\"")
}

@Test func coverageKeepsItsBudget() {
    // Twelve booleans read by every condition (4,096 objects) and 70 tasks an action: about
    // 10.2 million units of work an action, so the budget (20 million) runs out at the second
    // of three: only the first action's gap is reported.
    let booleans = (0..<12).map { "b\($0)" }
    var lines = ["role r \"R\"", "objet o {\n" + booleans.map { " \($0): booleen" }.joined(separator: "\n") + "\n}"]
    for action in 0..<3 { lines.append("action a\(action) \"A\" sur o") }
    lines.append("etape e \"E\" {")
    for action in 0..<3 {
        for task in 0..<70 {
            // False only where every boolean is: a gap (W501) for each action analysed.
            let condition = booleans.joined(separator: " ou ")
            lines.append("  tache t\(action)_\(task) { responsable r action a\(action) si \(condition) }")
        }
    }
    lines.append("}")
    let gaps = CharterLoader.check(text: lines.joined(separator: "\n")).diagnostics.filter { $0.code == .W501 }
    #expect(gaps.count == 1 && gaps.first?.message.text.contains("a0") == true)
    // And a charter within the budget, with warnings from every action.
    var small = ["role r \"R\"", "role s \"S\"", "objet o { y: a | b | c }"]
    for action in 0..<40 { small.append("action a\(action) \"A\" sur o") }
    small.append("etape e \"E\" {")
    for action in 0..<40 {
        small.append("  tache t\(action) { responsable r action a\(action) si y == a }")
        small.append("  tache u\(action) { responsable s action a\(action) si y != c }")
    }
    small.append("}")
    let text = small.joined(separator: "\n")
    let codes = CharterLoader.check(text: text).diagnostics.map(\.code.rawValue)
    #expect(codes.filter { $0 == "W501" }.count == 40 && codes.filter { $0 == "W502" }.count == 40)
}

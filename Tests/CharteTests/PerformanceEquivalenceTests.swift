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
    parallel.parallelTasks = 0
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

@Test func splitParsingKeepsTheDiagnosticCapsOfOnePass() {
    // Lexical errors on both sides of the cut: 600 + 600 passes the share of one phase (1000),
    // 3000 overflows each half; the summary (E013) must be what one pass gives.
    for perHalf in [10, 600, 3000] {
        var lines: [String] = []
        for half in 0..<2 {
            lines.append("role r\(half) \"R\"")
            for index in 0..<perHalf { lines.append("role x\(half)_\(index) \"X\" $") }
            lines.append("etape e\(half) \"E\" { tache t\(half) { responsable r\(half) } }")
        }
        expectSameWithAndWithoutThreads(lines.joined(separator: "\n"))
    }
}

/// A charter of `steps` steps of four tasks, with references across the whole file, and
/// `faults` replacing the task lines they name (by step and task).
private func taskCharter(steps: Int, faults: [Int: String] = [:]) -> String {
    var lines = [
        "role a \"A\"", "role b \"B\"", "instance c \"C\" { membres a }",
        "objet o { genre: x | y\n niveau: nombre }",
        "action lire \"Lire\" sur o", "action voir \"Voir\"",
        "evenement arrivee \"Arrivée\" sur o",
        "calendrier {\n rentree 2026-09-01\n fin_annee 2027-07-03\n}",
    ]
    for step in 0..<steps {
        lines.append("etape e\(step) \"E\(step)\"\(step > 0 ? " apres e\(step - 1)" : "") {")
        for task in 0..<4 {
            let number = step * 4 + task
            if let fault = faults[number] {
                lines.append(fault)
                continue
            }
            var clauses = ["responsable \(number % 2 == 0 ? "a" : "b")", "aide c", "action lire si genre == x et niveau >= \(number)"]
            if number > 0 { clauses.append("apres t\(number / 2)") }
            if number % 3 == 0 { clauses.append("echeance rentree + \(number) jours") }
            if number % 5 == 0 { clauses += ["quand arrivee", "delai 3 jours"] }
            lines.append("  tache t\(number) \"T\(number)\" { \(clauses.joined(separator: "\n    ")) }")
        }
        lines.append("}")
    }
    lines.append("autorise a lire si genre == y")
    lines.append("test \"qui\" {\n  qui t0 = a\n  peut a lire o(genre: y, niveau: 1)\n}")
    return lines.joined(separator: "\n")
}

@Test func concurrentResolvingGivesTheSameResult() {
    let steps = 24
    let last = steps * 4 - 1
    // Clean (bar a warning or two from later checks), so the halves are joined.
    let clean = CharterLoader.check(text: taskCharter(steps: steps))
    #expect(!clean.hasErrors && clean.model.tasks.count == steps * 4)
    #expect(clean.diagnostics.map(\.code.rawValue) == ["W501"])
    expectSameWithAndWithoutThreads(taskCharter(steps: steps))
    // One fault at a time, in the first half, at the cut and in the second half.
    let faults = [
        "  tache tx \"X\" { responsable inconnu }",               // unknown actor, with suggestions
        "  tache t1 \"Doublon\" { responsable a }",               // duplicate of an earlier task
        "  tache ty \"Y\" { responsable a\n action lire si genre == z }",  // not a value of genre
        "  tache tz \"Z\" { responsable a\n quand arrivee }",     // `quand` without `delai`
        "  tache tw \"W\" { responsable a\n apres nulle_part }",  // unknown prerequisite
        "  tache tv \"V\" { responsable a\n action lire si ( }",  // syntax error: damaged action
        "  tache tu \"U\" { responsable a\n echeance noel }",     // unknown calendar name
    ]
    for fault in faults {
        for position in [2, last / 2 - 1, last / 2, last / 2 + 1, last - 2] {
            expectSameWithAndWithoutThreads(taskCharter(steps: steps, faults: [position: fault]))
        }
        expectSameWithAndWithoutThreads(taskCharter(steps: steps, faults: [3: fault, last - 3: fault]))
    }
    // Rules and tests resolved beside the tasks: faults there, alone or with a task's.
    let badRules = "\nautorise b lire si genre == z\ninterdit personne lire\ntest \"faux\" {\n  qui t1 = inconnu\n}"
    expectSameWithAndWithoutThreads(taskCharter(steps: steps) + badRules)
    expectSameWithAndWithoutThreads(taskCharter(steps: steps, faults: [last - 2: faults[0]]) + badRules)
}

@Test func concurrentResolvingIsKeptOnlyWhenNothingIsReported() {
    func resolved(_ text: String) -> (joined: Bool, checker: Checker) {
        let file = SourceFile(id: FileID(0), name: "t.charte", bytes: Array(text.utf8))
        let parsed = Parser.parse(file, lines: 0..<file.bytes.count)
        var checker = Checker(charter: Charter(file: file.id), tree: parsed.tree, damage: SyntaxDamage())
        checker.declareAll()
        checker.resolveDeclarationTypes()
        let before = checker.charter.tasks
        let joined = checker.resolveConcurrently()
        if !joined {
            // Put back exactly as declared: the sequential pass starts from there.
            let restored = checker.charter.tasks == before
            #expect(restored)
            #expect(checker.roleNames.isEmpty && checker.diagnostics.isEmpty && checker.resolvedTasks.isEmpty)
        }
        return (joined, checker)
    }
    let clean = resolved(taskCharter(steps: 10))
    let tasks = clean.checker.charter.tasks
    #expect(clean.joined)
    #expect(clean.checker.diagnostics.isEmpty)
    #expect(tasks.count == 40)
    let complete = tasks.allSatisfy { $0.responsables.count == 1 && $0.aides == [2] && $0.actions.count == 1 }
    #expect(complete)
    #expect(tasks[39].after == [19] && tasks[21].after == [10] && tasks[1].after == [0])
    #expect(tasks[35].trigger == 0 && tasks[35].delay != nil && tasks[36].deadline != nil)
    #expect((0..<40).allSatisfy { clean.checker.resolvedTasks.contains($0) && clean.checker.tasksWithResponsableClause.contains($0) })
    #expect(clean.checker.usedActors.contains(0) && clean.checker.usedActors.contains(1) && clean.checker.usedActors.contains(2))
    // Role names of the second half come after the first half's, each task keeping its own.
    for (index, task) in clean.checker.charter.tasks.enumerated() {
        let names = clean.checker.roleNames[clean.checker.roleNameRanges[index]]
        #expect(names.map(\.actor) == task.responsables + task.aides, "task \(index)")
    }
    #expect(clean.checker.charter.permissions.count == 1 && clean.checker.charter.tests.first?.assertions.count == 2)
    #expect(!resolved(taskCharter(steps: 10, faults: [35: "  tache tx \"X\" { responsable inconnu }"])).joined)
    // A rule that reports: put back too (its diagnostic would come before the tasks').
    let badRule = resolved(taskCharter(steps: 10) + "\nautorise b lire si genre == z")
    #expect(!badRule.joined && badRule.checker.charter.permissions.isEmpty && badRule.checker.charter.tests.isEmpty)
    #expect(!resolved(taskCharter(steps: 10, faults: [2: "  tache tx \"X\" { responsable inconnu }"])).joined)
}

@Test func keptValuesAreNeverFreed() {
    final class Witness: @unchecked Sendable {
        let flag: UnsafeMutablePointer<Bool>
        init(_ flag: UnsafeMutablePointer<Bool>) { self.flag = flag }
        deinit { flag.pointee = true }
    }
    let freed = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
    freed.pointee = false
    let before = Disposal.keptCount
    do {
        let witness = Witness(freed)
        Disposal.keepUntilExit(witness)
    }
    #expect(Disposal.keptCount == before + 1)
    #expect(freed.pointee == false)
}

@Test func textValuesAreWrittenWithTheirEscapes() {
    #expect(Value.text("Atlas 6e").written(as: .text) == "\"Atlas 6e\"")
    #expect(Value.text("dit \"oui\"").written(as: .text) == "\"dit \\\"oui\\\"\"")
    #expect(Value.text("a\\b").written(as: .text) == "\"a\\\\b\"")
    #expect(Value.text("").written(as: .text) == "\"\"")
}

@Test func theFirstHalfIsDeclaredWhileTheSecondIsParsed() {
    let text = taskCharter(steps: 24)
    let file = SourceFile(id: FileID(0), name: "t.charte", bytes: Array(text.utf8))
    let (parsed, checker) = CharterLoader.parse(file, splittingAbove: 0, declaring: 0)
    guard var checker else {
        Issue.record("no checker declared ahead")
        return
    }
    // Only the first half was declared ahead; finishing gives what one pass gives.
    #expect(checker.tree.declarations.count < parsed.tree.declarations.count)
    #expect(checker.charter.tasks.count > 0 && checker.charter.tasks.count < 96)
    let ahead = checker.finish(parsed.tree, damage: SyntaxDamage(), concurrently: false)
    let once = Checker.check(parsed.tree)
    #expect(ahead.charter.tasks == once.charter.tasks)
    #expect(ahead.charter.symbols == once.charter.symbols)
    #expect(ahead.diagnostics == once.diagnostics)
    // A syntax error in the first half: nothing is declared ahead.
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[12] += " { ("
    let broken = SourceFile(id: FileID(0), name: "t.charte", bytes: Array(lines.joined(separator: "\n").utf8))
    #expect(CharterLoader.parse(broken, splittingAbove: 0, declaring: 0).checker == nil)
    #expect(CharterLoader.parse(file, splittingAbove: 0).checker == nil)
}

@Test func concurrentCoverageKeepsTheOnePassBudget() {
    // Twelve booleans read by every condition (4,096 objects) and 70 tasks an action: about
    // 10.2 million units of work an action, so the budget (20 million) runs out at the second
    // of three; the threads' chunks must give what one pass gives.
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
    expectSameWithAndWithoutThreads(lines.joined(separator: "\n"))
    // And a charter within the budget, with warnings from several actions' chunks.
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
    expectSameWithAndWithoutThreads(text)
}

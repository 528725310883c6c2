// Fuzz target `charte`: lex + parse + check arbitrary bytes, render the diagnostics, and
// ask every question a clean charter can answer. Properties, not only "no crash":
// - the same bytes always give the same tree and the same diagnostics;
// - every diagnostic span (and note, suggestion, comment) lies within the file;
// - with a small line limit, the first longer line (found naively) is the one E013, and
//   a file without one checks exactly as without the limit;
// - a charter that checks clean re-checks clean, to the same tree, when re-read from its text
//   and with a trailing newline;
// - declarations may come in any order: a clean charter with its declarations reversed is
//   still clean, and each declaration re-parses to the same tree;
// - for a clean charter, `Authorizer.outcome` agrees with `decide`, and a forbid whose
//   condition is unknown never yields `autorise`.

@_cdecl("LLVMFuzzerTestOneInput")
public func charteFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let first = CharterLoader.check(bytes: bytes, name: "fuzz.charte")
    let second = CharterLoader.check(bytes: bytes, name: "fuzz.charte")
    require(first.diagnostics == second.diagnostics, "diagnostics différents d'une lecture à l'autre")
    require(first.tree == second.tree, "arbres différents d'une lecture à l'autre")
    requireSpansWithin(first)
    render(first)
    requireLineLimit(bytes, unlimited: first)

    guard !first.hasErrors else {
        require(first.checked == nil, "une charte en erreur est utilisable")
        return 0
    }
    let text = String(decoding: bytes, as: UTF8.self)
    for variant in [text, text + "\n"] {
        let again = CharterLoader.check(text: variant, name: "fuzz.charte")
        require(!again.hasErrors, "une charte propre ne se revérifie pas proprement : \(again.diagnostics.map(\.code))")
        require(again.tree == first.tree, "une charte propre relue donne un autre arbre")
    }
    requireOrderFree(first)
    if let checked = first.checked {
        decideEverything(checked.model)
        useEverything(checked)
    }
    return 0
}

/// Renders the diagnostics in every format (catches crashes in positions and underlines).
func render(_ loaded: LoadedCharter) {
    let human = HumanRenderer(colour: true)
    let shown = Array(loaded.diagnostics.prefix(50))
    for diagnostic in shown {
        _ = human.render(diagnostic, sources: loaded.sources)
        _ = GccRenderer().render(diagnostic, sources: loaded.sources)
        _ = GitHubRenderer().render(diagnostic, sources: loaded.sources)
    }
    let files = [FileDiagnostics(sources: loaded.sources, diagnostics: shown)]
    _ = SarifRenderer(toolVersion: "fuzz", informationURI: "https://charte.invalid").render(files)
    _ = DiagnosticJSONRenderer().render(files, summary: CheckSummary(files: 1, errors: shown.count))
}

/// Everything a clean charter feeds: exports, its own tests, the agenda.
func useEverything(_ checked: CheckedCharter) {
    let charter = checked.model
    for format in ExportFormat.allCases {
        _ = CharterExporter.render(checked, format: format)
    }
    let report = QueryEngine(checked).runTests()
    require(report.charterErrors == 0, "une charte propre compte des erreurs dans ses tests")
    if let date = CalendarDate(year: 2027, month: 1, day: 15) {
        let instances = DeadlineSchedule(charter: checked, at: date).instances
        _ = AgendaTextRenderer(charter: charter, charterName: "fuzz", journalName: nil).render(Agenda(charter: checked, instances: instances, date: date))
    }
}

/// Decides every (actor, action) on the unknown object and on a few filled objects.
func decideEverything(_ charter: Charter) {
    let authorizer = Authorizer(charter: charter)
    for action in charter.actions.indices.prefix(20) {
        let type = charter.actions[action].objectType
        let attributes = type.map { charter.objectTypes[$0].attributes } ?? []
        var objects = [ObjectValue.unknown(type: type, attributeCount: attributes.count)]
        for seed in 0..<3 {
            objects.append(ObjectValue(type: type, values: attributes.enumerated().map { index, attribute in
                sampleValue(attribute.type, seed: seed + index)
            }))
        }
        for actor in charter.actors.indices.prefix(20) {
            for object in objects {
                let decision = authorizer.decide(actors: [actor], action: action, object: object)
                require(decision.outcome == authorizer.outcome(actors: [actor], action: action, object: object),
                        "outcome et decide ne s'accordent pas")
                requireForbidNeverPermits(authorizer, charter: charter, actor: actor, action: action, object: object, decision: decision)
                if let scope = charter.actions[action].scope, scope.evaluate(object) != .yes {
                    require(decision.outcome != .allowed, "une action autorisée hors de sa portée")
                }
            }
        }
    }
}

/// A value of a type, or unknown, chosen by a seed.
func sampleValue(_ type: ValueType, seed: Int) -> Value? {
    switch (type, seed % 4) {
    case (_, 3): nil
    case (.enumeration(let values), _): values.isEmpty ? nil : .enumeration(seed % values.count)
    case (.boolean, _): .boolean(seed % 2 == 0)
    case (.text, _): .text(seed % 2 == 0 ? "" : "x")
    case (.number, _): .number(Int64(seed) - 1)
    case (.euros, _): .amount(Int64(seed) * 100_000 - 1)
    case (.date, _): CalendarDate(year: 2026, month: 9, day: 1 + seed).map(Value.date)
    }
}

/// A forbid that applies and holds, or is unknown, never lets `autorise` through.
func requireForbidNeverPermits(_ authorizer: Authorizer, charter: Charter, actor: Int, action: Int, object: ObjectValue, decision: Decision) {
    for permission in charter.permissions where permission.kind == .forbid && permission.action == action && permission.applies(to: actor) {
        let truth = permission.condition?.evaluate(object) ?? .yes
        if truth != .no {
            require(decision.outcome != .allowed, "un interdit \(truth) laisse passer « autorise »")
        }
    }
}

/// Reverses the top-level declarations of a clean charter: still clean, same declarations.
func requireOrderFree(_ loaded: LoadedCharter) {
    let declarations = loaded.tree.declarations
    guard declarations.count > 1 else { return }
    let reversed = declarations.reversed().map { loaded.file.text($0.span.range) }.joined(separator: "\n")
    let again = CharterLoader.check(text: reversed, name: "fuzz.charte")
    require(!again.hasErrors, "l'ordre des déclarations compte : \(again.diagnostics.filter { $0.severity == .error }.map(\.code))")
    require(again.tree.declarations == Array(declarations.reversed()), "une déclaration relue seule donne un autre arbre")
}

/// The loader's line limit against a naive scan, with a limit small enough for fuzz inputs.
func requireLineLimit(_ bytes: [UInt8], unlimited: LoadedCharter) {
    var limits = Limits()
    limits.lineLength = 24
    let limited = CharterLoader.check(bytes: bytes, name: "fuzz.charte", limits: limits)
    var expected: (start: Int, length: Int)?
    var start = 0
    for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == UInt8(ascii: "\n") {
        var end = offset
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if end - start > limits.lineLength {
            expected = (start, end - start)
            break
        }
        start = offset + 1
    }
    if let expected {
        require(limited.diagnostics.map(\.message) == [.lineTooLong(length: expected.length, limit: limits.lineLength)]
                && limited.diagnostics.first?.span.start == expected.start, "limite de ligne mal appliquée")
    } else {
        require(limited.diagnostics == unlimited.diagnostics, "la limite de ligne change une charte qui la respecte")
    }
}

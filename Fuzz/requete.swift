// Fuzz target `requete`: the query parser and engine on arbitrary text, against two charters
// (the first byte chooses). Properties, not only "no crash":
// - the same text always parses to the same query and diagnostics, and answers the same;
// - every diagnostic span lies within its file (the query's or the charter's);
// - a query over `Limits.queryLength` bytes is refused with E013, never read;
// - a `peut` answer agrees with the authorizer, and never says `autorise` while a forbid
//   that applies is true or unknown; a dated `peut … le DATE` never lifts a forbid (a
//   suppléance never permits what the actor's own `interdit` refuses);
// - answers render as text and JSON.

let requeteCharters = [bundledCharter("Tests/CharteTests/Fixtures/public/valid/mini.charte"),
                       bundledCharter("rules/etablissement-exemple.charte")]
let requeteEngines = requeteCharters.map { loaded -> QueryEngine in
    guard let checked = loaded.checked else { stop() }
    return QueryEngine(checked)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func requeteFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let engine = requeteEngines[Int(selector) % requeteEngines.count]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)

    var sources = engine.sources
    let parsed = QueryParser.parse(text, into: &sources)
    var again = engine.sources
    let reparsed = QueryParser.parse(text, into: &again)
    require(parsed.query == reparsed.query && parsed.diagnostics == reparsed.diagnostics, "requête lue deux fois différemment")
    requireWithin(parsed.diagnostics, sources: sources)
    if text.utf8.count > Limits.standard.queryLength {
        require(parsed.query == nil && parsed.diagnostics.map(\.code) == [DiagnosticCode.E013], "requête trop longue acceptée")
    }

    let first = Result { () throws(QueryError) in try engine.answer(text) }
    let second = Result { () throws(QueryError) in try engine.answer(text) }
    switch (first, second) {
    case (.success(let a), .success(let b)):
        require(a == b, "deux réponses différentes à la même requête")
        _ = QueryText.render(a)
        _ = QueryJSON.encode(a).rendered(pretty: true)
        if case .may(let may) = a, case .may(let actor, let action, let object)? = parsed.query {
            requireMayIsSound(may, engine: engine, actor: actor, action: action, object: object)
        }
        if case .may(let may) = a, case .dated(.may(let actor, let action, let object), _)? = parsed.query {
            requireDatedMayIsSound(may, engine: engine, actor: actor, action: action, object: object)
        }
    case (.failure(let a), .failure(let b)):
        require(a.diagnostics == b.diagnostics, "deux erreurs différentes pour la même requête")
        require(!a.diagnostics.isEmpty, "une requête refusée sans diagnostic")
        requireWithin(a.diagnostics, sources: a.sources)
        let renderer = HumanRenderer(colour: false)
        for diagnostic in a.diagnostics.prefix(20) { _ = renderer.render(diagnostic, sources: a.sources) }
    default:
        require(false, "la même requête réussit puis échoue")
    }
    return 0
}

/// Every span of the diagnostics lies within the file it names.
func requireWithin(_ diagnostics: [Diagnostic], sources: SourceMap) {
    func inside(_ span: Span) -> Bool {
        sources.files.indices.contains(span.file.rawValue) && span.start >= 0 && span.start <= span.end
            && span.end <= sources[span.file].bytes.count
    }
    for diagnostic in diagnostics {
        require(inside(diagnostic.span), "span hors du fichier : \(diagnostic.code) \(diagnostic.span)")
        for note in diagnostic.notes { if let span = note.span { require(inside(span), "note hors du fichier") } }
    }
}

/// Re-decides a `peut` from the charter's rules and compares.
func requireMayIsSound(_ may: MayAnswer, engine: QueryEngine, actor: ActorReference, action: Name, object: ObjectLiteral?) {
    let charter = engine.charter
    guard let actionIndex = charter.action(named: action.text) else { return }
    let asked: String = switch actor {
    case .id(let name): name.text
    case .person(let literal): literal.value
    }
    guard let actors = charter.actors(for: asked) else { return }
    var typer = Typer(charter: charter)
    guard let value = typer.resolveObject(object, action: actionIndex) else { return }
    let outcome = Authorizer(charter: charter).outcome(actors: actors, action: actionIndex, object: value)
    require(outcome == may.outcome, "peut : \(may.outcome) mais l'autorisation dit \(outcome)")
    for rule in charter.permissions where rule.kind == .forbid && rule.action == actionIndex
        && actors.contains(where: { rule.applies(to: $0) }) {
        if (rule.condition?.evaluate(value) ?? .yes) != .no {
            require(may.outcome != .allowed, "un interdit vrai ou inconnu laisse passer « autorise »")
        }
    }
}

/// A dated `peut`: a forbid of the actors that refuses undated still refuses on any day.
func requireDatedMayIsSound(_ may: MayAnswer, engine: QueryEngine, actor: ActorReference, action: Name, object: ObjectLiteral?) {
    let charter = engine.charter
    guard let actionIndex = charter.action(named: action.text) else { return }
    let asked: String = switch actor {
    case .id(let name): name.text
    case .person(let literal): literal.value
    }
    guard let actors = charter.actors(for: asked) else { return }
    var typer = Typer(charter: charter)
    guard let value = typer.resolveObject(object, action: actionIndex) else { return }
    let undated = Authorizer(charter: charter).decide(actors: actors, action: actionIndex, object: value)
    if undated.outcome == .refused, undated.rules.contains(where: { $0.kind == .forbid }) {
        require(may.outcome == .refused, "peut … le DATE : une interdiction levée par une suppléance (\(may.outcome))")
    }
    require(may.date != nil, "peut … le DATE : réponse sans date")
}

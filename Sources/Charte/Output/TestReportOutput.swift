/// Renders the reports of `charte test` as French text and as JSON.
public enum TestReportOutput {
    // MARK: - Text

    /// Every file's assertions, one a line with its actual answer, details under each failure,
    /// then the summary `N réussies, N échouées`.
    public static func text(_ reports: [TestReport]) -> String {
        var out = ""
        for (index, report) in reports.enumerated() {
            if index > 0 { out += "\n" }
            out += ControlCharacters.escaped(report.file) + "\n"
            if report.charterErrors > 0 {
                out += "  la charte contient \(errors(report.charterErrors)) : aucun test n'a été lancé\n"
                continue
            }
            if report.results.isEmpty {
                out += "  aucun test\n"
                continue
            }
            var rows = AlignedText()
            var currentTest: String?
            for result in report.results {
                if result.test != currentTest {
                    currentTest = result.test
                    rows.addLine("  test « \(ControlCharacters.escaped(result.test)) »")
                }
                rows.add(["  " + (result.passed ? "ok" : "ÉCHEC"), place(result.position, in: report.file), ControlCharacters.escaped(result.text), "→ " + actual(result)])
                if !result.passed {
                    for line in failureDetails(result) { rows.addLine("              " + line) }
                }
            }
            out += rows.rendered
        }
        return ControlCharacters.escaped(out + "\n" + summary(reports) + "\n", keepingLineBreaks: true)
    }

    /// `3 réussies, 1 échouée` over every report (plus the charters that could not run).
    public static func summary(_ reports: [TestReport]) -> String {
        let passed = reports.map(\.passed).reduce(0, +), failed = reports.map(\.failed).reduce(0, +)
        var text = "\(passed) réussie\(passed > 1 ? "s" : ""), \(failed) échouée\(failed > 1 ? "s" : "")"
        let broken = reports.filter { $0.charterErrors > 0 }.count
        if broken > 0 { text += ", \(broken) charte\(broken > 1 ? "s" : "") en erreur" }
        return text
    }

    /// The answer obtained, briefly.
    static func actual(_ result: AssertionResult) -> String {
        switch result.check {
        case .who(_, let actual):
            return actual.isEmpty ? "aucun responsable" : actual.joined(separator: ", ")
        case .decision(_, let answer):
            let rules = answer.rules.map { ruleText($0, from: result.position.file) }.joined(separator: " ; ")
            return QueryText.outcomeName(answer.outcome) + (rules.isEmpty ? "" : " (\(rules))")
        case .only(let named, let others):
            let refused = named.filter { $0.outcome != .allowed }
            if refused.isEmpty, others.isEmpty { return "seul\(named.count > 1 ? "s" : "") autorisé\(named.count > 1 ? "s" : "")" }
            var parts: [String] = []
            if !refused.isEmpty { parts.append("non autorisé : " + refused.map(\.actor).joined(separator: ", ")) }
            if !others.isEmpty { parts.append("d'autres ne sont pas refusés : " + others.map(\.actor).joined(separator: ", ")) }
            return parts.joined(separator: " ; ")
        }
    }

    /// What was expected and what was found, for a failed assertion.
    static func failureDetails(_ result: AssertionResult) -> [String] {
        switch result.check {
        case .who(let expected, let actual):
            var lines = ["attendu : " + (expected.isEmpty ? "aucun responsable" : expected.joined(separator: ", ")),
                         "obtenu  : " + (actual.isEmpty ? "aucun responsable" : actual.joined(separator: ", "))]
            if !result.absent.isEmpty { lines.append("manquant : " + result.absent.joined(separator: ", ")) }
            if !result.unexpected.isEmpty { lines.append("en trop  : " + result.unexpected.joined(separator: ", ")) }
            return lines
        case .decision(let expected, let answer):
            var lines = ["attendu : " + QueryText.outcomeName(expected), "obtenu  : " + QueryText.outcomeName(answer.outcome)]
            if !answer.missing.isEmpty { lines.append("il manque : " + answer.missing.joined(separator: ", ")) }
            return lines
        case .only(let named, let others):
            var lines: [String] = []
            for answer in named where answer.outcome != .allowed {
                lines.append("\(answer.actor) : attendu autorisé, obtenu \(QueryText.outcomeName(answer.outcome))")
            }
            for answer in others {
                let rules = answer.rules.map { ruleText($0, from: result.position.file) }.joined(separator: " ; ")
                lines.append("\(answer.actor) : attendu refusé, obtenu \(QueryText.outcomeName(answer.outcome))"
                             + (rules.isEmpty ? "" : " (\(rules))"))
            }
            return lines
        }
    }

    /// `ligne 12`, or `modele.charte:12` for a line of another file (the model an adaptation keeps it from).
    static func place(_ position: SourcePosition, in file: String) -> String {
        guard position.file != file else { return "ligne \(position.line)" }
        let name = position.file.split(separator: "/").last.map(String.init) ?? position.file
        return "\(name):\(position.line)"
    }

    /// A deciding rule with its line: `tâche prets, ligne 44`.
    static func ruleText(_ rule: RuleReference, from file: String) -> String {
        if rule.kind == .default { return "refus par défaut" }
        let name = rule.kind == .task ? "tâche \(rule.id)" : rule.kind == .scope ? "portée de l'action \(rule.id)" : rule.id
        return name + (rule.position.map { $0.file == file ? ", ligne \($0.line)" : ", " + place($0, in: file) } ?? "")
    }

    static func errors(_ count: Int) -> String { "\(count) erreur\(count > 1 ? "s" : "")" }

    // MARK: - JSON

    /// `{"fichiers": [{"fichier", "erreurs", "assertions": [...]}], "reussies", "echouees"}`.
    ///
    /// Each assertion: `{"test", "assertion", "ligne", "genre": "qui" | "peut" | "refuse" | "seul", "reussie", "attendu", "obtenu"}`
    /// plus `"absents"` and `"en_trop"` (responsables) for `qui`, `"manquants"` and `"regles"` for `peut`/`refuse`;
    /// `seul` gives `"attendu"` (the named actors), `"non_autorises"` and `"autres"` (each other actor not refused).
    public static func json(_ reports: [TestReport]) -> JSON {
        .object([
            ("fichiers", .array(reports.map { report in
                .object([
                    ("fichier", .string(report.file)),
                    ("erreurs", .int(report.charterErrors)),
                    ("assertions", .array(report.results.map { json($0, file: report.file) })),
                ])
            })),
            ("reussies", .int(reports.map(\.passed).reduce(0, +))),
            ("echouees", .int(reports.map(\.failed).reduce(0, +))),
        ])
    }

    static func json(_ result: AssertionResult, file: String) -> JSON {
        var members: [(String, JSON)] = [
            ("test", .string(result.test)),
            ("assertion", .string(result.text)),
            ("ligne", .int(result.position.line)),
        ]
        // An assertion kept from the model an adaptation adapts: its own file.
        if result.position.file != file { members.insert(("fichier", .string(result.position.file)), at: 2) }
        switch result.check {
        case .who(let expected, let actual):
            members += [
                ("genre", .string("qui")), ("reussie", .bool(result.passed)),
                ("attendu", .strings(expected)), ("obtenu", .strings(actual)),
                ("absents", .strings(result.absent)), ("en_trop", .strings(result.unexpected)),
            ]
        case .decision(let expected, let answer):
            members += [
                ("genre", .string(expected == .allowed ? "peut" : "refuse")), ("reussie", .bool(result.passed)),
                ("attendu", .string(expected.rawValue)), ("obtenu", .string(answer.outcome.rawValue)),
                ("manquants", .strings(answer.missing)), ("regles", QueryJSON.encode(answer.rules)),
            ]
        case .only(let named, let others):
            members += [
                ("genre", .string("seul")), ("reussie", .bool(result.passed)),
                ("attendu", .strings(named.map(\.actor))),
                ("non_autorises", .strings(named.filter { $0.outcome != .allowed }.map(\.actor))),
                ("autres", .array(others.map { answer in
                    .object([("acteur", .string(answer.actor)), ("obtenu", .string(answer.outcome.rawValue)),
                             ("manquants", .strings(answer.missing)), ("regles", QueryJSON.encode(answer.rules))])
                })),
            ]
        }
        return .object(members)
    }
}

import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

/// The HTML page's « Puis-je… ? » form and search, driven in headless Chromium, against
/// `charte peut`. Runs only when `CHARTE_CHROMIUM` is set (CI sets it; `1` finds `chromium`
/// on the PATH, anything else is the browser's path), so `swift test` never needs a browser.
///
/// Every request: each actor and person × each action × every combination of values of the
/// action's object (each value of an enumeration or boolean, « unknown », each text, number,
/// amount and date the charter names with its neighbours, one other). The requests are built
/// from the model here, not from the page's data, so a class the page forgot shows up.
@Suite("The HTML page in headless Chromium", .serialized)
struct PageChromiumTests {
    static let charters = ["rules/etablissement-exemple.charte", "rules/college-petit.charte", "rules/lycee-region.charte",
                           "Tests/CharteTests/Fixtures/page/seuils.charte"]

    /// The browser to drive, nil when the variable is not set.
    static let chromium: String? = {
        guard let value = ProcessInfo.processInfo.environment["CHARTE_CHROMIUM"], !value.isEmpty else { return nil }
        if value != "1" { return value }
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return "chromium"
    }()

    /// One request: the actor as asked, the action, and the object's fields (attribute index, value as typed).
    struct Request {
        let actor: String
        let action: Int
        let fields: [(attribute: Int, value: Value)]
    }

    @Test(.enabled(if: chromium != nil), arguments: charters)
    func everyAnswerIsPeut(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repositoryPath(path))))
        let checked = try #require(CharterLoader.check(bytes: bytes, name: path).checked)
        let charter = checked.model
        let engine = QueryEngine(checked)
        let requests = Self.requests(charter)
        #expect(requests.count > 50)

        // What `charte peut` answers, through the query engine (the command's own path) …
        var expected: [String] = []
        for (index, request) in requests.enumerated() {
            let query = Self.query(request, charter: charter)
            guard case .may(let answer) = try engine.answer(query) else {
                Issue.record("not a peut answer: \(query)")
                return
            }
            let line = Self.line(answer.outcome.rawValue, answer.missing,
                                 answer.rules.map { "\($0.kind.rawValue):\($0.id):\($0.position?.line ?? 0)" })
            expected.append(line)
            // … and, for one request in 40, through the command line itself, as JSON.
            if index % 40 == 0 {
                var arguments = ["peut", repositoryPath(path), request.actor, charter.actions[request.action].id]
                if let object = Self.objectText(request, charter: charter) { arguments.append(object) }
                let result = runCLI(arguments + ["--format", "json"])
                #expect(result.status == ExitCode.success, "\(arguments): \(result.err)")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
                let rules = (json["regles"] as? [[String: Any]] ?? []).map { rule in
                    "\(rule["genre"] as? String ?? ""):\(rule["id"] as? String ?? ""):\(rule["ligne"] as? Int ?? 0)"
                }
                #expect(Self.line(json["decision"] as? String ?? "", json["manquants"] as? [String] ?? [], rules) == line, "\(arguments)")
            }
        }

        // … and what the page answers, the form filled in by a script.
        let html = CharterExporter.render(checked, format: .html)
        let answers = try Self.drive(html, requests: requests, charter: charter)
        #expect(answers.count == requests.count, "the page answered \(answers.count) of \(requests.count) requests")
        var mismatches = 0
        for (index, (page, peut)) in zip(answers, expected).enumerated() where page != peut {
            mismatches += 1
            if mismatches <= 10 { Issue.record("\(Self.query(requests[index], charter: charter)): page « \(page) », peut « \(peut) »") }
        }
        #expect(mismatches == 0)
        print("PageChromiumTests: \(path): \(requests.count) requests, the page and peut agree on \(requests.count - mismatches)")
    }

    @Test(.enabled(if: chromium != nil))
    func searchAndFilters() throws {
        let path = "rules/etablissement-exemple.charte"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repositoryPath(path))))
        let checked = try #require(CharterLoader.check(bytes: bytes, name: path).checked)
        let html = CharterExporter.render(checked, format: .html)
        let searches: [(words: String, role: String, step: String)] = [
            ("licences manuels", "", ""), ("ELEVE", "", ""), ("", "3", "5"), ("enquete", "11", ""), ("zzz", "", ""),
        ]
        let driver = """
        var S = \(Self.jsonText(searches.map { [$0.words, $0.role, $0.step] }));
        var out = S.map(function (s) {
          document.getElementById('q-mots').value = s[0];
          document.getElementById('q-role').value = s[1];
          document.getElementById('q-etape').value = s[2];
          document.getElementById('q-mots').dispatchEvent(new Event('input'));
          var titres = Array.prototype.map.call(document.querySelectorAll('#q-resultats strong.tache'), function (e) { return e.textContent; });
          return encodeURIComponent(document.getElementById('q-compte').textContent + '|' + titres.join('|'));
        });
        """
        let lines = try Self.run(html, driver: driver)
        // « licences manuels » finds the notes too; « ELEVE » is « élève », not « relève »;
        // Gestionnaire (3) in Point 5 (5), whatever its letter; the DANE (11), with a word.
        #expect(lines == [
            "4 tâches|Contrôler l'annuaire ENT/GAR et épauler le gestionnaire|Attribuer et suivre les licences des manuels scolaires dans le GAR|Attribuer les licences des ressources hors manuels scolaires dans le GAR|Réaffecter les licences de manuels après un départ ou une arrivée",
            "1 tâche|Signaler tout départ et arrivée d'élève",
            "3 tâches|Suivre les commandes et les abonnements auprès des éditeurs|Traiter les problèmes techniques relevant des éditeurs|Traiter les problèmes techniques relevant du GAR",
            "1 tâche|Remplir l'enquête ETIC et faire remonter abonnements et usages à la DANE",
            "Aucune tâche ne correspond.|",
        ])
    }

    // MARK: - Requests

    /// Every request of a charter, in a fixed order.
    static func requests(_ charter: Charter) -> [Request] {
        let references = charter.actors.map(\.id) + charter.persons.keys.sorted()
        let constants = Self.constants(charter)
        var requests: [Request] = []
        for action in charter.actions.indices {
            var combinations: [[(attribute: Int, value: Value)]] = [[]]
            if let type = charter.actions[action].objectType {
                for (index, attribute) in charter.objectTypes[type].attributes.enumerated() {
                    let samples = Self.samples(attribute.type, named: constants[type * 1000 + index] ?? [])
                    combinations = combinations.flatMap { fields in
                        [fields] + samples.map { fields + [(index, $0)] }
                    }
                }
            }
            // A type with many attributes is sampled, one combination in k, always the same ones.
            let stride = max(1, combinations.count / 400)
            for reference in references {
                for (index, fields) in combinations.enumerated() where index % stride == 0 {
                    requests.append(Request(actor: reference, action: action, fields: fields))
                }
            }
        }
        return requests
    }

    /// The constants the charter's conditions compare each attribute with, by `type * 1000 + attribute`.
    static func constants(_ charter: Charter) -> [Int: [Value]] {
        var found: [Int: [Value]] = [:]
        func visit(_ predicate: Charte.Predicate, type: Int) {
            switch predicate {
            case .or(let a, let b), .and(let a, let b):
                visit(a, type: type)
                visit(b, type: type)
            case .not(let a): visit(a, type: type)
            case .member(let attribute, let values): found[type * 1000 + attribute, default: []] += values
            case .compare(.attribute(let a), _, .constant(let value)), .compare(.constant(let value), _, .attribute(let a)):
                found[type * 1000 + a, default: []].append(value)
            default: break
            }
        }
        let conditions = charter.tasks.flatMap { $0.actions.map { ($0.action, $0.condition) } }
            + charter.permissions.map { ($0.action, $0.condition) }
        for (action, condition) in conditions {
            if let condition, let type = charter.actions[action].objectType { visit(condition, type: type) }
        }
        return found
    }

    /// The values tried for an attribute (unknown is the omitted field).
    static func samples(_ type: ValueType, named: [Value]) -> [Value] {
        switch type {
        case .enumeration(let values): return values.indices.map(Value.enumeration)
        case .boolean: return [.boolean(true), .boolean(false)]
        case .text:
            var texts = [Value.text("Mathématiques")]
            for value in named where !texts.contains(value) { texts.append(value) }
            return texts
        case .number, .euros, .date:
            var values: [Value] = []
            for value in named {
                for delta in [-1, 0, 1] {
                    if let near = HTMLDecisions.step(value, by: delta) ?? (delta == 0 ? value : nil), !values.contains(near) { values.append(near) }
                }
            }
            let typical: Value? = type == .number ? .number(7) : type == .euros ? .amount(150_050)
                : CalendarDate(year: 2027, month: 3, day: 15).map(Value.date)
            if let typical, !values.contains(typical) { values.append(typical) }
            return values
        }
    }

    /// `peut gestionnaire commander ressource(categorie: manuel)` (a person's name in quotes).
    static func query(_ request: Request, charter: Charter) -> String {
        let actor = charter.actor(named: request.actor) != nil ? request.actor : "\"\(request.actor)\""
        return ["peut", actor, charter.actions[request.action].id, objectText(request, charter: charter)].compactMap { $0 }.joined(separator: " ")
    }

    /// The object as a query writes it, nil for an action without object.
    static func objectText(_ request: Request, charter: Charter) -> String? {
        guard let type = charter.actions[request.action].objectType else { return nil }
        let attributes = charter.objectTypes[type].attributes
        let fields = request.fields.map { "\(attributes[$0.attribute].name): \(written($0.value, type: attributes[$0.attribute].type))" }
        return "\(charter.objectTypes[type].id)(\(fields.joined(separator: ", ")))"
    }

    static func written(_ value: Value, type: ValueType) -> String {
        switch value {
        case .amount(let cents):
            let rest = cents.magnitude % 100
            return (cents < 0 ? "-" : "") + "\(cents.magnitude / 100),\(rest < 10 ? "0" : "")\(rest)"
        default: return value.written(as: type)
        }
    }

    /// The value as the page's field takes it.
    static func typed(_ value: Value, type: ValueType) -> String {
        switch value {
        case .enumeration, .boolean, .number: value.written(as: type)
        case .text(let text): text
        case .amount: written(value, type: type)
        case .date(let date): date.description
        }
    }

    static func line(_ outcome: String, _ missing: [String], _ rules: [String]) -> String {
        "\(outcome)|\(missing.joined(separator: ","))|\(rules.joined(separator: ";"))"
    }

    // MARK: - Chromium

    /// Fills the page's form for each request and reads its answer.
    static func drive(_ html: String, requests: [Request], charter: Charter) throws -> [String] {
        let rows: [[String]] = requests.map { request in
            let type = charter.actions[request.action].objectType
            var row = [request.actor, charter.actions[request.action].id]
            for field in request.fields {
                let attribute = charter.objectTypes[type ?? 0].attributes[field.attribute]
                row += [String(field.attribute), typed(field.value, type: attribute.type)]
            }
            return row
        }
        let driver = """
        var R = \(jsonText(rows));
        function fire(e, kind) { e.dispatchEvent(new Event(kind)); }
        var out = R.map(function (r) {
          var acteur = document.getElementById('p-acteur'), action = document.getElementById('p-action');
          acteur.value = r[0]; fire(acteur, 'change');
          action.value = r[1]; fire(action, 'change');
          for (var i = 2; i < r.length; i += 2) {
            var champ = document.getElementById('p-attr-' + r[i]);
            champ.value = r[i + 1];
            fire(champ, champ.tagName === 'SELECT' ? 'change' : 'input');
          }
          var z = document.getElementById('p-reponse');
          if (acteur.value !== r[0] || action.value !== r[1]) { return 'menu'; }
          return encodeURIComponent(z.dataset.decision + '|' + z.dataset.manquants + '|' + z.dataset.regles);
        });
        """
        return try run(html, driver: driver)
    }

    /// Loads the page with a driver script appended, and returns the lines it wrote.
    static func run(_ html: String, driver: String) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charte-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = "<pre id=\"resultats\"></pre>\n<script>\n(function () {\n\(driver)\n"
            + "document.getElementById('resultats').textContent = 'DEBUT\\n' + out.join('\\n') + '\\nFIN';\n})();\n</script>\n</body>"
        guard let range = html.range(of: "</body>", options: .backwards) else { throw PageError.noBody }
        let page = directory.appendingPathComponent("page.html")
        try html.replacingCharacters(in: range, with: script).write(to: page, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium ?? "chromium")
        if !(chromium ?? "").hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [chromium ?? "chromium"]
        }
        process.arguments = (process.arguments ?? []) + [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + directory.appendingPathComponent("profil").path,
            "--virtual-time-budget=120000", "--dump-dom", page.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let dom = String(decoding: data, as: UTF8.self)
        guard let start = dom.range(of: "DEBUT\n"), let end = dom.range(of: "\nFIN", range: start.upperBound..<dom.endIndex) else {
            throw PageError.noResults(String(dom.prefix(400)))
        }
        let body = dom[start.upperBound..<end.lowerBound]
        return body.isEmpty ? [] : body.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).removingPercentEncoding ?? String($0) }
    }

    enum PageError: Error { case noBody, noResults(String) }

    static func jsonText(_ rows: [[String]]) -> String {
        HTMLQuestions.scriptSafe(JSON.array(rows.map(JSON.strings)).rendered())
    }
}

/// Renders a journal report as JSON for tools: keys in a fixed order, lists sorted, no clock.
///
/// The shape is documented in README.md ("Checking a journal"); changing it is a breaking change.
public struct JournalJSONRenderer: Sendable {
    /// The charter the journal was checked against.
    public let charter: Charter
    /// The names written for the charter and the journal.
    public let charterName: String
    /// The journal's name.
    public let journalName: String

    /// Creates a renderer.
    public init(charter: Charter, charterName: String, journalName: String) {
        self.charter = charter
        self.charterName = charterName
        self.journalName = journalName
    }

    /// One top-level member: a value, or a list rendered item by item (its count, and a walk
    /// that hands each item over in turn).
    enum Member {
        case value(JSON)
        case items(Int, (_ each: (JSON) -> Void) -> Void)
    }

    /// A list member over an array.
    static func list<Item>(_ items: [Item], _ make: @escaping (Item) -> JSON) -> Member {
        .items(items.count) { each in for item in items { each(make(item)) } }
    }

    /// A list member over findings kept on disk.
    static func list<Item>(_ items: SpilledList<Item>, _ make: @escaping (Item) -> JSON) -> Member {
        .items(items.count) { each in items.forEach { each(make($0)) } }
    }

    /// The top-level members, in their fixed order; `approbations` only for a charter with `exige`.
    func members(_ report: JournalReport) -> [(String, Member)] {
        let all = allMembers(report)
        return report.checksApprovals ? all : all.filter { $0.0 != "approbations" }
    }

    func allMembers(_ report: JournalReport) -> [(String, Member)] {
        let counts = report.counts
        let roles = report.roles.sorted { charter.actors[$0.actor].id < charter.actors[$1.actor].id }
        // Members of suppléances and incompatibilities only for a charter that declares them (v1 shape kept).
        var absences: [(String, Member)] = []
        if !charter.deputies.isEmpty {
            absences.append(("suppleances", Self.list(report.deputyList) { deputyAction($0, report) }))
        }
        if !charter.incompatibilities.isEmpty {
            absences.append(("incompatibilites", Self.list(report.incompatibilityList, incompatibility)))
        }
        return [
            ("charte", .value(.string(charterName))),
            ("journal", .value(.string(journalName))),
            ("date", .value(.string(report.date.description))),
            ("encodage", .value(.string(report.encoding.rawValue))),
            ("separateur", .value(.string(String(UnicodeScalar(report.separator))))),
            ("lignes", .value(.object([
                ("lues", .int(counts.rows)), ("actions", .int(counts.actions)), ("autorisees", .int(counts.permitted)),
                ("refusees", .int(counts.refused)), ("indeterminees", .int(counts.undetermined)),
                ("evenements", .int(counts.events)), ("taches_faites", .int(counts.completions)),
                ("non_verifiables", .int(counts.unverifiable)), ("apres_la_date", .int(counts.afterDate)),
                ("ignorees", .int(counts.skipped)),
            ]))),
            // The flagged rows are read back one at a time: memory does not grow with them.
            ("refusees", .items(report.rows.refusedCount) { each in report.forEachFlagged(.refused) { each(action($0, report)) } }),
            ("indeterminees", .items(report.rows.undeterminedCount) { each in report.forEachFlagged(.undetermined) { each(action($0, report)) } }),
            ("echeances", .items(report.deadlines.count) { each in report.deadlines.forEach { each(instance($0)) } }),
            ("hors_ordre", Self.list(report.outOfOrder, outOfOrder)),
            ("approbations", Self.list(report.approvalList, approval)),
            ("anomalies", Self.list(report.issues, issue)),
        ] + absences + [
            ("roles", Self.list(roles, role)),
            ("bilan", .value(.object([
                ("refusees", .int(counts.refused)), ("indeterminees", .int(counts.undetermined)),
                ("non_verifiables", .int(counts.notVerifiable)), ("indeterminees_tolerees", .bool(report.toleratesUndetermined)),
                ("en_retard", .int(report.deadlines.count(.overdue))), ("faites_en_retard", .int(report.deadlines.count(.doneLate))),
                ("bientot", .int(report.deadlines.count(.dueSoon))), ("a_venir", .int(report.deadlines.count(.upcoming))),
                ("faites", .int(report.deadlines.count(.doneOnTime))), ("hors_ordre", .int(report.outOfOrder.count)),
                ("anomalies", .int(report.issues.count)), ("lisible", .bool(report.headerUsable)),
            ] + (charter.incompatibilities.isEmpty ? [] : [("incompatibilites", .int(report.incompatibilityList.count))])))),
            ("code_de_sortie", .value(.int(report.hasProblems ? 1 : 0))),
        ]
    }

    /// The report as a JSON value.
    public func json(_ report: JournalReport) -> JSON {
        .object(members(report).map { key, member in
            switch member {
            case .value(let value): (key, value)
            case .items(_, let walk):
                (key, .array({ var items: [JSON] = []; walk { items.append($0) }; return items }()))
            }
        })
    }

    /// The JSON text, indented, ending with a newline: the same text as `json(report)` rendered
    /// pretty, written list item by list item so a journal with many findings never holds the
    /// whole tree in memory.
    public func render(_ report: JournalReport) -> String {
        var text = ""
        render(report) { text += $0 }
        return text
    }

    /// The same text written piece by piece to `write` (64 KiB at a time).
    public func render(_ report: JournalReport, to write: (String) -> Void) {
        ChunkedText.writing(to: write) { out in render(report, into: &out) }
    }

    func render(_ report: JournalReport, into out: inout ChunkedText) {
        // Strings are escaped in JSON text, so every line break in it is structural.
        func indented(_ value: JSON, _ level: Int) -> String {
            let text = value.rendered(pretty: true)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 64)
            for byte in text.utf8 {
                bytes.append(byte)
                if byte == 0x0A { bytes.append(contentsOf: repeatElement(0x20, count: 2 * level)) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let members = members(report)
        out += "{\n"
        for (index, (key, member)) in members.enumerated() {
            var name = ""
            JSON.escape(key, into: &name)
            out += "  " + name + ": "
            switch member {
            case .value(let value):
                out += indented(value, 1)
            case .items(let count, let walk):
                if count == 0 {
                    out += "[]"
                } else {
                    out += "[\n"
                    var item = 0
                    walk { value in
                        item += 1
                        out += "    " + indented(value, 2) + (item < count ? "," : "") + "\n"
                    }
                    out += "  ]"
                }
            }
            out += (index < members.count - 1 ? "," : "") + "\n"
        }
        out += "}\n"
    }

    /// A suppléance cited by a row: `{"titulaire", "suppleant", "du", "au", "nature", "etat", "ligne"}`.
    func deputy(_ index: Int, state: DeputyState, _ report: JournalReport) -> JSON {
        let deputy = charter.deputies[index]
        let line = report.deputyLines.indices.contains(index) ? report.deputyLines[index] : nil
        return .object([
            ("titulaire", .string(charter.actors[deputy.deputised].id)), ("suppleant", .string(charter.actors[deputy.deputy].id)),
            ("du", .string(deputy.from.description)), ("au", .string(deputy.to.description)),
            ("nature", .string(deputy.nature.rawValue)), ("etat", .string(state.rawValue)),
            ("ligne", line.map(JSON.int) ?? .null),
        ])
    }

    func deputyAction(_ action: JournalDeputyAction, _ report: JournalReport) -> JSON {
        .object([
            ("ligne", .int(action.line)), ("date", .string(action.date.description)), ("acteur", .string(action.actor)),
            ("pour", .optional(action.onBehalf)), ("action", .string(action.action)), ("objet", .optional(action.object)),
            ("suppleances", .array(action.deputies.map { deputy($0, state: .enCours, report) })),
        ])
    }

    func incompatibility(_ item: JournalIncompatibility) -> JSON {
        var members: [(String, JSON)] = [("ligne", .int(item.line)), ("date", .string(item.date.description)),
                                         ("acteur", .string(item.actor))]
        switch item.kind {
        case .actions(let first, let second, let firstLine, let object):
            members += [("genre", .string("actions")), ("premiere", .string(first)), ("seconde", .string(second)),
                        ("premiere_ligne", .int(firstLine)), ("objet", .optional(object))]
        case .roles(let first, let second):
            members += [("genre", .string("roles")), ("premiere", .string(first)), ("seconde", .string(second))]
        }
        members += [("declaration_ligne", item.declarationLine.map(JSON.int) ?? .null), ("note", .optional(item.note))]
        return .object(members)
    }

    func action(_ action: JournalAction, _ report: JournalReport) -> JSON {
        let object: JSON = action.objectType.map { type in
            .object([("type", .string(type)), ("attributs", .object(action.attributes.map { ($0.name, .string($0.raw)) }))])
        } ?? .null
        return .object([
            ("ligne", .int(action.line)), ("date", .string(action.date.description)), ("acteur", .string(action.actor)),
            ("roles", .strings(action.roles.sorted())), ("action", .string(action.action)), ("objet", object),
            ("tache", .optional(action.task)), ("decision", .string(action.outcome.rawValue)),
            ("manquants", .strings(action.missing)),
            ("regles", .array(action.rules.map { rule in
                .object([("genre", .string(rule.kind.rawValue)), ("id", .string(rule.id)),
                         ("fichier", rule.line == nil ? .null : .string(rule.file ?? charterName)),
                         ("ligne", rule.line.map(JSON.int) ?? .null)])
            })),
        ] + (charter.deputies.isEmpty ? [] : [
            ("pour", .optional(action.onBehalf)),
            ("suppleances", .array(action.verdict.deputies.map { deputy($0.deputy, state: $0.state, report) })),
        ]))
    }

    func instance(_ instance: DeadlineInstance) -> JSON {
        let task = charter.tasks[instance.task]
        let event: JSON = instance.eventDate.map { date in
            .object([("date", .string(date.description)), ("ligne", instance.eventLine.map(JSON.int) ?? .null)])
        } ?? .null
        return .object([
            ("tache", .string(task.id)), ("libelle", .optional(task.label)), ("etape", .string(charter.steps[task.step].id)),
            ("occurrence", .int(instance.occurrence)), ("evenement", event), ("echeance", .string(instance.due.description)),
            ("statut", .string(instance.status.rawValue)), ("jours", .int(instance.days)),
            ("faite_le", .optional(instance.doneOn?.description)), ("ligne", instance.doneLine.map(JSON.int) ?? .null),
            ("responsable", .strings(task.responsables.map { charter.actors[$0].id }.sorted())),
        ])
    }

    /// One action row without its required earlier action (only for charters with `exige`).
    func approval(_ item: ApprovalFinding) -> JSON {
        var members: [(String, JSON)] = [
            ("ligne", .int(item.line)), ("date", .string(item.date.description)), ("action", .string(item.action)),
            ("cle", .string(item.keyName)), ("valeur", .optional(item.keyValue)),
            ("exige", .string(item.prior)), ("par", .strings(item.actors)),
        ]
        switch item.problem {
        case .missing: members.append(("probleme", .string("manquante")))
        case .later(let line, let date):
            members += [("probleme", .string("apres")), ("ligne_exigee", .int(line)), ("date_exigee", .string(date.description))]
        case .unverifiable(let missing):
            members += [("probleme", .string("non_verifiable")), ("manquants", .strings(missing))]
        }
        return .object(members)
    }

    func outOfOrder(_ item: OutOfOrderTask) -> JSON {
        .object([
            ("tache", .string(charter.tasks[item.task].id)), ("faite_le", .string(item.doneOn.description)),
            ("ligne", .int(item.line)), ("prerequis", .string(charter.tasks[item.prerequisite].id)),
            ("prerequis_faite_le", .optional(item.prerequisiteDoneOn?.description)),
            ("prerequis_ligne", item.prerequisiteLine.map(JSON.int) ?? .null),
        ])
    }

    func issue(_ issue: JournalIssue) -> JSON {
        .object([("ligne", .int(issue.line)), ("genre", .string(issue.code)), ("message", .string(issue.message)),
                 ("suggestions", .strings(issue.suggestions))])
    }

    func role(_ summary: RoleSummary) -> JSON {
        .object([
            ("role", .string(charter.actors[summary.actor].id)), ("autorisees", .int(summary.permitted)),
            ("refusees", .int(summary.refused)), ("indeterminees", .int(summary.undecided)),
            ("faites", .int(summary.count(.doneOnTime))), ("faites_en_retard", .int(summary.count(.doneLate))),
            ("en_retard", .int(summary.count(.overdue))), ("bientot", .int(summary.count(.dueSoon))),
            ("a_venir", .int(summary.count(.upcoming))),
        ])
    }
}

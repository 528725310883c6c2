/// Renders the analysis of a charter as JSON for tools (the shape is in docs/reference.md).
public struct AnalysisJSONRenderer: Sendable {
    /// The charter analysed.
    public let charter: Charter
    /// The names written for the charter and the journal (if one was read).
    public let charterName: String
    /// The journal's name.
    public let journalName: String?

    /// Creates a renderer.
    public init(charter: Charter, charterName: String, journalName: String?) {
        self.charter = charter
        self.charterName = charterName
        self.journalName = journalName
    }

    /// The analysis as a JSON value.
    public func json(_ analysis: Analysis) -> JSON {
        let thresholds = analysis.thresholds
        return .object([
            ("charte", .string(charterName)),
            ("journal", journalName.map { name in
                .object([("fichier", .string(name)), ("evenements", .int(analysis.journal?.events ?? 0)),
                         ("lignes_non_verifiables", .int(analysis.journal?.notVerifiable ?? 0))])
            } ?? .null),
            ("seuils", .object(Thresholds.Kind.allCases.map { kind in
                (kind.rawValue, .object([("valeur", .int(thresholds.value(kind))), ("par_defaut", .bool(!thresholds.isWritten(kind)))]))
            })),
            ("acteurs", .array(analysis.letters.map { counts in
                let actor = charter.actors[counts.actor]
                return .object([("acteur", .string(actor.id)), ("libelle", .optional(actor.label)), ("genre", .string(actor.kind.rawValue))]
                    + Letter.allCases.map { ($0.rawValue, .int(counts.count($0))) } + [("total", .int(counts.total))])
            })),
            ("mois", .array(analysis.months.map(month))),
            ("declenchees", .array(analysis.triggered.map { item in
                let task = charter.tasks[item.task]
                return .object([("tache", .string(task.id)), ("evenement", .string(charter.events[item.event].id)),
                                ("delai", .optional(task.delay?.description)),
                                ("occurrences", item.occurrences.map(JSON.int) ?? .null)])
            })),
            ("sans_echeance", .strings(analysis.undated.map { charter.tasks[$0].id })),
            ("sans_releve", .array(analysis.singlePoints.map { point in
                let task = charter.tasks[point.task]
                switch point.holder {
                case .actor(let actor):
                    return .object([("tache", .string(task.id)), ("personne", .null), ("acteurs", .strings([charter.actors[actor].id]))])
                case .person(let name, let actors):
                    return .object([("tache", .string(task.id)), ("personne", .string(name)),
                                    ("acteurs", .strings(actors.map { charter.actors[$0].id }))])
                }
            })),
            ("sans_approbateur", .strings(analysis.withoutApprover.map { charter.tasks[$0].id })),
            ("beaucoup_de_consultes", .array(analysis.manyConsulted.map { item in
                .object([("tache", .string(charter.tasks[item.task].id)), ("consultes", .int(item.count))])
            })),
            ("seuils_depasses", .array(exceeded(analysis))),
            ("code_de_sortie", .int(analysis.hasProblems ? 1 : 0)),
        ])
    }

    /// The JSON text, indented, ending with a newline.
    public func render(_ analysis: Analysis) -> String { json(analysis).rendered(pretty: true) + "\n" }

    private func month(_ month: Analysis.Month) -> JSON {
        let key = String(month.year) + "-" + (month.month < 10 ? "0" : "") + String(month.month)
        return .object([
            ("mois", .string(key)),
            ("libelle", .string(month.firstDay.map(DateText.month) ?? key)),
            ("total", .int(month.total)),
            ("charge", .array(month.load.indices.compactMap { actor in
                month.load[actor] == 0 ? nil : .object([("acteur", .string(charter.actors[actor].id)), ("taches", .int(month.load[actor]))])
            })),
            ("taches", .array(month.tasks.map { due in
                .object([("tache", .string(charter.tasks[due.task].id)), ("echeance", .optional(due.date?.description)),
                         ("nombre", .int(due.count)), ("evenement", .bool(due.date == nil))])
            })),
        ])
    }

    private func exceeded(_ analysis: Analysis) -> [JSON] {
        let perMonth = analysis.thresholds.value(.tasksPerMonthMax), consulted = analysis.thresholds.value(.consultedMax)
        let overloads: [JSON] = analysis.overloads.map { overload in
            let key = String(overload.year) + "-" + (overload.month < 10 ? "0" : "") + String(overload.month)
            return .object([("seuil", .string(Thresholds.Kind.tasksPerMonthMax.rawValue)), ("acteur", .string(charter.actors[overload.actor].id)),
                            ("mois", .string(key)), ("valeur", .int(overload.count)), ("maximum", .int(perMonth))])
        }
        let crowded: [JSON] = analysis.manyConsulted.map { item in
            .object([("seuil", .string(Thresholds.Kind.consultedMax.rawValue)), ("tache", .string(charter.tasks[item.task].id)),
                     ("valeur", .int(item.count)), ("maximum", .int(consulted))])
        }
        return overloads + crowded
    }
}

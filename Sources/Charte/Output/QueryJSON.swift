/// The JSON shapes of query answers (spec section 7), for tools.
///
/// - `qui`: `{"resultats": [tache…], "selon": [tache… + "manquants"]}`, each task
///   `{"tache", "etape", "libelle", "responsable", "approbateur", "aide", "consulte", "informe", "fichier", "ligne"}`.
/// - `peut`: `{"decision", "manquants", "regles": [{"genre", "id", "fichier", "ligne"}]}`.
/// - `taches`: `{"acteur", "roles", "instances", "etapes": [{"etape", "libelle", "taches": [{"tache", "libelle",
///   "lettre", "titulaire", "par_instance", "echeance", "expression", "evenement", "delai", "actions", "fichier", "ligne"}]}]}`.
/// - `echeances`: `{"depuis", "echeances": [{"date", "expression", "tache", "etape", "libelle", "responsable",
///   "fichier", "ligne"}], "sur_evenement": [{"evenement", "delai", "tache", "etape", "libelle", "responsable", "fichier", "ligne"}]}`.
/// - `montre`: `{"nom", "genre", "texte", "fichier", "ligne"}`.
/// - a dated `qui`, `peut` or `taches` (`… le DATE`) adds `"date"` and `"suppleances"` (and `"absences"`
///   for `taches`; each task of a dated `qui` its own `"suppleances"`); an undated answer has neither.
///
/// Absent values are `null`; lists of names are sorted; tasks keep the charter's order.
public enum QueryJSON {
    /// The JSON of any answer.
    public static func encode(_ answer: QueryAnswer) -> JSON {
        switch answer {
        case .who(let who): encode(who)
        case .may(let may): encode(may)
        case .tasks(let sheet): encode(sheet)
        case .deadlines(let list): encode(list)
        case .show(let shown): encode(shown)
        }
    }

    /// `qui`.
    public static func encode(_ who: WhoAnswer) -> JSON {
        .object([
            ("resultats", .array(who.results.map { encode($0, withMissing: false, dated: who.date != nil) })),
            ("selon", .array(who.conditional.map { encode($0, withMissing: true, dated: who.date != nil) })),
        ] + dated(who.date, who.deputies))
    }

    /// `date` and `suppleances`, only for a dated question (undated answers keep their v1 shape).
    static func dated(_ date: CalendarDate?, _ windows: [DeputyWindow]) -> [(String, JSON)] {
        guard let date else { return [] }
        return [("date", .string(date.description)), ("suppleances", .array(windows.map(encode)))]
    }

    /// A suppléance: `{"titulaire", "suppleant", "du", "au", "nature", "etat", "note", "fichier", "ligne"}`.
    public static func encode(_ window: DeputyWindow) -> JSON {
        .object([
            ("titulaire", .string(window.deputised)),
            ("suppleant", .string(window.deputy)),
            ("du", .string(window.from.description)),
            ("au", .string(window.to.description)),
            ("nature", .string(window.nature.rawValue)),
            ("etat", .string(window.state.rawValue)),
            ("note", .optional(window.note)),
            ("fichier", .string(window.position.file)),
            ("ligne", .int(window.position.line)),
        ])
    }

    /// A task's card; on a dated `qui`, with its `suppleances` (each a suppléance with the
    /// `role` the absent actor holds in the task).
    static func encode(_ card: TaskCard, withMissing: Bool, dated: Bool = false) -> JSON {
        var members: [(String, JSON)] = [
            ("tache", .string(card.task)),
            ("etape", .string(card.step)),
            ("libelle", .optional(card.label)),
            ("responsable", .strings(card.responsables)),
            ("approbateur", .strings(card.approbateurs)),
            ("aide", .strings(card.aides)),
            ("consulte", .strings(card.consultes)),
            ("informe", .strings(card.informes)),
            ("fichier", .string(card.position.file)),
            ("ligne", .int(card.position.line)),
        ]
        if withMissing { members.append(("manquants", .strings(card.missing))) }
        if dated {
            members.append(("suppleances", .array(card.deputies.map { deputy in
                guard case .object(var window) = encode(deputy.window) else { return encode(deputy.window) }
                window.append(("role", .string(QueryText.letterName(deputy.letter))))
                return .object(window)
            })))
        }
        return .object(members)
    }

    /// `peut`.
    public static func encode(_ may: MayAnswer) -> JSON {
        .object([
            ("decision", .string(may.outcome.rawValue)),
            ("manquants", .strings(may.missing)),
            ("regles", encode(may.rules)),
        ] + dated(may.date, may.deputies))
    }

    /// The deciding rules of a `peut`: `[{"genre", "id", "fichier", "ligne"}]`.
    public static func encode(_ rules: [RuleReference]) -> JSON {
        .array(rules.map { rule in
            .object([
                ("genre", .string(rule.kind.rawValue)),
                ("id", .string(rule.id)),
                ("fichier", .optional(rule.position?.file)),
                ("ligne", rule.position.map { .int($0.line) } ?? .null),
            ])
        })
    }

    /// `taches`.
    public static func encode(_ sheet: JobSheet) -> JSON {
        .object([
            ("acteur", .string(sheet.actor)),
            ("roles", .strings(sheet.roles)),
            ("instances", .strings(sheet.instances)),
            ("etapes", .array(sheet.steps.map { step in
                .object([
                    ("etape", .string(step.step)),
                    ("libelle", .optional(step.label)),
                    ("taches", .array(step.assignments.map(encode))),
                ])
            })),
        ] + jobSheetDated(sheet))
    }

    /// `date`, `absences` and `suppleances` (each with its `taches`), only for a dated question.
    static func jobSheetDated(_ sheet: JobSheet) -> [(String, JSON)] {
        guard let date = sheet.date else { return [] }
        return [
            ("date", .string(date.description)),
            ("absences", .array(sheet.away.map(encode))),
            ("suppleances", .array(sheet.standingIn.map { standing in
                guard case .object(var members) = encode(standing.window) else { return encode(standing.window) }
                members.append(("taches", .array(standing.assignments.map(encode))))
                return .object(members)
            })),
        ]
    }

    static func encode(_ assignment: Assignment) -> JSON {
        var date: String?, written: String?, event: String?, delay: String?
        switch assignment.due {
        case .date(let value, let expression)?: (date, written) = (value.description, expression)
        case .afterEvent(let trigger, let duration)?: (event, delay) = (trigger, duration.description)
        case nil: break
        }
        return .object([
            ("tache", .string(assignment.task)),
            ("libelle", .optional(assignment.label)),
            ("lettre", .string(assignment.letter.rawValue)),
            ("titulaire", .string(assignment.holder)),
            ("par_instance", .bool(assignment.throughInstance)),
            ("echeance", .optional(date)),
            ("expression", .optional(written)),
            ("evenement", .optional(event)),
            ("delai", .optional(delay)),
            ("actions", .strings(assignment.actions)),
            ("fichier", .string(assignment.position.file)),
            ("ligne", .int(assignment.position.line)),
        ])
    }

    /// `echeances`.
    public static func encode(_ list: DeadlineList) -> JSON {
        .object([
            ("depuis", .optional(list.from?.description)),
            ("echeances", .array(list.dated.map { deadline in
                .object([
                    ("date", .string(deadline.date.description)),
                    ("expression", .optional(deadline.written)),
                    ("tache", .string(deadline.task)),
                    ("etape", .string(deadline.step)),
                    ("libelle", .optional(deadline.label)),
                    ("responsable", .strings(deadline.responsables)),
                    ("fichier", .string(deadline.position.file)),
                    ("ligne", .int(deadline.position.line)),
                ])
            })),
            ("sur_evenement", .array(list.triggered.map { deadline in
                .object([
                    ("evenement", .string(deadline.event)),
                    ("delai", .string(deadline.delay.description)),
                    ("tache", .string(deadline.task)),
                    ("etape", .string(deadline.step)),
                    ("libelle", .optional(deadline.label)),
                    ("responsable", .strings(deadline.responsables)),
                    ("fichier", .string(deadline.position.file)),
                    ("ligne", .int(deadline.position.line)),
                ])
            })),
        ])
    }

    /// `montre`.
    public static func encode(_ shown: ShownDeclaration) -> JSON {
        var members: [(String, JSON)] = [
            ("nom", .string(shown.name)),
            ("genre", .string(kindKey(shown.symbol))),
            ("texte", .string(shown.text)),
            ("fichier", .string(shown.position.file)),
            ("ligne", .int(shown.position.line)),
        ]
        if let change = shown.localChange {
            members.append(("adaptation_locale", .object([("texte", .string(change.text)), ("fichier", .string(change.position.file)),
                                                          ("ligne", .int(change.position.line))])))
        }
        return .object(members)
    }

    /// A stable ASCII key for the kind of a declaration.
    static func kindKey(_ symbol: Symbol) -> String {
        switch symbol {
        case .actor: "acteur"
        case .objectType: "objet"
        case .action: "action"
        case .event: "evenement"
        case .step: "etape"
        case .task: "tache"
        }
    }
}

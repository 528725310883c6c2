/// `charte diff --format json`: the comparison for tools, keys in a fixed order, no clock.
///
/// The shape is documented in README.md ("Comparing two charters"); changing it is a breaking change.
public struct DiffJSONRenderer: Sendable {
    /// The two files' names.
    public let oldName: String
    public let newName: String

    /// Creates a renderer.
    public init(oldName: String, newName: String) {
        self.oldName = oldName
        self.newName = newName
    }

    /// The JSON document, pretty-printed, ending with a newline.
    public func render(_ diff: CharterDiff) -> String {
        document(diff).rendered(pretty: true) + "\n"
    }

    /// The document as a value.
    public func document(_ diff: CharterDiff) -> JSON {
        .object([
            ("ancienne", .string(oldName)),
            ("nouvelle", .string(newName)),
        ] + model(diff.comparison) + [
            ("resume", .string(DiffWords.summary(diff))),
            ("aucun_changement", .bool(diff.isEmpty)),
            ("gains", .bool(diff.grantsPermission)),
            ("permissions", .array(diff.permissions.map(permission))),
            ("permissions_non_comparees", .array(diff.incompletePermissions.map {
                .object([("acteur", .string($0.actor)), ("action", .string($0.action))])
            })),
            ("taches", .array(diff.tasks.map(task))),
            ("taches_ajoutees", .array(diff.addedTasks.map(summary))),
            ("taches_supprimees", .array(diff.removedTasks.map(summary))),
            ("etapes_ajoutees", .array(diff.addedSteps.map(step))),
            ("etapes_supprimees", .array(diff.removedSteps.map(step))),
            ("echeances", .array(diff.deadlines.map(deadline))),
            ("tests", .array(diff.tests.map(assertion))),
            ("journal", diff.journal.map { .array($0.map(journalRow)) } ?? .null),
            ("roles", .array(diff.actors.map(actor))),
        ])
    }

    /// The model forms' keys (none for two versions of one charter, so its documents keep their shape).
    func model(_ comparison: DiffComparison) -> [(String, JSON)] {
        let kind: String
        switch comparison {
        case .revision: return []
        case .adaptation: kind = "adaptation"
        case .modelUpdate: kind = "mise_a_jour_du_modele"
        }
        guard let context = comparison.context else { return [] }
        return [
            ("comparaison", .string(kind)),
            ("modele", .object([
                ("nom", .string(context.model)),
                ("ancien_fichier", .string(context.oldModelFile)),
                ("ancienne_version", .optional(context.oldVersion)),
                ("nouveau_fichier", .string(context.newModelFile)),
                ("nouvelle_version", .optional(context.newVersion)),
            ])),
            ("etablissement", .object([
                ("fichier", .string(context.school)),
                ("nom", .optional(context.establishment)),
                ("roles_tenus", .array(context.holdings.map {
                    .object([("role_du_modele", .string($0.modelRole)), ("tenu_par", .strings($0.holders))])
                })),
                ("taches_retirees", .array(context.removedTasks.map {
                    .object([("id", .string($0.name)), ("raison", .string($0.reason))])
                })),
                ("tests_retires", .array(context.removedTests.map {
                    .object([("test", .string($0.name)), ("raison", .string($0.reason))])
                })),
            ])),
        ]
    }

    func permission(_ change: PermissionChange) -> JSON {
        .object([
            ("acteur", .string(change.subject.actor)),
            ("action", .string(change.subject.action)),
            ("objets", .array(change.objects.map { object in
                .object([("objet", object.object.isEmpty ? .null : .string(object.object)),
                         ("avant", .string(object.before.rawValue)), ("apres", .string(object.after.rawValue))])
            })),
        ])
    }

    func task(_ change: TaskChange) -> JSON {
        .object([
            ("id", .string(change.id)),
            ("ancien_id", .optional(change.oldID)),
            ("intitule", .optional(change.label)),
            ("etape", change.step.map { .object([("avant", .string($0.from)), ("apres", .string($0.to))]) } ?? .null),
            ("lettres", .array(change.letters.map { letter in
                .object([("acteur", .string(letter.actor)), ("lettre", .string(letter.letter.rawValue)), ("gagnee", .bool(letter.gained))])
            })),
        ])
    }

    func summary(_ task: TaskSummary) -> JSON {
        .object([
            ("id", .string(task.id)),
            ("intitule", .optional(task.label)),
            ("etape", .string(task.step)),
            ("lettres", .object(task.letters.map { ($0.letter.rawValue, .strings($0.actors)) })),
        ])
    }

    func step(_ step: StepSummary) -> JSON {
        .object([("id", .string(step.id)), ("intitule", .optional(step.label)), ("taches", .strings(step.tasks))])
    }

    func deadline(_ change: DeadlineChange) -> JSON {
        var nature = "", before: JSON = .null, after: JSON = .null
        var event: JSON = .null, delayBefore: JSON = .null, delayAfter: JSON = .null
        switch change.kind {
        case .moved(let from, let to): (nature, before, after) = ("deplacee", .string(from.description), .string(to.description))
        case .added(let at): (nature, after) = ("nouvelle", .string(at.description))
        case .removed(let at): (nature, before) = ("retiree", .string(at.description))
        case .unchanged(let at): (nature, before, after) = ("inchangee", .string(at.description), .string(at.description))
        case .delay(let name, let from, let to):
            nature = "delai"
            event = .string(name)
            delayBefore = from.map { .string($0.description) } ?? .null
            delayAfter = to.map { .string($0.description) } ?? .null
        }
        let badDay: JSON = change.badDay.map { bad in
            switch bad {
            case .weekend(let day): .object([("nature", .string("week-end")), ("nom", .string(day))])
            case .publicHoliday(let name): .object([("nature", .string("ferie")), ("nom", .string(name))])
            case .holiday(let period): .object([("nature", .string("vacances")), ("nom", .string(period))])
            }
        } ?? .null
        return .object([
            ("tache", .string(change.task)),
            ("intitule", .optional(change.label)),
            ("responsables", .strings(change.responsables)),
            ("nature", .string(nature)),
            ("avant", before),
            ("apres", after),
            ("jours", change.days.map { .int($0) } ?? .null),
            ("suit_le_calendrier", .bool(change.followsCalendar)),
            ("evenement", event),
            ("delai_avant", delayBefore),
            ("delai_apres", delayAfter),
            ("jour_non_ouvre", badDay),
        ])
    }

    func assertion(_ change: AssertionChange) -> JSON {
        func outcome(_ value: AssertionOutcome?) -> JSON {
            value.map { .object([("reussit", .bool($0.passed)), ("reponse", .string($0.answer))]) } ?? .null
        }
        return .object([
            ("test", .string(change.test)),
            ("assertion", .string(change.text)),
            ("fichier", .string(change.position.file)),
            ("ligne", .int(change.position.line)),
            ("avant", outcome(change.before)),
            ("apres", outcome(change.after)),
        ])
    }

    func journalRow(_ change: JournalRowChange) -> JSON {
        let line: JSON = change.line.map { .int($0) } ?? .null
        switch change.kind {
        case .action(let actor, let action, let object, let before, let after):
            return .object([
                ("nature", .string("action")), ("ligne", line), ("acteur", .string(actor)), ("action", .string(action)),
                ("objet", .optional(object)),
                ("avant", before.map { .string($0.rawValue) } ?? .null), ("apres", after.map { .string($0.rawValue) } ?? .null),
            ])
        case .deadline(let task, let occurrence, let before, let after):
            func state(_ value: InstanceState?) -> JSON {
                value.map { .object([("echeance", .string($0.due.description)), ("statut", .string($0.status.rawValue)), ("jours", .int($0.days))]) } ?? .null
            }
            return .object([
                ("nature", .string("echeance")), ("ligne", line), ("tache", .string(task)), ("occurrence", .int(occurrence)),
                ("avant", state(before)), ("apres", state(after)),
            ])
        }
    }

    func actor(_ summary: ActorSummary) -> JSON {
        func letters(_ list: [TaskLetter]) -> JSON {
            .array(list.map { .object([("tache", .string($0.task)), ("lettre", .string($0.letter.rawValue))]) })
        }
        return .object([
            ("acteur", .string(summary.actor)),
            ("permis", .strings(summary.permitted)),
            ("refuses", .strings(summary.refused)),
            ("indetermines", .strings(summary.undetermined)),
            ("lettres_gagnees", letters(summary.gainedLetters)),
            ("lettres_perdues", letters(summary.lostLetters)),
            ("echeances", .strings(summary.deadlines)),
        ])
    }
}

/// The checked model as JSON for other tools, version 1. Keys are French like the query
/// output; references are ids; lists keep declaration order; every key is always present
/// (`null` or `[]` when empty).
///
/// ```
/// {"version": 1,
///  "etablissement": {"nom", "metadonnees": [{"cle", "valeur"}]} | null,
///  "calendrier": {"libelle", "dates": [{"nom", "debut", "fin"}]} | null,
///  "acteurs": [{"id", "genre": "role"|"instance"|"externe", "libelle", "personnes", "membres"}],
///  "objets": [{"id", "libelle", "attributs": [{"nom", "type", "valeurs"}]}],
///  "actions": [{"id", "libelle", "objet"}], "evenements": [{"id", "libelle", "objet"}],
///  "etapes": [{"id", "libelle", "apres", "taches"}],
///  "taches": [{"id", "etape", "libelle", "responsable", "approbateur", "aide", "consulte",
///              "informe", "actions": [{"action", "condition"}], "echeance", "echeance_ecrite",
///              "declencheur": {"evenement", "delai": {"nombre", "unite"}} | null,
///              "apres", "en", "notes", "fichier", "ligne"}],
///  "permissions": [{"genre": "autorise"|"interdit", "acteurs", "tous", "action", "condition",
///                   "fichier", "ligne"}]}
/// ```
///
/// Version 2 constructs add keys only when a charter writes them: `"cle"` on an object type,
/// `"portee"` on an action, and `"exigences": [{"avant", "par", "par_approbateur", "action",
/// "condition", "fichier", "ligne"}]`.
///
/// Dates are `AAAA-MM-JJ`; `type` is `enumeration`, `booleen`, `texte`, `nombre` or `date`;
/// `valeurs` lists an enumeration's values; conditions are written back in Charte's syntax.
public enum CharterJSONExport {
    /// The version of the document shape, bumped on any incompatible change.
    public static let formatVersion = 1

    /// The document; `file` gives line numbers (`fichier`, `ligne` are null without it).
    static func document(_ charter: Charter, file: SourceFile?, sources: SourceMap? = nil) -> JSON {
        func ids(_ indices: [Int]) -> JSON { .strings(indices.map { charter.actors[$0].id }) }
        func place(_ span: Span) -> [(String, JSON)] {
            // An adaptation keeps the model's spans: each is placed in its own file.
            let source = sources.flatMap { $0.files.indices.contains(span.file.rawValue) ? $0[span.file] : nil } ?? file
            return [("fichier", .optional(source?.name)), ("ligne", source.map { .int($0.location(of: span.start).line) } ?? .null)]
        }
        let establishment: JSON = charter.establishment.map { establishment in
            .object([
                ("nom", .string(establishment.name)),
                ("metadonnees", .array(establishment.metadata.map { .object([("cle", .string($0.key)), ("valeur", .string($0.value))]) })),
            ])
        } ?? .null
        let calendar: JSON = charter.calendar.map { calendar in
            .object([
                ("libelle", .optional(calendar.label)),
                ("zone", .optional(calendar.zone)),
                ("dates", .array(calendar.entries.map { entry in
                    .object([("nom", .string(entry.name)), ("libelle", .optional(entry.label)),
                             ("debut", .string(entry.start.description)),
                             ("fin", .optional(entry.end?.description)), ("officielle", .bool(entry.isOfficial))])
                })),
            ])
        } ?? .null
        let actors = charter.actors.map { actor in
            JSON.object([("id", .string(actor.id)), ("genre", .string(actor.kind.rawValue)), ("libelle", .optional(actor.label)),
                         ("personnes", .strings(actor.persons)), ("membres", ids(actor.members))])
        }
        // `cle`, `portee` and `exigences` only when written, so a v1 charter's export stays as it was.
        let objects = charter.objectTypes.map { type in
            JSON.object([("id", .string(type.id)), ("libelle", .optional(type.label)),
                         ("attributs", .array(type.attributes.map(attribute)))]
                        + (type.key.map { [("cle", JSON.string(type.attributes[$0].name))] } ?? []))
        }
        func objectID(_ index: Int?) -> JSON { .optional(index.map { charter.objectTypes[$0].id }) }
        let actions = charter.actions.enumerated().map { index, action in
            JSON.object([("id", .string(action.id)), ("libelle", .optional(action.label)), ("objet", objectID(action.objectType))]
                        + (action.scope == nil ? [] : [("portee", JSON.optional(charter.conditionText(action.scope, action: index)))]))
        }
        let events = charter.events.map { event in
            JSON.object([("id", .string(event.id)), ("libelle", .optional(event.label)), ("objet", objectID(event.objectType))])
        }
        let steps = charter.steps.map { step in
            JSON.object([("id", .string(step.id)), ("libelle", .optional(step.label)),
                         ("apres", .strings(step.after.map { charter.steps[$0].id })),
                         ("taches", .strings(step.tasks.map { charter.tasks[$0].id }))])
        }
        let tasks = charter.tasks.map { task in
            let trigger: JSON = task.trigger.map { event in
                .object([("evenement", .string(charter.events[event].id)),
                         ("delai", task.delay.map { .object([("nombre", .int($0.amount)), ("unite", .string($0.unit.rawValue))]) } ?? .null)])
            } ?? .null
            var members: [(String, JSON)] = [
                ("id", .string(task.id)), ("etape", .string(charter.steps[task.step].id)), ("libelle", .optional(task.label)),
                ("responsable", ids(task.responsables)), ("approbateur", ids(task.approbateurs)), ("aide", ids(task.aides)),
                ("consulte", ids(task.consultes)), ("informe", ids(task.informes)),
                ("actions", .array(task.actions.map { performed in
                    .object([("action", .string(charter.actions[performed.action].id)),
                             ("condition", .optional(charter.conditionText(performed.condition, action: performed.action)))])
                })),
                ("echeance", .optional(task.deadline?.description)), ("echeance_ecrite", .optional(task.deadlineText)),
                ("declencheur", trigger), ("apres", .strings(task.after.map { charter.tasks[$0].id })),
                ("en", ids(task.places)), ("notes", .strings(task.notes)),
            ]
            members += place(task.nameSpan)
            return JSON.object(members)
        }
        let permissions = charter.permissions.map { rule in
            // `sauf` only when written, so a v1 charter's export stays as it was.
            JSON.object([("genre", .string(rule.kind.rawValue)), ("acteurs", ids(rule.actors)), ("tous", .bool(rule.everyone))]
                        + (rule.exceptions.isEmpty ? [] : [("sauf", ids(rule.exceptions))])
                        + [("action", .string(charter.actions[rule.action].id)),
                           ("condition", .optional(charter.conditionText(rule.condition, action: rule.action)))] + place(rule.span))
        }
        let requirements = charter.requirements.map { requirement in
            JSON.object([("avant", .string(charter.actions[requirement.prior].id)), ("par", ids(requirement.actors)),
                         ("par_approbateur", .bool(requirement.byApprovers)), ("action", .string(charter.actions[requirement.action].id)),
                         ("condition", .optional(charter.conditionText(requirement.condition, action: requirement.action)))]
                        + place(requirement.span))
        }
        return .object([
            ("version", .int(formatVersion)), ("etablissement", establishment), ("calendrier", calendar),
            ("acteurs", .array(actors)), ("objets", .array(objects)), ("actions", .array(actions)),
            ("evenements", .array(events)), ("etapes", .array(steps)), ("taches", .array(tasks)),
            ("permissions", .array(permissions)),
        ] + (requirements.isEmpty ? [] : [("exigences", .array(requirements))]))
    }

    /// The document as pretty-printed text, with a final newline.
    static func render(_ charter: Charter, file: SourceFile?, sources: SourceMap? = nil) -> String {
        document(charter, file: file, sources: sources).rendered(pretty: true) + "\n"
    }

    static func attribute(_ attribute: Attribute) -> JSON {
        let (type, values): (String, [String]) = switch attribute.type {
        case .enumeration(let values): ("enumeration", values)
        case .boolean: ("booleen", [])
        case .text: ("texte", [])
        case .number: ("nombre", [])
        case .date: ("date", [])
        case .euros: ("euros", [])
        }
        return .object([("nom", .string(attribute.name)), ("type", .string(type)), ("valeurs", .strings(values))])
    }
}

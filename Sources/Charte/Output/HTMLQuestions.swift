/// The interactive part of the HTML page: the « Qui s'occupe de… ? » search with its role and
/// step filters, the « Puis-je… ? » form, and the data their script reads (the charter's
/// labels and the embedded `peut` decisions of `HTMLDecisions`), all inline.
///
/// The panel is `hidden` until the script runs, and never printed: without a script, and on
/// paper, the page is the document it always was.
enum HTMLQuestions {
    /// The panel's markup, with the choices of its menus filled in.
    static func panel(_ charter: Charter) -> String {
        let escape = HTMLExport.escape
        var out = "<div class=\"questions\" id=\"questions\" hidden>\n"
        out += "<form class=\"question\" id=\"recherche\" role=\"search\" autocomplete=\"off\">\n"
        out += "<h2><span class=\"num\">?</span> Qui s'occupe de… ?</h2>\n"
        out += "<p class=\"champs\"><label>Mots à chercher <input id=\"q-mots\" type=\"search\" placeholder=\"licences, commandes, GAR…\"></label>\n"
        out += "<label>Rôle <select id=\"q-role\"><option value=\"\">tous</option>"
        for (index, actor) in charter.actors.enumerated() {
            out += "<option value=\"\(index)\">\(escape(label(of: actor)))</option>"
        }
        out += "</select></label>\n<label>Étape <select id=\"q-etape\"><option value=\"\">toutes</option>"
        for (index, step) in charter.steps.enumerated() {
            out += "<option value=\"\(index)\">\(escape(step.label ?? PlainWords.readable(step.id)))</option>"
        }
        out += "</select></label></p>\n<p class=\"compte\" id=\"q-compte\" aria-live=\"polite\"></p>\n<ol class=\"resultats\" id=\"q-resultats\"></ol>\n</form>\n"
        out += "<form class=\"question\" id=\"puis-je\" autocomplete=\"off\">\n"
        out += "<h2><span class=\"num\">?</span> Puis-je… ? <span class=\"aide\">les réponses de charte peut, sans rien installer</span></h2>\n"
        out += "<p class=\"champs\"><label>Qui ? <select id=\"p-acteur\">"
        for actor in charter.actors {
            out += "<option value=\"\(escape(actor.id))\">\(escape(label(of: actor)))</option>"
        }
        for name in charter.persons.keys.sorted() {
            out += "<option value=\"\(escape(name))\">\(escape(name))</option>"
        }
        out += "</select></label>\n<label>Faire quoi ? <select id=\"p-action\">"
        for action in charter.actions {
            out += "<option value=\"\(escape(action.id))\">\(escape(action.label ?? PlainWords.readable(action.id)))</option>"
        }
        out += "</select></label></p>\n<fieldset class=\"champs\" id=\"p-objet\"></fieldset>\n"
        out += "<div class=\"reponse\" id=\"p-reponse\" aria-live=\"polite\"></div>\n</form>\n</div>\n"
        return out
    }

    /// The data of the panel's script, as JSON safe inside a `<script>` element.
    static func data(_ charter: Charter, file: SourceFile?) -> String {
        let decisions = HTMLDecisions(charter: charter, file: file)
        let actors = JSON.array(charter.actors.map { .array([.string($0.id), .string(label(of: $0)), .string($0.kind.rawValue)]) })
        let steps = JSON.array(charter.steps.map { .array([.string($0.id), .string($0.label ?? PlainWords.readable($0.id))]) })
        let tasks = JSON.array(charter.tasks.map { task in
            JSON.object([
                ("id", .string(task.id)),
                ("libelle", .string(task.label ?? PlainWords.readable(task.id))),
                ("etape", .int(task.step)),
                ("note", .string(task.notes.joined(separator: " "))),
                ("echeance", .string(TaskDeadline(task: task, charter: charter).text)),
                ("lettres", .array(Letter.allCases.map { letter in .array(task.actors(letter).map(JSON.int)) })),
            ])
        })
        let objects = JSON.array(charter.objectTypes.map { type in
            JSON.object([
                ("id", .string(type.id)),
                ("libelle", .string(type.label ?? PlainWords.readable(type.id))),
                ("attributs", .array(type.attributes.map(attribute))),
            ])
        })
        var actions: [JSON] = []
        for (index, action) in charter.actions.enumerated() {
            let table = decisions.tables[index]
            var members: [(String, JSON)] = [("id", .string(action.id)),
                                             ("libelle", .string(action.label ?? PlainWords.readable(action.id))),
                                             ("objet", action.objectType.map(JSON.int) ?? .null)]
            if let omitted = table.omitted {
                members.append(("hors", .string(omitted)))
            } else {
                members.append(("lus", .array(table.splits.map(split))))
                members.append(("reponses", .array(table.answers.map(JSON.int))))
            }
            actions.append(.object(members))
        }
        let json = JSON.object([
            ("version", .int(1)),
            ("acteurs", actors),
            ("personnes", .array(decisions.references.dropFirst(charter.actors.count).map { .array([.string($0.asked), .array($0.actors.map(JSON.int))]) })),
            ("etapes", steps),
            ("taches", tasks),
            ("objets", objects),
            ("actions", .array(actions)),
            ("decisions", .array(decisions.decisions.map { .array([.string($0.outcome.rawValue), .strings($0.missing), .array($0.rules.map(JSON.int))]) })),
            ("regles", .array(decisions.rules.map { .array([.string($0.kind.rawValue), .string($0.id), .int($0.line), .string($0.words)]) })),
        ])
        return scriptSafe(json.rendered())
    }

    /// Counts for the documentation: the embedded answers and distinct decisions.
    static func size(_ charter: Charter) -> (answers: Int, decisions: Int, rules: Int) {
        let decisions = HTMLDecisions(charter: charter, file: nil)
        return (decisions.tables.reduce(0) { $0 + $1.answers.count }, decisions.decisions.count, decisions.rules.count)
    }

    // MARK: - Pieces

    static func label(of actor: Actor) -> String { actor.label ?? PlainWords.readable(actor.id) }

    /// `["categorie", "enum", ["manuel", …], "la catégorie", "Catégorie", ["manuel", …]]`: name,
    /// kind, values, the name with its article, the field's label, the values in words.
    static func attribute(_ attribute: Attribute) -> JSON {
        let readable = PlainWords.readable(attribute.name)
        let kind: String, values: [String]
        switch attribute.type {
        case .enumeration(let names): (kind, values) = ("enum", names)
        case .boolean: (kind, values) = ("booleen", [])
        case .text: (kind, values) = ("texte", [])
        case .number: (kind, values) = ("nombre", [])
        case .euros: (kind, values) = ("montant", [])
        case .date: (kind, values) = ("date", [])
        }
        return .array([.string(attribute.name), .string(kind), .strings(values), .string(PlainWords.withArticle(readable)),
                       .string(PlainWords.capitalized(readable)), .strings(values.map(PlainWords.readable))])
    }

    /// `[2, "fini", 3]`, `[0, "ordre", ["400000", …]]`, `[1, "texte", ["Lettres"]]`.
    static func split(_ entry: (attribute: Int, split: HTMLDecisions.Split)) -> JSON {
        switch entry.split {
        case .finite(let count, _): return .array([.int(entry.attribute), .string("fini"), .int(count)])
        case .text(let named): return .array([.int(entry.attribute), .string("texte"), .strings(named)])
        case .ordered(let cuts): return .array([.int(entry.attribute), .string("ordre"), .strings(cuts.map(key))])
        }
    }

    /// An ordered value as the script compares it (a BigInt's digits): a number, cents, `AAAAMMJJ`.
    static func key(_ value: Value) -> String {
        switch value {
        case .number(let n): String(n)
        case .amount(let cents): String(cents)
        case .date(let date): DateText.compact(date)
        default: "0"
        }
    }

    /// JSON text that cannot end its `<script>` element nor open a comment: `<`, `>` and `&`
    /// only occur inside strings, where their `\u` escapes mean the same.
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Renders query answers as French text for people: aligned, deterministic, no colour.
public enum QueryText {
    /// The text of any answer, ending with a newline.
    /// Control characters of the charter are escaped (`ControlCharacters`): each value where
    /// it is interpolated, and the whole answer once more, so none reaches the terminal.
    public static func render(_ answer: QueryAnswer) -> String {
        let text = switch answer {
        case .who(let who): render(who)
        case .may(let may): render(may)
        case .tasks(let sheet): render(sheet)
        case .deadlines(let list): render(list)
        case .show(let shown): render(shown)
        }
        return ControlCharacters.escaped(text, keepingLineBreaks: true)
    }

    /// A text of the charter or the query, its control characters (line breaks included) escaped.
    static func shown(_ text: String) -> String { ControlCharacters.escaped(text) }

    // MARK: - qui

    /// `qui`: the tasks with their RACI, the ambiguity if any, then the `selon` tasks.
    public static func render(_ who: WhoAnswer) -> String {
        var out: String
        switch who.subject {
        case .action(let action, let object):
            out = "Qui fait « \(action) »" + (object.map { " sur \(written($0))" } ?? "") + " ?\n"
        case .task(let task):
            out = "Qui s'occupe de la tâche « \(task) » ?\n"
        case .text(let text):
            out = "Tâches dont le libellé ou la note contient « \(shown(text)) » :\n"
        }
        if who.results.isEmpty {
            if case .action = who.subject {
                out += who.conditional.isEmpty ? "\n  Aucune tâche ne fait cette action sur cet objet.\n"
                                               : "\n  Aucune tâche avec certitude : la réponse dépend de l'objet (voir ci-dessous).\n"
            } else {
                out += "\n  Aucune tâche.\n"
            }
        }
        for card in who.results { out += "\n" + render(card) }
        if who.isAmbiguous {
            let groups = Set(who.results.map(\.responsables)).map { $0.joined(separator: ", ") }.sorted()
            out += "\nAttention : ambiguïté. Plusieurs tâches aux responsables différents couvrent cet objet ("
                + groups.joined(separator: " ; ") + ").\n"
        }
        if !who.conditional.isEmpty {
            out += "\nSelon l'objet (condition inconnue, il manque des attributs) :\n"
            for card in who.conditional { out += "\n" + render(card) }
        }
        return out
    }

    /// One task: its id and label, then one aligned line per non-empty letter.
    static func render(_ card: TaskCard) -> String {
        let out = "  " + card.task + (card.label.map { " — \(shown($0))" } ?? "") + "\n"
        var rows = AlignedText(indent: "    ")
        rows.add(["étape", card.step + (card.stepLabel.map { " — \(shown($0))" } ?? "")])
        for letter in Letter.allCases {
            let actors = card.actors(letter)
            if letter == .responsable || !actors.isEmpty {
                rows.add([letterName(letter), actors.isEmpty ? "—" : actors.joined(separator: ", ")])
            }
        }
        if !card.missing.isEmpty { rows.add(["il manque", card.missing.joined(separator: ", ")]) }
        rows.add(["source", location(card.position)])
        return out + rows.rendered
    }

    /// The clause keyword of a letter.
    static func letterName(_ letter: Letter) -> String {
        switch letter {
        case .responsable: "responsable"
        case .approbateur: "approbateur"
        case .aide: "aide"
        case .consulte: "consulte"
        case .informe: "informe"
        }
    }

    // MARK: - peut

    /// `peut`: the decision, what is missing, and the deciding rules with their lines.
    public static func render(_ may: MayAnswer) -> String {
        let roles = may.roles == [may.actor] ? "" : " (" + may.roles.joined(separator: ", ") + ")"
        var out = "« \(may.actor) »\(roles) peut-il faire « \(may.action) »"
            + (may.object.map { " sur \(written($0))" } ?? "") + " ?\n"
        out += "\n  Réponse : \(outcomeName(may.outcome))\n"
        if !may.missing.isEmpty {
            out += "  Il manque : \(may.missing.joined(separator: ", ")) (la réponse en dépend)\n"
        }
        var rows = AlignedText(indent: "    ")
        for rule in may.rules {
            rows.add([ruleKindName(rule.kind), rule.kind == .defaut ? "aucune règle ne le permet" : rule.id,
                      rule.position.map(location) ?? ""])
        }
        out += may.outcome == .indetermine ? "  Règles en jeu :\n" : "  Décidé par :\n"
        return out + rows.rendered
    }

    /// The French word of an outcome.
    static func outcomeName(_ outcome: Outcome) -> String {
        switch outcome {
        case .autorise: "autorisé"
        case .refuse: "refusé"
        case .indetermine: "indéterminé"
        }
    }

    /// The French name of a kind of rule.
    static func ruleKindName(_ kind: DecidingRule.Kind) -> String {
        switch kind {
        case .tache: "tâche"
        case .autorise: "autorisation"
        case .interdit: "interdiction"
        case .defaut: "refus par défaut"
        }
    }

    // MARK: - taches

    /// `taches`: the job sheet, step by step, with a legend of the letters.
    public static func render(_ sheet: JobSheet) -> String {
        var out = "Fiche de poste de « \(sheet.actor) »\n"
        if sheet.roles != [sheet.actor] { out += "Rôles : \(sheet.roles.joined(separator: ", "))\n" }
        if !sheet.instances.isEmpty { out += "Membre de : \(sheet.instances.joined(separator: ", "))\n" }
        if sheet.steps.isEmpty { return out + "\n  Aucune tâche.\n" }
        var rows = AlignedText()
        for step in sheet.steps {
            rows.addLine("")
            rows.addLine("Étape \(step.step)" + (step.label.map { " — \(shown($0))" } ?? ""))
            for assignment in step.assignments {
                var details: [String] = []
                if assignment.throughInstance { details.append("par « \(assignment.holder) »") }
                if let due = assignment.due { details.append(written(due)) }
                if !assignment.actions.isEmpty { details.append("actions : " + assignment.actions.joined(separator: ", ")) }
                rows.add([assignment.letter.rawValue, assignment.task, assignment.label.map(shown) ?? "", details.joined(separator: " · ")])
            }
        }
        return out + rows.rendered + "\nR responsable · A approbateur · S aide · C consulté · I informé\n"
    }

    /// A deadline as a sentence fragment.
    static func written(_ due: Due) -> String {
        switch due {
        case .date(let date, let written):
            "échéance \(date)" + (written.map { $0 == date.description ? "" : " (\($0))" } ?? "")
        case .afterEvent(let event, let delay):
            "\(delay.description) après chaque « \(event) »"
        }
    }

    // MARK: - echeances

    /// `echeances`: dated deadlines in order, then the event-triggered tasks.
    public static func render(_ list: DeadlineList) -> String {
        var out = list.from.map { "Échéances à partir du \($0) :\n" } ?? "Échéances :\n"
        if list.dated.isEmpty {
            out += "\n  Aucune échéance datée.\n"
        } else {
            var rows = AlignedText()
            for deadline in list.dated {
                let written = deadline.written.flatMap { $0 == deadline.date.description ? nil : $0 } ?? ""
                rows.add([deadline.date.description, deadline.task, deadline.label.map(shown) ?? "", written,
                          "R " + deadline.responsables.joined(separator: ", ")])
            }
            out += "\n" + rows.rendered
        }
        if !list.triggered.isEmpty {
            out += "\nSur événement (sans date fixe) :\n\n"
            var rows = AlignedText()
            for deadline in list.triggered {
                rows.add(["\(deadline.delay.description) après « \(deadline.event) »", deadline.task, deadline.label.map(shown) ?? "",
                          "R " + deadline.responsables.joined(separator: ", ")])
            }
            out += rows.rendered
        }
        return out
    }

    // MARK: - montre

    /// `montre`: where the declaration is, then its text.
    public static func render(_ shown: ShownDeclaration) -> String {
        var out = "\(shown.symbol.kindName) « \(shown.name) » — \(location(shown.position))\n\n"
        for line in shown.text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += line.isEmpty ? "\n" : "  \(QueryText.shown(String(line)))\n"
        }
        return out
    }

    // MARK: - Pieces

    /// `fichier, ligne N`.
    static func location(_ position: SourcePosition) -> String { "\(shown(position.file)), ligne \(position.line)" }

    /// An object as a query writes it: `livre(genre: album)`.
    public static func written(_ object: ObjectDescription) -> String {
        object.type + "(" + object.fields.map { "\($0.attribute): \(shown($0.value))" }.joined(separator: ", ") + ")"
    }
}

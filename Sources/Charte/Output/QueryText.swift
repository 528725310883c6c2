/// Renders query answers as French text for people: aligned, deterministic, no colour.
///
/// Given the charter that answered, names are its labels, objects and conditions words, and
/// dates written in full (`le mardi 15 septembre 2026`); without it, the ids as typed. With a
/// `width`, lines longer than it are wrapped between words (see `TextWrap`).
public enum QueryText {
    /// The text of any answer, ending with a newline.
    public static func render(_ answer: QueryAnswer, charter: Charter? = nil, width: Int? = nil) -> String {
        let words = charter.map(QueryWords.init)
        let text = switch answer {
        case .who(let who): render(who, words)
        case .may(let may): render(may, words)
        case .tasks(let sheet): render(sheet, words)
        case .deadlines(let list): render(list, words)
        case .show(let shown): render(shown)
        }
        // Control characters of the charter are escaped (`ControlCharacters`), so none reaches
        // the terminal: those in values where they are interpolated, the rest here.
        let visible = ControlCharacters.escaped(text, keepingLineBreaks: true)
        // A declaration is shown as written: source text is never wrapped.
        if case .show = answer { return visible }
        return width.map { TextWrap.wrap(visible, width: $0) } ?? visible
    }

    /// A text of the charter or the query, its control characters (line breaks included) escaped.
    static func shown(_ text: String) -> String { ControlCharacters.escaped(text) }

    // MARK: - qui

    /// `qui`: the tasks with their RACI, the ambiguity if any, then the `selon` tasks.
    public static func render(_ who: WhoAnswer) -> String { render(who, nil) }

    static func render(_ who: WhoAnswer, _ words: QueryWords?) -> String {
        var out: String
        switch who.subject {
        case .action(let action, let object):
            if let words {
                out = "Qui fait \(words.action(action))\(words.object(object, action: action))" + on(who.date) + " ?\n"
            } else {
                out = "Qui fait « \(action) »" + (object.map { " sur \(written($0))" } ?? "") + on(who.date) + " ?\n"
            }
        case .task(let task):
            out = "Qui s'occupe de la tâche « \(task) »" + on(who.date) + " ?\n"
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
        for card in who.results { out += "\n" + render(card, words) }
        if who.isAmbiguous {
            let groups = Set(who.results.map(\.responsables)).map { $0.joined(separator: ", ") }.sorted()
            out += "\nAttention : ambiguïté. Plusieurs tâches aux responsables différents couvrent cet objet ("
                + groups.joined(separator: " ; ") + ").\n"
        }
        if !who.conditional.isEmpty {
            out += "\nSelon l'objet (condition inconnue, il manque des attributs) :\n"
            for card in who.conditional { out += "\n" + render(card, words) }
        }
        if let date = who.date { out += deputies(who.deputies, on: date, words) }
        return out
    }

    /// ` le mercredi 20 janvier 2027` for a dated question, nothing otherwise.
    static func on(_ date: CalendarDate?) -> String { date.map { " le " + DateText.long($0) } ?? "" }

    /// The suppléances of a dated answer, one sentence each with its line.
    static func deputies(_ windows: [DeputyWindow], on date: CalendarDate, _ words: QueryWords? = nil) -> String {
        guard !windows.isEmpty else { return "\n  Aucune suppléance ce jour-là.\n" }
        var out = windows.allSatisfy({ $0.state == .enCours }) ? "\n  Suppléances ce jour-là :\n" : "\n  Suppléances :\n"
        for window in windows {
            out += "    " + sentence(window, words) + (words == nil ? " — " + location(window.position) : "") + "\n"
        }
        return out
    }

    /// A suppléance as a sentence; in words, the actors by their labels and the line alone
    /// (as for the deciding rules).
    static func sentence(_ window: DeputyWindow, _ words: QueryWords?) -> String {
        guard let words else { return DeputyWords.sentence(window) }
        let named = DeputyWindow(deputised: words.actor(window.deputised), deputy: words.actor(window.deputy), from: window.from,
                                 to: window.to, nature: window.nature, state: window.state, note: window.note,
                                 position: window.position)
        return DeputyWords.sentence(named) + " (ligne \(window.position.line))"
    }

    /// One task: its id and label, then one aligned line per non-empty letter.
    static func render(_ card: TaskCard, _ words: QueryWords?) -> String {
        let out = "  " + card.task + (card.label.map { " — \(shown($0))" } ?? "") + "\n"
        var rows = AlignedText(indent: "    ")
        rows.add(["étape", words != nil && card.stepLabel != nil ? card.stepLabel ?? "" : card.step + (card.stepLabel.map { " — \($0)" } ?? "")])
        for letter in Letter.allCases {
            let actors = card.actors(letter)
            if letter == .responsible || !actors.isEmpty {
                rows.add([letterName(letter), actors.isEmpty ? "—" : actors.joined(separator: ", ")])
            }
        }
        if !card.missing.isEmpty { rows.add(["il manque", words?.attributes(card.missing) ?? card.missing.joined(separator: ", ")]) }
        for deputy in card.deputies {
            let window = deputy.window
            let deputised = words?.actor(window.deputised) ?? window.deputised, standing = words?.actor(window.deputy) ?? window.deputy
            rows.add(["suppléance", DeputyWords.standIn(deputised: deputised, deputy: standing, letter: letterName(deputy.letter),
                                                        nature: window.nature, from: window.from, to: window.to)
                + (words == nil ? " — " + location(window.position) : " (ligne \(window.position.line))")])
        }
        rows.add(["source", words == nil ? location(card.position) : "ligne \(card.position.line)"])
        return out + rows.rendered
    }

    /// The clause keyword of a letter.
    static func letterName(_ letter: Letter) -> String {
        switch letter {
        case .responsible: "responsable"
        case .approver: "approbateur"
        case .support: "aide"
        case .consulted: "consulte"
        case .informed: "informe"
        }
    }

    // MARK: - peut

    /// `peut`: the decision, what is missing, and the deciding rules with their lines.
    public static func render(_ may: MayAnswer) -> String { render(may, nil) }

    static func render(_ may: MayAnswer, _ words: QueryWords?) -> String {
        var out: String
        if let words {
            // « Est-ce que X peut … ? » reads right whoever X is (no « peut-il » for a woman's name).
            let asked = may.roles == [may.actor] ? words.actor(may.actor) : "« \(may.actor) »"
            let roles = may.roles == [may.actor] ? "" : " (" + may.roles.map(words.actor).joined(separator: ", ") + ")"
            out = "Est-ce que \(asked)\(roles) peut \(words.action(may.action))\(words.object(may.object, action: may.action))"
                + on(may.date) + " ?\n"
        } else {
            let roles = may.roles == [may.actor] ? "" : " (" + may.roles.joined(separator: ", ") + ")"
            out = "Est-ce que « \(may.actor) »\(roles) peut faire « \(may.action) »"
                + (may.object.map { " sur \(written($0))" } ?? "") + on(may.date) + " ?\n"
        }
        out += "\n  Réponse : \(outcomeName(may.outcome))\n"
        if !may.missing.isEmpty {
            out += "  Il manque : \(words?.attributes(may.missing) ?? may.missing.joined(separator: ", ")) (la réponse en dépend)\n"
        }
        var rows = AlignedText(indent: "    ")
        for rule in may.rules {
            if let words {
                rows.add([ruleKindName(rule.kind), words.rule(rule)])
                continue
            }
            rows.add([ruleKindName(rule.kind), rule.kind == .default ? "aucune règle ne le permet" : rule.id,
                      rule.position.map(location) ?? ""])
        }
        out += may.outcome == .undetermined ? "  Règles en jeu :\n" : "  Décidé par :\n"
        out += rows.rendered
        if let date = may.date, !may.deputies.isEmpty { out += deputies(may.deputies, on: date, words) }
        return out
    }

    /// The French word of an outcome.
    static func outcomeName(_ outcome: Outcome) -> String {
        switch outcome {
        case .allowed: "autorisé"
        case .refused: "refusé"
        case .undetermined: "indéterminé"
        }
    }

    /// The French name of a kind of rule.
    static func ruleKindName(_ kind: DecidingRule.Kind) -> String {
        switch kind {
        case .task: "tâche"
        case .permit: "autorisation"
        case .forbid: "interdiction"
        case .default: "refus par défaut"
        case .deputy: "suppléance"
        case .scope: "portée de l'action"
        }
    }

    // MARK: - taches

    /// `taches`: the job sheet, step by step, with a legend of the letters.
    public static func render(_ sheet: JobSheet) -> String { render(sheet, nil) }

    static func render(_ sheet: JobSheet, _ words: QueryWords?) -> String {
        let isRole = sheet.roles == [sheet.actor]
        var out = "Fiche de poste de " + (words.map { isRole ? $0.actor(sheet.actor) : "« \(sheet.actor) »" } ?? "« \(sheet.actor) »")
            + on(sheet.date) + "\n"
        if !isRole { out += "Rôles : \((words.map { sheet.roles.map($0.actor) } ?? sheet.roles).joined(separator: ", "))\n" }
        if !sheet.instances.isEmpty { out += "Membre de : \((words.map { sheet.instances.map($0.actor) } ?? sheet.instances).joined(separator: ", "))\n" }
        var dated = ""
        if sheet.date != nil {
            for window in sheet.away { dated += "\nAbsent ce jour-là : " + sentence(window, words) + "\n" }
            for standing in sheet.standingIn {
                dated += "\nEn suppléance ce jour-là : " + sentence(standing.window, words) + "\n"
                var rows = AlignedText()
                for assignment in standing.assignments { add(assignment, to: &rows, words) }
                dated += standing.assignments.isEmpty ? "  Aucune tâche.\n" : rows.rendered
            }
        }
        if sheet.steps.isEmpty { return out + "\n  Aucune tâche.\n" + dated }
        var rows = AlignedText()
        for step in sheet.steps {
            rows.addLine("")
            if words != nil, let label = step.label {
                rows.addLine("Étape « \(label) »")
            } else {
                rows.addLine("Étape \(step.step)" + (step.label.map { " — \($0)" } ?? ""))
            }
            for assignment in step.assignments { add(assignment, to: &rows, words) }
        }
        return out + rows.rendered + dated + "\nR responsable · A approbateur · S aide · C consulté · I informé\n"
    }

    /// One line of a job sheet: the letter, the task and its label, then what it holds (its
    /// holder, deadline and actions) on the same line, or in words on lines of its own below
    /// it, so long labels wrap cleanly.
    static func add(_ assignment: Assignment, to rows: inout AlignedText, _ words: QueryWords?) {
        if let words {
            rows.add([assignment.letter.rawValue, assignment.task, assignment.label ?? ""])
            if assignment.throughInstance { rows.addLine("       par \(words.actor(assignment.holder))") }
            if let due = assignment.due {
                if case .date = due { rows.addLine("       échéance : \(words.due(due))") } else { rows.addLine("       \(words.due(due))") }
            }
            if !assignment.actions.isEmpty {
                rows.addLine("       " + (assignment.actions.count == 1 ? "action : " : "actions : ")
                    + assignment.actions.map(words.action).joined(separator: ", "))
            }
            return
        }
        var details: [String] = []
        if assignment.throughInstance { details.append("par « \(assignment.holder) »") }
        if let due = assignment.due { details.append(written(due)) }
        if !assignment.actions.isEmpty { details.append("actions : " + assignment.actions.joined(separator: ", ")) }
        rows.add([assignment.letter.rawValue, assignment.task, assignment.label ?? "", details.joined(separator: " · ")])
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
    public static func render(_ list: DeadlineList) -> String { render(list, nil) }

    static func render(_ list: DeadlineList, _ words: QueryWords?) -> String {
        var out = list.from.map { words == nil ? "Échéances à partir du \($0) :\n" : "Échéances à partir du \(DateText.long($0)) :\n" }
            ?? "Échéances :\n"
        if let words {
            return out + render(dated: list, words)
        }
        if list.dated.isEmpty {
            out += "\n  Aucune échéance datée.\n"
        } else {
            var rows = AlignedText()
            for deadline in list.dated {
                var written = deadline.written.flatMap { $0 == deadline.date.description ? nil : $0 } ?? ""
                if let words { written = deadline.written.flatMap { DeadlineWords.phrase($0, calendar: words.charter.calendar) } ?? "" }
                rows.add([words == nil ? deadline.date.description : DateText.long(deadline.date), deadline.task, deadline.label ?? "", written,
                          "R " + deadline.responsables.joined(separator: ", ")])
            }
            out += "\n" + rows.rendered
        }
        if !list.triggered.isEmpty {
            out += "\nSur événement (sans date fixe) :\n\n"
            var rows = AlignedText()
            for deadline in list.triggered {
                rows.add(["\(deadline.delay.description) après " + (words?.event(deadline.event) ?? "« \(deadline.event) »"), deadline.task, deadline.label ?? "",
                          "R " + deadline.responsables.joined(separator: ", ")])
            }
            out += rows.rendered
        }
        return out
    }

    /// The deadlines in words: each task on a line (date, label, id), what its date says and its responsables below.
    private static func render(dated list: DeadlineList, _ words: QueryWords) -> String {
        var out = ""
        if list.dated.isEmpty { out += "\n  Aucune échéance datée.\n" } else { out += "\n" }
        for deadline in list.dated {
            out += "  \(DateText.long(deadline.date)) — " + (deadline.label.map { "\($0) (\(deadline.task))" } ?? deadline.task) + "\n"
            let phrase = deadline.written.flatMap { DeadlineWords.phrase($0, calendar: words.charter.calendar) }
            out += "    " + ((phrase.map { [$0] } ?? []) + ["R " + deadline.responsables.joined(separator: ", ")]).joined(separator: " · ") + "\n"
        }
        if !list.triggered.isEmpty {
            out += "\nSur événement (sans date fixe) :\n\n"
            for deadline in list.triggered {
                out += "  \(deadline.delay.description) après chaque \(words.event(deadline.event)) — "
                    + (deadline.label.map { "\($0) (\(deadline.task))" } ?? deadline.task) + "\n"
                out += "    R " + deadline.responsables.joined(separator: ", ") + "\n"
            }
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
        if let change = shown.localChange {
            out += "\nadapté localement — \(location(change.position))\n\n"
            for line in change.text.split(separator: "\n", omittingEmptySubsequences: false) {
                out += line.isEmpty ? "\n" : "  \(line)\n"
            }
        }
        return out
    }

    // MARK: - Pieces

    /// `fichier, ligne N`.
    static func location(_ position: SourcePosition) -> String { "\(shown(position.file)), ligne \(position.line)" }

    /// An object as a query writes it: `livre(genre: album)`.
    public static func written(_ object: ObjectDescription) -> String {
        object.type + "(" + object.fields.map { "\($0.attribute): \($0.value)" }.joined(separator: ", ") + ")"
    }
}

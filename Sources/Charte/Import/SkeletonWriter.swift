/// One thing `charte importer` guessed from the table's words, as written in the charter.
public struct ImportGuess: Sendable, Hashable {
    /// What kind of guess.
    public enum Kind: String, Sendable, Hashable {
        /// `instance conseil_pedagogique "Conseil pédagogique"`: a council the cells name.
        case conseil
        /// `en conseil_pedagogique`: where a task is done.
        case lieu
        /// `approbateur conseil_pedagogique`: the cell says the council validates.
        case approbateur
        /// `action attribuer_licence "…"`: an action a verb names.
        case action
        /// `action attribuer_licence` in a task.
        case tacheAction
        /// `calendrier "2026-2027" { zone B … }`: the calendar the deadlines need.
        case calendrier
        /// `echeance fin_juin`: a deadline written in the cell.
        case echeance
        /// `evenement arrivee_eleve "…"`: what sets a delay running.
        case evenement
        /// `quand arrivee_eleve delai 3 jours ouvres`: a delay written in the cell.
        case delai
        /// `aide X`: another role named as helping.
        case aide
        /// `informe X`: another role named as told.
        case informe
        /// `consulte X`: another role named as asked.
        case consulte
    }

    /// What kind of guess.
    public let kind: Kind
    /// The line as written in the charter (`aide referent_numerique`).
    public let clause: String
    /// The cell's words it comes from ("" for a declaration).
    public let phrase: String
    /// The table line of the cell, for a guess made in a task.
    public let line: Int?
    /// The column's role label, for a guess made in a task.
    public let role: String?
    /// Whether it is written as a `# proposé :` comment rather than as a clause.
    public internal(set) var isProposal: Bool
    /// Why a clause was turned into a proposal: the checker's diagnostic.
    public internal(set) var reason: String?
}

/// Writes the charter of a `CharterSkeleton` line by line, every guess on a line of its own,
/// then settles it: the text is checked, and each guess a diagnostic points at is written as
/// a `# proposé :` comment instead, until the charter checks clean.
struct SkeletonWriter {
    let table: RoleTable
    let source: String
    let roles: [CharterSkeleton.Role]
    let steps: [CharterSkeleton.Step]
    let plan: SkeletonPlan
    let cells: [SkeletonPlan.Cell]

    /// The most check rounds before every clause guess is written as a proposal.
    static let maximumRounds = 6

    /// Why a second role's use of an action is only proposed.
    static func sharedActionReason(_ holder: String) -> String {
        "déjà faite par \(holder) ; dites sur quels objets chacun la fait (action … si …)"
    }

    /// Stands for the event a delay needs when the cell does not say it.
    static let unknownEvent = "EVENEMENT"

    /// A raw line, and the guess it writes if any.
    private struct Line {
        let text: String
        let guess: Int?
    }

    /// The clean text, its guesses, and how many check rounds it took.
    func settle() -> (text: String, guesses: [ImportGuess], rounds: Int, clean: Bool) {
        let (lines, built) = build()
        var guesses = built
        var rounds = 0
        while rounds < SkeletonWriter.maximumRounds {
            rounds += 1
            let text = render(lines, guesses)
            let loaded = CharterLoader.check(text: text, name: "<importée>")
            if loaded.diagnostics.isEmpty { return (text, guesses, rounds, true) }
            var demoted = false
            for diagnostic in loaded.diagnostics {
                let line = loaded.file.location(of: diagnostic.span.start).line
                guard line >= 1, line <= lines.count, let guess = lines[line - 1].guess, !guesses[guess].isProposal else { continue }
                guesses[guess].isProposal = true
                guesses[guess].reason = "\(diagnostic.code.rawValue) \(CharterSkeleton.comment(diagnostic.message.text))"
                demoted = true
            }
            if !demoted { break }
        }
        // Something the guesses cannot explain: fall back to the plain charter, every guess a proposal.
        for index in guesses.indices where !guesses[index].isProposal {
            guesses[index].isProposal = true
            guesses[index].reason = guesses[index].reason ?? "la charte ne se vérifiait pas proprement avec"
        }
        rounds += 1
        let text = render(lines, guesses)
        return (text, guesses, rounds, CharterLoader.check(text: text, name: "<importée>").diagnostics.isEmpty)
    }

    private func render(_ lines: [Line], _ guesses: [ImportGuess]) -> String {
        var out = ""
        out.reserveCapacity(lines.count * 48)
        for line in lines {
            if let index = line.guess, guesses[index].isProposal {
                let guess = guesses[index]
                let indent = String(line.text.prefix { $0 == " " })
                out += indent + "# proposé : " + CharterSkeleton.comment(guess.clause)
                if let reason = guess.reason {
                    out += "  -- écarté : " + reason
                } else if !guess.phrase.isEmpty {
                    out += "  -- « " + CharterSkeleton.comment(guess.phrase) + " »"
                }
                if guess.kind == .delai, guess.clause.contains(SkeletonWriter.unknownEvent) {
                    out += " : déclarez ce qui fait courir le délai (evenement …)"
                }
                out += "\n"
            } else {
                out += line.text + "\n"
            }
        }
        return out
    }

    // MARK: - Building

    private func build() -> (lines: [Line], guesses: [ImportGuess]) {
        var lines: [Line] = []
        var guesses: [ImportGuess] = []
        func line(_ text: String) { lines.append(Line(text: text, guess: nil)) }
        var actionHolders: [String: String] = [:]
        func guess(_ kind: ImportGuess.Kind, _ clause: String, indent: String = "", phrase: String = "",
                   cell: SkeletonPlan.Cell? = nil, proposal: Bool = false, reason: String? = nil, written: String? = nil) {
            guesses.append(ImportGuess(kind: kind, clause: clause, phrase: phrase, line: cell?.line, role: cell?.task.role.label,
                                       isProposal: proposal, reason: reason))
            lines.append(Line(text: indent + (written ?? clause), guess: guesses.count - 1))
        }
        let quoted = ExpressionPrinter.quoted
        let comment = CharterSkeleton.comment

        for text in header() { line(text) }
        if plan.needsCalendar {
            line("# Calendrier des échéances et des jours ouvrés : le calendrier officiel de la zone \(ImportLexicon.zone) est supposé,")
            line("# écrivez celle de votre académie (zone A, B ou C).")
            var entries = ""
            for entry in plan.entries {
                entries += "  \(entry.name) \(quoted(entry.label)) \(DateText.short(entry.date))"
            }
            let clause = "calendrier \(quoted(ImportLexicon.schoolYear.label)) { zone \(ImportLexicon.zone)\(entries) }"
            guess(.calendrier, clause)
            line("")
        }
        line("# ---------------------------------------------------------------- rôles (colonnes du tableau)")
        line("")
        for role in roles {
            if role.isUsed {
                line("role \(role.id) \(quoted(role.label))")
            } else {
                line("# role \(role.id) \(comment(quoted(role.label)))  -- colonne sans case remplie : utilisez ce rôle ou supprimez-le")
            }
        }
        if !plan.councils.isEmpty {
            line("")
            line("# Conseils cités dans le tableau : ajoutez leurs membres (membres …).")
            for council in plan.councils { guess(.conseil, "instance \(council.id) \(quoted(council.label))") }
        }
        if !plan.events.isEmpty {
            line("")
            line("# Ce qui fait courir les délais écrits dans le tableau.")
            for event in plan.events { guess(.evenement, "evenement \(event.id) \(quoted(event.label))") }
        }
        if !plan.actions.isEmpty {
            line("")
            line("# Actions tirées des verbes du tableau : ajoutez leurs objets (objet …, action … sur …) et les permissions.")
            for action in plan.actions { guess(.action, "action \(action.id) \(quoted(action.label))") }
        }
        line("")
        line("# ---------------------------------------------------------------- étapes (lignes du tableau)")
        var cellIndex = 0
        for step in steps {
            line("")
            guard !step.tasks.isEmpty else {
                line("# etape \(step.id) \(comment(quoted(step.label)))  -- ligne \(step.line) sans case remplie : ajoutez-lui des tâches")
                continue
            }
            line("# Ligne \(step.line) du tableau.")
            line("etape \(step.id) \(quoted(step.label)) {")
            for (position, task) in step.tasks.enumerated() {
                let cell = cells[cellIndex]
                cellIndex += 1
                if position > 0 { line("") }
                line("  # Case « \(comment(task.role.label)) ».")
                line("  tache \(task.id) \(quoted(task.label)) {")
                line("    responsable \(task.role.id)")
                let reading = cell.reading
                if let validating = reading.councils.first(where: \.validates) {
                    guess(.approbateur, "approbateur \(plan.council(validating.key))", indent: "    ", cell: cell)
                }
                if !reading.councils.isEmpty {
                    let places = reading.councils.map { plan.council($0.key) }.joined(separator: ", ")
                    guess(.lieu, "en \(places)", indent: "    ", cell: cell)
                }
                for action in reading.actions {
                    let id = plan.action(action.key)
                    // An action without objects has one responsable role; another role doing it
                    // is a proposal until the objects tell them apart (the checker's W502).
                    let first = actionHolders[id] ?? task.role.id
                    actionHolders[id] = first
                    guess(.tacheAction, "action \(id)", indent: "    ", phrase: action.phrase, cell: cell,
                          proposal: first != task.role.id,
                          reason: first != task.role.id ? SkeletonWriter.sharedActionReason(first) : nil)
                }
                if let deadline = reading.deadline {
                    guess(.echeance, "echeance \(deadline.expression)", indent: "    ", phrase: deadline.phrase, cell: cell)
                }
                if let delay = reading.delay {
                    if let trigger = delay.trigger {
                        guess(.delai, "quand \(plan.event(trigger.key)) delai \(delay.duration)", indent: "    ",
                              phrase: delay.phrase, cell: cell)
                    } else {
                        guess(.delai, "quand \(SkeletonWriter.unknownEvent) delai \(delay.duration)", indent: "    ",
                              phrase: delay.phrase, cell: cell, proposal: true)
                    }
                }
                for mention in reading.mentions {
                    let other = roles[mention.role]
                    guard other.isUsed else { continue }
                    switch mention.relation {
                    case .aide: guess(.aide, "aide \(other.id)", indent: "    ", phrase: mention.phrase, cell: cell, proposal: true)
                    case .informe: guess(.informe, "informe \(other.id)", indent: "    ", phrase: mention.phrase, cell: cell, proposal: true)
                    case .consulte: guess(.consulte, "consulte \(other.id)", indent: "    ", phrase: mention.phrase, cell: cell, proposal: true)
                    case .cite:
                        line("    # Le texte cite aussi « \(comment(other.label)) » (\(other.id)) : aide, consulte ou informe ?")
                    }
                }
                line("    note \(quoted(task.text))")
                line("  }")
            }
            line("}")
        }
        return (lines, guesses)
    }

    private func header() -> [String] {
        var out = ["# Charte générée par « charte importer » à partir de « \(CharterSkeleton.comment(CharterSkeleton.baseName(source))) »."]
        for line in table.title { out.append("# Titre du tableau : \(CharterSkeleton.comment(line))") }
        out += [
            "#",
            "# Chaque colonne du tableau est devenue un rôle, chaque ligne une étape, et chaque case",
            "# remplie une tâche dont le rôle de la colonne est responsable : son libellé est le début",
            "# de la case, sa note la case entière. L'import a lu les mots des cases : les conseils",
            "# cités sont des instances, les verbes d'action des actions, les dates et délais des",
            "# échéances. Ce dont il n'est pas sûr est écrit en commentaire « # proposé : … » :",
            "# retirez « # proposé : » pour l'accepter, ou supprimez la ligne. Pour affiner ensuite :",
            "#   - découpez en plusieurs tâches une case qui décrit plusieurs choses ;",
            "#   - déclarez les objets des actions (objet, action … sur …) et les permissions (autorise, interdit) ;",
            "#   - ajoutez l'ordre des tâches et des étapes (apres) et des tests (test).",
            "# « charte verifier » signale ce qui manque, « charte fmt » remet la charte en forme.",
            "",
            "# etablissement \"Nom de l'établissement\"",
            "",
        ]
        return out
    }
}

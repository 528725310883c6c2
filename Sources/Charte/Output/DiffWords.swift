// The French words of `charte diff`, shared by its text, markdown and HTML renderings.

/// Phrases that describe a `CharterDiff` in French.
public enum DiffWords {
    /// The one-line summary: `2 rôles concernés : 1 permission gagnée, 1 perdue ; 1 échéance déplacée`, or `aucun changement`.
    /// For a school against its model: `ce que l'établissement a changé concerne 3 rôles : …`,
    /// or `l'établissement n'a rien changé au modèle`; for a model's update seen through a school:
    /// `pour l'établissement, la nouvelle version du modèle concerne 2 rôles : …`, or
    /// `la nouvelle version du modèle ne change rien pour l'établissement`.
    public static func summary(_ diff: CharterDiff) -> String {
        switch diff.comparison {
        case .revision:
            guard !diff.isEmpty else { return "aucun changement" }
            let (text, concerned) = changes(diff)
            return concerned > 0 ? "\(count(concerned, "rôle concerné", "rôles concernés")) : \(text)" : text
        case .adaptation(let context):
            guard !diff.isEmpty else { return "l'établissement n'a rien changé au modèle" }
            var (text, concerned) = changes(diff)
            let held = count(context.holdings.count, "rôle du modèle tenu par un rôle de l'établissement",
                             "rôles du modèle tenus par des rôles de l'établissement")
            text = [held, text].filter { !$0.isEmpty }.joined(separator: " ; ")
            return concerned > 0 ? "ce que l'établissement a changé concerne \(count(concerned, "rôle", "rôles")) : \(text)"
                : "ce que l'établissement a changé : \(text)"
        case .modelUpdate:
            guard !diff.isEmpty else { return "la nouvelle version du modèle ne change rien pour l'établissement" }
            let (text, concerned) = changes(diff)
            return concerned > 0 ? "pour l'établissement, la nouvelle version du modèle concerne \(count(concerned, "rôle", "rôles")) : \(text)"
                : "pour l'établissement, la nouvelle version du modèle change : \(text)"
        }
    }

    /// `le nouveau calendrier`, or for a school against its model `le calendrier de l'établissement`.
    static func calendar(_ diff: CharterDiff) -> String {
        if case .adaptation = diff.comparison { return "le calendrier de l'établissement" }
        return "le nouveau calendrier"
    }

    /// `5 suivent le nouveau calendrier`.
    static func followsCalendar(_ diff: CharterDiff, count number: Int) -> String {
        count(number, "suit " + calendar(diff), "suivent " + calendar(diff))
    }

    /// The groups of the summary joined by ` ; ` (empty when nothing changes), and how many actors are concerned.
    static func changes(_ diff: CharterDiff) -> (text: String, concerned: Int) {
        var groups: [String] = []
        let gained = diff.permissions.filter { !$0.permitted.isEmpty }.count
        let lost = diff.permissions.filter { !$0.refused.isEmpty }.count
        let undetermined = diff.permissions.filter { !$0.undetermined.isEmpty }.count
        groups.append(list([count(gained, "permission gagnée", "permissions gagnées"), count(lost, "perdue", "perdues"),
                            count(undetermined, "indéterminée", "indéterminées")], head: ["permission", "permissions"]))
        if !diff.incompletePermissions.isEmpty {
            groups.append(count(diff.incompletePermissions.count, "permission non comparée", "permissions non comparées"))
        }
        let letters = diff.tasks.reduce(0) { $0 + $1.letters.count }
        let renamed = diff.tasks.filter { $0.oldID != nil }.count
        groups.append(list([count(letters, "responsabilité changée", "responsabilités changées")]))
        groups.append(list([count(diff.addedTasks.count, "tâche ajoutée", "tâches ajoutées"),
                            count(diff.removedTasks.count, "supprimée", "supprimées"),
                            count(renamed, "renommée", "renommées")], head: ["tâche", "tâches"]))
        groups.append(list([count(diff.addedSteps.count, "étape ajoutée", "étapes ajoutées"),
                            count(diff.removedSteps.count, "supprimée", "supprimées")], head: ["étape", "étapes"]))
        var moved = 0, following = 0, added = 0, removed = 0, delays = 0, bad = 0
        for change in diff.deadlines {
            switch change.kind {
            case .moved: if change.followsCalendar { following += 1 } else { moved += 1 }
            case .added: added += 1
            case .removed: removed += 1
            case .delay: delays += 1
            case .unchanged: break
            }
            if change.badDay != nil { bad += 1 }
        }
        groups.append(list([count(moved, "échéance déplacée", "échéances déplacées"),
                            followsCalendar(diff, count: following),
                            count(added, "nouvelle", "nouvelles"),
                            count(removed, "retirée", "retirées"), count(delays, "délai changé", "délais changés"),
                            count(bad, "hors jours ouvrés", "hors jours ouvrés")], head: ["échéance", "échéances"]))
        groups.append(count(diff.tests.count, "assertion de test changée", "assertions de test changées"))
        groups.append(count(diff.journal?.count ?? 0, "ligne du journal jugée autrement", "lignes du journal jugées autrement"))
        return (groups.filter { !$0.isEmpty }.joined(separator: " ; "), diff.actors.filter(\.isConcerned).count)
    }

    /// `documentaliste tient le rôle referent_numerique du modèle : ce que le modèle confie à referent_numerique lui revient`.
    public static func holding(_ holding: RoleHolding) -> String {
        let holders = names(holding.holders)
        let role = holding.modelRole
        return holding.holders.count > 1
            ? "\(holders) tiennent le rôle \(role) du modèle : ce que le modèle confie à \(role) leur revient"
            : "\(holders) tient le rôle \(role) du modèle : ce que le modèle confie à \(role) lui revient"
    }

    /// How the model is read for a comparison with roles held: one sentence after the holdings.
    public static func holdingsReading(_ diff: CharterDiff) -> String {
        if case .modelUpdate = diff.comparison { return "Les deux versions du modèle sont lues avec ces rôles." }
        var rest = diff
        rest.comparison = .revision
        return rest.isEmpty ? "Le modèle est lu avec ces rôles ; l'établissement n'y a rien changé d'autre."
            : "Le modèle est lu avec ces rôles : ce qui suit est ce que l'établissement a changé en plus."
    }

    /// Where the two sides of a model comparison come from: `du modèle M, version V, à l'établissement E`.
    public static func origin(_ comparison: DiffComparison, oldName: String, newName: String) -> String {
        func model(_ file: String, _ version: String?) -> String { file + (version.map { ", version \($0)" } ?? "") }
        switch comparison {
        case .revision:
            return "de \(oldName) à \(newName)"
        case .adaptation(let context):
            return "du modèle \(model(context.newModelFile, context.newVersion)), à l'établissement \(context.school)"
        case .modelUpdate(let context):
            let from = model(context.oldModelFile, context.oldVersion) + (context.oldVersion == nil ? "" : ",")
            return "du modèle \(from) au modèle \(model(context.newModelFile, context.newVersion)),"
                + " adaptés par l'établissement \(context.school)"
        }
    }

    /// Where a test assertion is written: `ligne 12`, `ligne 12 de l'ancienne`; for the model
    /// forms `ligne 12 du modèle` (or `de l'ancien modèle`) when it is not in the school's file.
    public static func place(_ position: SourcePosition, comparison: DiffComparison, oldName: String, newName: String) -> String {
        let line = "ligne \(position.line)"
        guard let context = comparison.context else {
            return position.file == oldName && oldName != newName ? line + " de l'ancienne" : line
        }
        if position.file == context.school { return line }
        if case .modelUpdate = comparison, position.file == context.oldModelFile, position.file != context.newModelFile {
            return line + " de l'ancien modèle"
        }
        return line + " du modèle"
    }

    /// `a`, `a et b`, `a, b et c`.
    static func names(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " et " + last
    }

    /// `1 permission gagnée`, `2 permissions gagnées`, or "" for zero.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        value == 0 ? "" : "\(value) \(value == 1 ? singular : plural)"
    }

    /// The non-empty parts joined by `, `; when the first part is empty, the next one gets the
    /// noun (`1 perdue` becomes `1 permission perdue`).
    static func list(_ parts: [String], head: [String]? = nil) -> String {
        var parts = parts
        if let head, parts.first?.isEmpty == true, let index = parts.firstIndex(where: { !$0.isEmpty }) {
            let words = parts[index].split(separator: " ", maxSplits: 1).map(String.init)
            if words.count == 2, let number = Int(words[0]) {
                parts[index] = "\(number) \(number == 1 ? head[0] : head[1]) \(words[1])"
            }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// `désormais permis`, `désormais refusé`, `désormais indéterminé`.
    public static func now(_ outcome: Outcome) -> String {
        switch outcome {
        case .allowed: "désormais permis"
        case .refused: "désormais refusé"
        case .undetermined: "désormais indéterminé"
        }
    }

    /// `autorisé`, `refusé`, `indéterminé`.
    public static func outcome(_ outcome: Outcome) -> String {
        switch outcome {
        case .allowed: "autorisé"
        case .refused: "refusé"
        case .undetermined: "indéterminé"
        }
    }

    /// The letter as a plain word: `responsable`, `approbateur`, `aide`, `consulté`, `informé`.
    public static func letter(_ letter: Letter) -> String {
        switch letter {
        case .responsible: "responsable"
        case .approver: "approbateur"
        case .support: "aide"
        case .consulted: "consulté"
        case .informed: "informé"
        }
    }

    /// `devient responsable`, `n'est plus aide`.
    public static func letterChange(_ change: LetterChange) -> String {
        (change.gained ? "devient " : "n'est plus ") + letter(change.letter)
    }

    /// `15 septembre 2026`, `1er octobre 2026`.
    public static func date(_ date: CalendarDate) -> String {
        "\(DateText.dayAndMonth(date)) \(date.year)"
    }

    /// `+7 jours`, `-1 jour`.
    public static func days(_ days: Int) -> String {
        (days > 0 ? "+" : "") + DeadlineStatus.days(days)
    }

    /// What happened to a deadline: `15 septembre 2026 → 22 septembre 2026, +7 jours`.
    public static func deadline(_ change: DeadlineChange) -> String {
        var text: String
        switch change.kind {
        case .moved(let from, let to): text = "\(date(from)) → \(date(to)), \(days(to.dayNumber - from.dayNumber))"
        case .added(let at): text = "nouvelle échéance le \(date(at))"
        case .removed(let at): text = "plus d'échéance (était le \(date(at)))"
        case .unchanged(let at): text = "\(date(at)), inchangée"
        case .delay(let event, let from, let to):
            switch (from, to) {
            case (let from?, let to?): text = "délai après « \(event) » : \(from.description) → \(to.description)"
            case (nil, let to?): text = "nouveau délai : \(to.description) après « \(event) »"
            case (let from?, nil): text = "plus de délai après « \(event) » (était \(from.description))"
            case (nil, nil): text = "délai après « \(event) »"
            }
        }
        if let bad = change.badDay { text += ", " + badDay(bad) }
        return text
    }

    /// `tombe désormais un samedi`, `tombe désormais pendant les vacances « toussaint »`.
    public static func badDay(_ bad: DeadlineChange.BadDay) -> String {
        switch bad {
        case .weekend(let day): "tombe désormais un \(day)"
        case .publicHoliday(let name): "tombe désormais un jour férié (\(name))"
        case .holiday(let period): "tombe désormais pendant les vacances « \(period) »"
        }
    }

    /// `réussit (autorise)`, `échoue (gestionnaire)`, or `sans objet` for an assertion the charter cannot answer.
    public static func assertion(_ outcome: AssertionOutcome?) -> String {
        guard let outcome else { return "sans objet (nom inconnu)" }
        let answer = outcome.answer.isEmpty ? "personne" : outcome.answer
        return "\(outcome.passed ? "réussit" : "échoue") (\(answer))"
    }

    /// A task's id with its label: `licences_manuels « Attribuer… »`.
    public static func task(_ id: String, label: String?) -> String {
        label.map { "\(id) « \($0) »" } ?? id
    }

    /// `R direction ; I coordinateurs, gestionnaire`.
    public static func holders(_ letters: [LetterHolders]) -> String {
        letters.map { "\($0.letter.rawValue) \($0.actors.joined(separator: ", "))" }.joined(separator: " ; ")
    }

    /// Object literals, the first `limit` ones, then `… et N autres`.
    public static func objects(_ objects: [ObjectChange], limit: Int) -> String {
        let literals = objects.map(\.object).filter { !$0.isEmpty }
        var shown = literals.prefix(limit).joined(separator: ", ")
        if literals.count > limit { shown += " … et \(literals.count - limit) autres" }
        return shown
    }

    /// One actor's line of the per-actor summary.
    public static func actor(_ summary: ActorSummary) -> String {
        var parts: [String] = []
        if !summary.permitted.isEmpty { parts.append("gagne des permissions sur " + summary.permitted.joined(separator: ", ")) }
        if !summary.refused.isEmpty { parts.append("perd des permissions sur " + summary.refused.joined(separator: ", ")) }
        if !summary.undetermined.isEmpty { parts.append("décisions indéterminées sur " + summary.undetermined.joined(separator: ", ")) }
        if !summary.gainedLetters.isEmpty {
            parts.append("devient " + summary.gainedLetters.map { "\(letter($0.letter)) de \($0.task)" }.joined(separator: ", "))
        }
        if !summary.lostLetters.isEmpty {
            parts.append("n'est plus " + summary.lostLetters.map { "\(letter($0.letter)) de \($0.task)" }.joined(separator: ", "))
        }
        if !summary.deadlines.isEmpty {
            parts.append(count(summary.deadlines.count, "échéance changée", "échéances changées") + " (" + summary.deadlines.joined(separator: ", ") + ")")
        }
        return parts.joined(separator: " ; ")
    }

    /// A journal row judged differently: `ligne 12, direction commander ressource(…) : autorisé → refusé`.
    public static func journalRow(_ change: JournalRowChange) -> String {
        let line = change.line.map { "ligne \($0), " } ?? ""
        switch change.kind {
        case .action(let actor, let action, let object, let before, let after):
            func word(_ outcome: Outcome?) -> String { outcome.map(DiffWords.outcome) ?? "non vérifiable" }
            return "\(line)\(actor) \(action)\(object.map { " " + $0 } ?? "") : \(word(before)) → \(word(after))"
        case .deadline(let task, let occurrence, let before, let after):
            func word(_ state: InstanceState?) -> String {
                state.map { "\($0.status.describe(days: $0.days)) (échéance le \(date($0.due)))" } ?? "sans objet"
            }
            let which = occurrence > 0 ? " (occurrence \(occurrence))" : ""
            return "\(line)tâche \(task)\(which) : \(word(before)) → \(word(after))"
        }
    }
}

/// The short French report of an import: what was written, what was guessed and where, what
/// is only proposed, so the writer knows what to read first.
enum ImportReport {
    /// The most guesses listed one by one in a section; the rest are counted.
    static let listed = 10

    /// The report, one item a line.
    static func render(source: String, steps: Int, roles: Int, tasks: Int, guesses: [ImportGuess], clean: Bool) -> String {
        var out = "Import de « \(CharterSkeleton.comment(source)) » : \(counted(steps, "étape")), \(counted(roles, "rôle")), "
            + "\(counted(tasks, "tâche")).\n"
        let written = guesses.filter { !$0.isProposal }
        let proposed = guesses.filter(\.isProposal)
        func count(_ kind: ImportGuess.Kind, in list: [ImportGuess]) -> Int { list.filter { $0.kind == kind }.count }
        func ids(_ kind: ImportGuess.Kind) -> [String] {
            written.filter { $0.kind == kind }.compactMap { $0.clause.split(separator: " ").dropFirst().first.map(String.init) }
        }

        var lines: [String] = []
        let councils = ids(.conseil)
        if !councils.isEmpty {
            var line = "\(counted(councils.count, "conseil")) en instance : \(councils.joined(separator: ", "))"
            let places = count(.lieu, in: written), approvals = count(.approbateur, in: written)
            var uses: [String] = []
            if places > 0 { uses.append("cité\(places > 1 ? "s" : "") dans \(counted(places, "tâche")) (en)") }
            if approvals > 0 { uses.append("approbateur de \(counted(approvals, "tâche"))") }
            if !uses.isEmpty { line += " ; " + uses.joined(separator: ", ") }
            lines.append(line)
        }
        let actions = ids(.action)
        if !actions.isEmpty {
            let uses = actions.map { id in
                "\(id) (\(counted(written.filter { $0.kind == .tacheAction && $0.clause == "action \(id)" }.count, "tâche")))"
            }
            lines.append("\(counted(actions.count, "action")) tirée\(actions.count > 1 ? "s" : "") des verbes : "
                         + uses.joined(separator: ", "))
        }
        if count(.calendrier, in: written) > 0 {
            lines.append("un calendrier \(ImportLexicon.schoolYear.label) : zone \(ImportLexicon.zone) supposée, "
                         + "écrivez celle de votre académie")
        }
        let dated = written.filter { $0.kind == .echeance || $0.kind == .delai }
        for guess in dated.prefix(listed) {
            lines.append("\(place(guess)) : « \(CharterSkeleton.comment(guess.phrase)) » → \(guess.clause)")
        }
        if dated.count > listed { lines.append("… et \(dated.count - listed) autres échéances ou délais") }
        let events = ids(.evenement)
        if !events.isEmpty {
            lines.append("\(counted(events.count, "événement")) déclenchant les délais : \(events.joined(separator: ", "))")
        }
        if lines.isEmpty {
            out += "Rien de deviné dans les cases : ni conseil, ni verbe d'action, ni date, ni délai.\n"
        } else {
            out += "Écrit dans la charte, à relire :\n" + lines.map { "  - \($0)\n" }.joined()
        }

        if !proposed.isEmpty {
            out += "Proposé en commentaire (retirez « # proposé : » pour accepter) :\n"
            let roles = proposed.filter { [.aide, .informe, .consulte].contains($0.kind) }
            if !roles.isEmpty {
                let parts = [(ImportGuess.Kind.aide, "aide"), (.informe, "informe"), (.consulte, "consulte")].compactMap { kind, word in
                    let number = roles.filter { $0.kind == kind }.count
                    return number == 0 ? nil : "\(number) \(word)"
                }
                out += "  - \(counted(roles.count, "rôle")) cité\(roles.count > 1 ? "s" : "") dans les cases : "
                    + parts.joined(separator: ", ") + "\n"
            }
            let others = proposed.filter { ![.aide, .informe, .consulte].contains($0.kind) }
            for guess in others.prefix(listed) {
                var line = "  - "
                if guess.line != nil { line += place(guess) + " : " }
                line += guess.clause
                if let reason = guess.reason {
                    line += " (écarté : \(reason))"
                } else if guess.clause.contains(SkeletonWriter.unknownEvent) {
                    line += " (« \(CharterSkeleton.comment(guess.phrase)) » : déclarez ce qui fait courir le délai)"
                }
                out += line + "\n"
            }
            if others.count > listed { out += "  - … et \(others.count - listed) autres (lignes « # proposé : » de la charte)\n" }
        }
        if clean { out += "La charte produite se vérifie sans erreur ni avertissement.\n" }
        return out
    }

    /// `ligne 12, Gestionnaire`.
    private static func place(_ guess: ImportGuess) -> String {
        var text = guess.line.map { "ligne \($0)" } ?? ""
        if let role = guess.role { text += (text.isEmpty ? "" : ", ") + CharterSkeleton.comment(role) }
        return text
    }

    /// `1 tâche`, `3 tâches`, `0 tâche`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count > 1 ? "s" : "")"
    }
}

// The text of a word search: what the charter says of a question's words, and what to type next.

/// Renders a `WordSearch` for people.
public enum WordSearchText {
    /// The finds by kind, each with its label and the query to type next.
    public static func render(_ search: WordSearch) -> String {
        let words = search.words.map { "« \($0) »" }
        let listed = words.count == 1 ? words[0] : words.dropLast().joined(separator: ", ") + " et " + (words.last ?? "")
        var lines = ["Cette requête n'a pas une forme connue ; voici ce que la charte dit de \(listed) :"]
        func section(_ title: String, _ finds: [WordSearch.Find]) {
            guard !finds.isEmpty else { return }
            lines += ["", "  \(title)"]
            for find in finds {
                lines.append("    \(find.id)" + (find.label.map { " — \($0)" } ?? ""))
                lines.append("      Essayez : \(find.query)")
            }
        }
        section("Tâches", search.tasks)
        if search.moreTasks > 0 {
            let others = search.moreTasks == 1 ? "1 autre tâche" : "\(search.moreTasks) autres tâches"
            lines.append("    (et \(others) où ces mots apparaissent)")
        }
        section("Actions", search.actions)
        section("Acteurs", search.actors)
        lines += ["", "Les formes de requête : qui, peut, taches, echeances, montre (détail : charte requete --help)."]
        return lines.joined(separator: "\n") + "\n"
    }
}

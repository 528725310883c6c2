import Testing
import Charte

/// Completes with the cursor at `|` (at the end when there is none).
private func complete(_ marked: String, charter: Charter? = replCharter,
                      listDirectory: QueryCompletion.DirectoryLister? = nil) -> Completion {
    let cursor = Array(marked).firstIndex(of: "|") ?? marked.count
    let line = marked.replacingOccurrences(of: "|", with: "")
    return QueryCompletion.complete(line: line, cursor: cursor, charter: charter, listDirectory: listDirectory)
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

struct CompletionTests {
    @Test(arguments: [
        // Query words and commands.
        ("", ["qui", "peut", "taches", "echeances", "montre", ":aide", ":charger", ":recharger", ":quitter"].sorted(), " "),
        ("q", ["qui"], " "),
        ("QU", ["qui"], " "),
        ("éch", ["echeances"], " "),
        ("  pe", ["peut"], " "),
        (":", [":aide", ":charger", ":quitter", ":recharger"], " "),
        (":re", [":recharger"], " "),
        (":q", [":quitter"], " "),
        // Ids by position.
        ("qui ", ["attribuer_licence", "commander", "commandes", "licences_manuels", "pilotage", "piloter"], " "),
        ("qui comm", ["commander", "commandes"], " "),
        ("qui attribuer_licence ", ["ressource"], "("),
        ("qui attribuer_licence r", ["ressource"], "("),
        ("qui piloter ", [], "("),
        ("peut ", ["\"Mme Martin\"", "direction", "documentaliste", "editeurs", "gestionnaire"], " "),
        ("peut \"", ["\"Mme Martin\""], " "),
        ("taches \"mme m", ["\"Mme Martin\""], " "),
        ("peut \"Mme Martin\"", [], " "),
        ("qui \"Mme", [], " "),
        ("peut do", ["documentaliste"], " "),
        ("peut documentaliste ", ["attribuer_licence", "commander", "piloter"], " "),
        ("peut documentaliste co", ["commander"], " "),
        ("peut \"Mme Martin\" co", ["commander"], " "),
        ("peut documentaliste commander re", ["ressource"], "("),
        ("taches g", ["gestionnaire"], " "),
        ("taches gestionnaire ", [], " "),
        ("montre ge", ["gerer", "gestionnaire"], " "),
        ("Montre COMM", ["commander", "commandes"], " "),
        ("echeances ", ["fin_annee", "rentree"], " "),
        ("échéances r", ["rentree"], " "),
        ("tâches g", ["gestionnaire"], " "),
        ("echeances rentree ", [], " "),
        ("inconnu ", [], " "),
        // Object literals.
        ("qui attribuer_licence ressource(", ["abonnement", "categorie", "discipline", "licence"], ": "),
        ("qui attribuer_licence ressource(c", ["categorie"], ": "),
        ("qui attribuer_licence ressource(categorie: ", ["documentaire", "manuel", "outil"], ""),
        ("qui attribuer_licence ressource(categorie: ma", ["manuel"], ""),
        ("qui attribuer_licence ressource(categorie:ma", ["manuel"], ""),
        ("qui attribuer_licence ressource(categorie: manuel, ", ["abonnement", "discipline", "licence"], ": "),
        ("peut documentaliste commander ressource(categorie: outil, licence: n", ["nominative"], ""),
        ("peut documentaliste commander ressource(abonnement: ", ["faux", "vrai"], ""),
        ("peut documentaliste commander ressource(discipline: ", [], ""),
        ("peut documentaliste commander ressource(inconnu: ", [], ""),
        ("peut documentaliste commander machin(", [], ""),
        // Nothing after a finished literal, a number or a string.
        ("qui attribuer_licence ressource(categorie: manuel)", [], " "),
        ("qui attribuer_licence ressource(categorie: manuel) ", [], " "),
        ("echeances 2026", [], " "),
        ("qui \"lic", [], " "),
        ("qui \"lic\" ", [], " "),
    ] as [(String, [String], String)])
    func completesInContext(line: String, candidates: [String], suffix: String) {
        let completion = complete(line)
        #expect(completion.candidates == candidates)
        if !candidates.isEmpty { #expect(completion.suffix == suffix) }
    }

    @Test(arguments: [
        ("qui comm", 4), ("peut documentaliste commander ressource(categorie: ma", 51), ("qui ", 4),
        ("  pe", 2), (":re", 0), ("qui attribuer_licence ressource(", 32), ("peut \"Mme", 5),
    ])
    func replacesTheWordBeforeTheCursor(line: String, start: Int) {
        #expect(complete(line).start == start)
    }

    @Test func completesAtTheCursorNotAtTheEnd() {
        let completion = complete("qui comm| ressource(categorie: manuel)")
        #expect(completion.candidates == ["commander", "commandes"])
        #expect(completion.start == 4)
        #expect(complete("qui attribuer_licence ressource(categorie: o|, licence: flottante)").candidates == ["outil"])
    }

    @Test func matchesAccentedIdsWhateverTheAccents() throws {
        let text = replCharterText + "\nrole eleve_delegue \"Délégué\"\nrole élève \"Élève\"\n"
        let charter = try #require(CharterLoader.check(text: text).checked?.model)
        #expect(complete("taches ele", charter: charter).candidates == ["eleve_delegue", "élève"])
        #expect(complete("taches élè", charter: charter).candidates == ["eleve_delegue", "élève"])
    }

    @Test func offersOnlyQueryWordsWithoutACharter() {
        #expect(complete("q", charter: nil).candidates == ["qui"])
        #expect(complete("qui ", charter: nil).candidates == [])
    }

    @Test func completesFileNamesAfterCharger() {
        let lister: QueryCompletion.DirectoryLister = { directory in
            switch directory {
            case ".": ["rules/", "README.md", "brouillon.charte", ".cache/"]
            case "rules/": ["college.charte", "ecole.charte", "notes.txt"]
            default: nil
            }
        }
        let root = complete(":charger ", listDirectory: lister)
        #expect(root.candidates == ["brouillon.charte", "rules/"])
        #expect(root.start == 9)
        #expect(root.suffix == "")
        #expect(complete(":charger ru", listDirectory: lister).candidates == ["rules/"])
        #expect(complete(":charger rules/", listDirectory: lister).candidates == ["rules/college.charte", "rules/ecole.charte"])
        #expect(complete(":charger rules/e", listDirectory: lister).candidates == ["rules/ecole.charte"])
        #expect(complete(":charger nulle/part", listDirectory: lister).candidates == [])
        #expect(complete(":charger ", listDirectory: nil).candidates == [])
        #expect(complete(":aide ", listDirectory: lister).candidates == [])
    }
}

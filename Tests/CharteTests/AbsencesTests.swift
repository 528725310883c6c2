import Testing
@testable import Charte

/// `suppleance` and `incompatibles`: what the checker makes of them, and what it reports.
@Suite struct AbsencesTests {
    static let base = """
        calendrier "2026-2027" {
          rentree 2026-09-01
          fin_annee 2027-07-03
        }
        role documentaliste "Professeur-documentaliste"
        role referent "Référent numérique"
        objet ressource "Ressource" { categorie: manuel | documentaire }
        action attribuer "Attribuer des licences" sur ressource
        action commander "Commander" sur ressource
        etape gar "Licences" {
          tache licences "Attribuer les licences" {
            responsable documentaliste
            aide referent
            action attribuer
          }
        }

        """

    @Test func aSuppleanceWithoutScopeDelegatesWhatTheActorHolds() throws {
        let loaded = CharterLoader.check(text: AbsencesTests.base + """
            suppleance documentaliste par referent du 2027-01-12 au 12/02/2027 { nature pouvoir note "Congé" }
            """)
        #expect(loaded.diagnostics.map(\.code) == [])
        let deputy = try #require(loaded.model.deputies.first)
        #expect(loaded.model.actors[deputy.deputised].id == "documentaliste")
        #expect(loaded.model.actors[deputy.deputy].id == "referent")
        #expect(deputy.from.description == "2027-01-12" && deputy.to.description == "2027-02-12")
        #expect(deputy.nature == .power && deputy.isWholeRole && deputy.note == "Congé")
        #expect(deputy.tasks.map { loaded.model.tasks[$0].id } == ["licences"])
        #expect(deputy.isActive(on: try #require(CalendarDate(year: 2027, month: 2, day: 12))))
        #expect(!deputy.isActive(on: try #require(CalendarDate(year: 2027, month: 2, day: 13))))
    }

    @Test func aScopedSuppleanceKeepsItsActionsAndConditions() throws {
        let loaded = CharterLoader.check(text: AbsencesTests.base + """
            suppleance documentaliste par referent du 2027-01-12 au 2027-02-06 {
              action attribuer si categorie != manuel
            }
            """)
        #expect(loaded.diagnostics.map(\.code) == [])
        let deputy = try #require(loaded.model.deputies.first)
        #expect(!deputy.isWholeRole && deputy.tasks.isEmpty && deputy.actions.count == 1)
        #expect(deputy.nature == .signature)
    }

    @Test(arguments: [
        ("suppleance documentaliste par referent du 2027-01-12 au 2027-02-06 { tache licence }", ["E120"]),
        ("suppleance documentalist par referent du 2027-01-12 au 2027-02-06", ["E100"]),
        ("incompatibles documentalist, referent", ["E100"]),
        ("incompatibles attribuer, comander", ["E103"]),
        ("incompatibles documentaliste, attribuer", ["E323"]),
        ("suppleance documentaliste par referent du 2027-01-12", ["E010"]),
        ("suppleance documentaliste par referent du 2027-01-12 au 2027-02-06 { nature totale }", ["E010"]),
    ])
    func badDeclarationsAreReportedAndTheRestIsChecked(text: String, codes: [String]) {
        let loaded = CharterLoader.check(text: AbsencesTests.base + text + "\nrole cpe \"CPE\"\n")
        // The actor declared after the bad line shows the rest of the file was read; W302 (unused)
        // is only given when there is no syntax error.
        #expect(loaded.diagnostics.map(\.code.rawValue) == codes + (codes == ["E010"] ? [] : ["W302"]))
        #expect(loaded.model.actor(named: "cpe") != nil)
    }

    @Test func incompatibleActionsInOneTaskAreAnErrorNamingTheActor() {
        let loaded = CharterLoader.check(text: """
            role gestionnaire "Gestionnaire"
            objet commande "Commande" { nature: livres | logiciels }
            action commander "Commander" sur commande
            action certifier "Certifier le service fait" sur commande
            etape achats "Achats" {
              tache commandes "Commander" { responsable gestionnaire action commander action certifier }
            }
            incompatibles commander, certifier
            """)
        #expect(loaded.diagnostics.map(\.message) == [
            .incompatibleActionsInTask(actor: "gestionnaire", task: "commandes", first: "commander", second: "certifier"),
        ])
    }

    @Test func theFormatterWritesBothDeclarationsCanonically() {
        let source = AbsencesTests.base + """
            suppleance   documentaliste par referent du 2027-01-12 au 2027-02-06 { action attribuer si categorie != manuel nature pouvoir }
            incompatibles  documentaliste ,referent note "Séparation"
            """
        let once = Formatter.format(text: source, name: "t.charte")
        #expect(once.text?.contains("""
            suppleance documentaliste par referent du 2027-01-12 au 2027-02-06 {
              action attribuer si categorie != manuel
              nature pouvoir
            }
            """) == true)
        #expect(once.text?.contains("incompatibles documentaliste, referent note \"Séparation\"") == true)
        #expect(Formatter.format(text: once.text ?? "", name: "t.charte").text == once.text)
    }
}

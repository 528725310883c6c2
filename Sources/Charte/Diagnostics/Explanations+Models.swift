// Explanations of the codes about académie models and their adaptations. Their examples
// adapt the small model below, held in memory as `modeles/academie.charte`.

extension ExplanationCatalogue {
    /// The model every example adapts.
    static let model = """
        modele "Académie exemple" version "2026.1"

        role direction "Équipe de direction"
        role documentaliste "Professeur-documentaliste"
        role referent "Référent numérique"
        role gestionnaire "Gestionnaire"
        objet ressource "Ressource" { categorie: manuel | documentaire }
        action commander "Commander" sur ressource
        action attribuer "Attribuer des licences" sur ressource

        etape acquerir "Acquérir" {
          verrouille tache commandes "Commander les ressources" {
            responsable gestionnaire
            approbateur direction
            informe documentaliste, referent
            action commander
          }
        }
        etape gerer "Gérer" apres acquerir {
          tache licences_manuels "Attribuer les licences des manuels" {
            responsable gestionnaire
            aide referent
            action attribuer si categorie == manuel
          }
          tache licences_ressources "Attribuer les autres licences" {
            responsable documentaliste
            action attribuer si categorie != manuel
          }
        }
        verrouille interdit documentaliste commander
        test "le gestionnaire commande" {
          peut gestionnaire commander
        }
        """

    /// The models the examples find, by path.
    static let models: [String: String] = ["modeles/academie.charte": model]

    /// The head of every example.
    private static let adapts = "adapte \"modeles/academie.charte\" version \"2026.1\"\n"

    static let e700 = Explanation(code: .E700, meaning: """
            Le modèle nommé par « adapte » est introuvable ou illisible : la charte ne peut pas \
            être vérifiée sans lui. Le chemin est relatif au fichier de la charte ; un nom seul \
            est aussi cherché dans les dossiers donnés par --modeles ou CHARTE_MODELES.
            """, example: """
            adapte "modeles/academi.charte" version "2026.1"
            """, fix: """
            Corrigez le chemin, ou donnez le dossier des modèles : charte verifier --modeles DOSSIER.
            """, models: models)

    static let e701 = Explanation(code: .E701, meaning: """
            Une adaptation vise un identifiant que le modèle n'a pas (ou plus) : une tâche \
            renommée dans la nouvelle version du modèle, par exemple. Rien n'est adapté en silence.
            """, example: adapts + """
            modifie tache licence_manuels {
              responsable referent
            }
            """, fix: """
            Reprenez l'identifiant du modèle (la suggestion « renommée en … ? » le propose quand il est proche).
            """, models: models)

    static let e702 = Explanation(code: .E702, meaning: """
            La même chose est adaptée deux fois (deux « modifie » de la même tâche, ou « modifie » \
            et « retire ») : on ne saurait pas laquelle retenir.
            """, example: adapts + """
            modifie tache licences_manuels {
              informe direction
            }
            retire tache licences_manuels "pas de manuels numériques"
            """, fix: """
            Réunissez les deux adaptations en une seule.
            """, models: models)

    static let e703 = Explanation(code: .E703, meaning: """
            Des modèles s'adaptent l'un l'autre en boucle : aucun n'a de contenu de départ.
            """, example: """
            modele "Boucle" version "1"
            adapte "exemple-E703.charte" version "1"
            """, fix: """
            Un modèle adapte un modèle plus général, jamais l'un de ceux qui l'adaptent.
            """, models: models)

    static let e704 = Explanation(code: .E704, meaning: """
            Trop de modèles s'adaptent l'un l'autre (plus de \(ModelLoader.maximumDepth)) : une \
            école adapte le modèle de l'académie, qui peut adapter un modèle national, guère plus.
            """, example: """
            adapte "m1.charte" version "1"
            """, fix: """
            Adaptez directement le modèle de l'académie.
            """, models: chain)

    /// A chain of nine models, for E704.
    static let chain: [String: String] = Dictionary(uniqueKeysWithValues: (1...9).map { index in
        ("m\(index).charte", "modele \"M\(index)\" version \"1\"\n" + (index < 9 ? "adapte \"m\(index + 1).charte\" version \"1\"\n" : "role r \"R\"\n"))
    })

    static let e705 = Explanation(code: .E705, meaning: """
            « modifie », « retire » et « tient » changent un modèle : dans une charte qui n'en \
            adapte aucun, il n'y a rien à changer.
            """, example: """
            role direction "Direction"
            etape e "Étape" {
              tache t "Tâche" {
                responsable direction
              }
            }
            retire tache licences_manuels "pas de manuels numériques"
            """, fix: """
            Ajoutez « adapte "modeles/NOM.charte" version "…" » en tête, ou écrivez la charte elle-même.
            """, models: models)

    static let e706 = Explanation(code: .E706, meaning: """
            Le fichier nommé par « adapte » ne se déclare pas modèle (« modele "Nom" version "…" ») : \
            une charte d'établissement ne s'adapte pas par erreur.
            """, example: """
            adapte "charte-voisine.charte" version "1"
            """, fix: """
            Adaptez un modèle, ou déclarez ce fichier comme modèle.
            """, models: ["charte-voisine.charte": "role direction \"Direction\"\n"])

    static let e707 = Explanation(code: .E707, meaning: """
            Le modèle verrouille cette tâche (« verrouille tache ») : une école ne peut pas la retirer.
            """, example: adapts + """
            retire tache commandes "fait par l'intendance"
            """, fix: """
            Gardez la tâche ; changez au besoin ses clauses consulte, informe, echeance, delai ou note.
            """, models: models)

    static let e708 = Explanation(code: .E708, meaning: """
            Le modèle verrouille cette règle (« verrouille interdit ») : une école peut ajouter \
            des restrictions, pas retirer celles du modèle.
            """, example: adapts + """
            retire interdit documentaliste commander "le CDI commande ses abonnements"
            """, fix: """
            Gardez la règle du modèle.
            """, models: models)

    static let e709 = Explanation(code: .E709, meaning: """
            Une règle de l'école autorise ce qu'une interdiction verrouillée du modèle refuse : \
            l'interdiction l'emporterait, et la règle laisserait croire le contraire.
            """, example: adapts + """
            autorise documentaliste commander si categorie == documentaire
            """, fix: """
            Retirez la règle : le modèle ne laisse pas l'établissement autoriser cela.
            """, models: models)

    static let e710 = Explanation(code: .E710, meaning: """
            Le modèle verrouille cette tâche : son responsable, son approbateur, ses aides, ses \
            actions, son déclencheur et ses prérequis ne se changent pas.
            """, example: adapts + """
            modifie tache commandes {
              responsable direction
            }
            """, fix: """
            Changez seulement les clauses consulte, informe, echeance, delai ou note de la tâche.
            """, models: models)

    static let e711 = Explanation(code: .E711, meaning: """
            « adapte » (ou « modele ») est écrit deux fois : une charte adapte un seul modèle.
            """, example: adapts + adapts, fix: """
            Gardez une seule ligne « adapte ».
            """, models: models)

    static let e712 = Explanation(code: .E712, meaning: """
            « tient » fait tenir par un acteur de l'école un rôle (role) du modèle ; une \
            instance, un acteur externe ou le rôle lui-même ne se tiennent pas.
            """, example: adapts + """
            role documentaliste tient documentaliste
            """, fix: """
            Nommez après « tient » un autre rôle du modèle.
            """, models: models)

    static let e713 = Explanation(code: .E713, meaning: """
            « retire etape » retire une étape du modèle dont l'établissement garde encore des \
            tâches ; « retire role » retire un rôle que des tâches, des règles, des membres ou \
            des tests encore gardés nomment. Ce qui reste ne saurait plus à quoi il se rattache.
            """, example: adapts + """
            retire role referent "pas de référent dans l'établissement"
            """, fix: """
            Retirez d'abord ce qui l'emploie (retire tache, modifie tache), ou faites tenir le \
            rôle par un acteur local : role documentaliste tient referent.
            """, models: models)

    static let w700 = Explanation(code: .W700, meaning: """
            Le modèle a changé de version depuis l'adaptation : des tâches adaptées ont pu changer. \
            Si l'ancienne version est gardée à côté du modèle (NOM-VERSION.charte), le \
            diagnostic liste ce qui a changé.
            """, example: """
            adapte "modeles/academie.charte" version "2025.1"
            """, fix: """
            Relisez ce qui a changé, puis écrivez la nouvelle version dans « adapte ».
            """, models: models)

    static let w701 = Explanation(code: .W701, meaning: """
            « adapte » ne dit pas quelle version du modèle est adaptée : un changement de \
            version du modèle ne pourrait pas être signalé.
            """, example: """
            adapte "modeles/academie.charte"
            """, fix: """
            Écrivez la version : adapte "modeles/academie.charte" version "2026.1".
            """, models: models)
}

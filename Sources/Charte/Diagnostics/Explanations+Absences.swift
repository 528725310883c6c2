// Explanations of the codes about suppléances and incompatibilities.

extension ExplanationCatalogue {
    /// The charter shared by the examples below: a collège, its documentaliste and its référent.
    private static let base = """
        calendrier "2026-2027" {
          rentree 2026-09-01
          fin_annee 2027-07-03
        }
        role documentaliste "Professeur-documentaliste"
        role referent "Référent numérique"
        objet ressource "Ressource" { categorie: manuel | documentaire }
        action attribuer "Attribuer des licences" sur ressource
        etape gar "Licences" {
          tache licences "Attribuer les licences" {
            responsable documentaliste
            aide referent
            action attribuer
          }
        }
        """

    /// The same charter without the référent as aide.
    private static let baseWithoutAide = """
        calendrier "2026-2027" {
          rentree 2026-09-01
          fin_annee 2027-07-03
        }
        role documentaliste "Professeur-documentaliste"
        role referent "Référent numérique"
        objet ressource "Ressource" { categorie: manuel | documentaire }
        action attribuer "Attribuer des licences" sur ressource
        etape gar "Licences" {
          tache licences "Attribuer les licences" {
            responsable documentaliste
            action attribuer
          }
        }
        """

    // MARK: - Suppléances

    /// E120 explained.
    static let e120 = Explanation(code: .E120, meaning: """
            Une suppléance délègue une tâche qui n'est déclarée nulle part.
            """, example: base + """

            suppleance documentaliste par referent du 2027-01-12 au 2027-02-06 {
              tache licence
            }
            """, fix: """
            Corrigez le nom de la tâche (la suggestion « vouliez-vous dire » donne le plus proche).
            """)

    /// E121 explained.
    static let e121 = Explanation(code: .E121, meaning: """
            La date de fin d'une suppléance précède sa date de début : elle ne couvre aucun jour.
            """, example: base + """

            suppleance documentaliste par referent du 2027-02-06 au 2027-01-12
            """, fix: """
            Écrivez d'abord le premier jour de l'absence : « du DEBUT au FIN » (bornes comprises).
            """)

    /// E122 explained.
    static let e122 = Explanation(code: .E122, meaning: """
            Une suppléance nomme le même acteur comme absent et comme suppléant.
            """, example: base + """

            suppleance documentaliste par documentaliste du 2027-01-12 au 2027-02-06
            """, fix: """
            Nommez après « par » l'acteur qui remplace l'absent.
            """)

    /// E123 explained.
    static let e123 = Explanation(code: .E123, meaning: """
            Le suppléant est lui-même suppléé pendant qu'il remplace : une délégation ne se
            délègue pas (pas de subdélégation), la chaîne des responsabilités deviendrait
            impossible à suivre.
            """, example: base + """

            role adjoint "Principal adjoint"
            autorise adjoint attribuer
            suppleance documentaliste par referent du 2027-01-12 au 2027-02-06
            suppleance referent par adjoint du 2027-01-20 au 2027-01-30
            """, fix: """
            Faites suppléer directement l'absent par le dernier acteur, pour la période voulue.
            """)

    /// W310 explained.
    static let w310 = Explanation(code: .W310, meaning: """
            Une suppléance commence avant ou finit après le calendrier de l'année.
            """, example: base + """

            suppleance documentaliste par referent du 2027-06-15 au 2027-09-10
            """, fix: """
            Vérifiez les dates de l'absence, ou étendez le calendrier.
            """)

    /// W311 explained.
    static let w311 = Explanation(code: .W311, meaning: """
            Une interdiction empêche le suppléant de faire une action qui lui est déléguée :
            pendant l'absence, personne ne pourra la faire pour ces objets.
            """, example: baseWithoutAide + """

            interdit referent attribuer si categorie == manuel
            suppleance documentaliste par referent du 2027-01-12 au 2027-02-06
            """, fix: """
            Restreignez la suppléance (« action attribuer si categorie != manuel »), ou
            choisissez un autre suppléant pour ces objets.
            """)

    /// W312 explained.
    static let w312 = Explanation(code: .W312, meaning: """
            Deux suppléants remplacent le même absent pour le même travail, aux mêmes dates :
            on ne sait plus qui agit.
            """, example: base + """

            role adjoint "Principal adjoint"
            autorise adjoint attribuer
            suppleance documentaliste par referent du 2027-01-12 au 2027-02-06
            suppleance documentaliste par adjoint du 2027-02-01 au 2027-02-20
            """, fix: """
            Séparez les périodes, ou partagez le travail par « tache » ou « action … si … ».
            """)

    /// W313 explained.
    static let w313 = Explanation(code: .W313, meaning: """
            Une suppléance ne délègue rien : l'absent n'est responsable ni aide des tâches
            qu'elle nomme, et elle ne nomme aucune action.
            """, example: base + """

            etape veille "Veille" {
              tache lettre "Lettre d'information" { responsable referent informe documentaliste }
            }
            suppleance documentaliste par referent du 2027-01-12 au 2027-02-06 {
              tache lettre
            }
            """, fix: """
            Nommez les tâches ou les actions déléguées, ou retirez la suppléance.
            """)

    // MARK: - Incompatibilities

    /// E320 explained.
    static let e320 = Explanation(code: .E320, meaning: """
            Une même personne (« personnes ») tient deux rôles déclarés incompatibles : celui
            qui commande ne certifie pas le service fait.
            """, example: """
            role ordonnateur "Chef d'établissement" { personnes "M. Durand" }
            role gestionnaire "Adjoint gestionnaire" { personnes "M. Durand" }
            action commander "Passer une commande"
            etape achats "Achats" {
              tache commandes "Commander" { responsable gestionnaire approbateur ordonnateur action commander }
            }
            incompatibles ordonnateur, gestionnaire
            """, fix: """
            Confiez l'un des deux rôles à une autre personne.
            """)

    /// E321 explained.
    static let e321 = Explanation(code: .E321, meaning: """
            Dans une tâche, le même acteur tient deux lettres déclarées incompatibles (par
            exemple responsable et approbateur : on ne valide pas son propre travail).
            """, example: """
            role direction "Direction"
            role gestionnaire "Gestionnaire"
            etape achats "Achats" {
              tache budget "Préparer le budget" {
                responsable direction
                approbateur direction
                informe gestionnaire
              }
            }
            incompatibles responsable, approbateur
            """, fix: """
            Confiez l'une des deux lettres à un autre acteur.
            """)

    /// E322 explained.
    static let e322 = Explanation(code: .E322, meaning: """
            Une tâche fait faire au même acteur deux actions déclarées incompatibles (la
            même personne ne peut pas faire les deux sur le même objet).
            """, example: """
            role gestionnaire "Gestionnaire"
            objet commande "Bon de commande" { nature: livres | logiciels }
            action commander "Passer la commande" sur commande
            action certifier "Certifier le service fait" sur commande
            etape achats "Achats" {
              tache commandes "Commander et réceptionner" {
                responsable gestionnaire
                action commander
                action certifier
              }
            }
            incompatibles commander, certifier
            """, fix: """
            Confiez l'une des deux actions à une autre tâche et à un autre acteur.
            """)

    /// E323 explained.
    static let e323 = Explanation(code: .E323, meaning: """
            Une déclaration « incompatibles » relie des noms de sortes différentes (un acteur
            et une action) : elle relie deux acteurs, deux actions ou deux lettres.
            """, example: base + """

            incompatibles documentaliste, attribuer
            """, fix: """
            Écrivez une déclaration « incompatibles » par paire de même sorte.
            """)

    /// E324 explained.
    static let e324 = Explanation(code: .E324, meaning: """
            Une suppléance fait remplacer un acteur par un acteur déclaré incompatible avec lui.
            """, example: base + """

            incompatibles documentaliste, referent
            suppleance documentaliste par referent du 2027-01-12 au 2027-02-06
            """, fix: """
            Choisissez un autre suppléant.
            """)
}

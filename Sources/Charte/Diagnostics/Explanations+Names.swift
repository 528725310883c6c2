// Explanations of the name and type codes (E100–E107, E200, E202).

extension ExplanationCatalogue {
    // MARK: - Names

    /// E100 explained.
    static let e100 = Explanation(code: .E100, meaning: """
            Un acteur (role, instance ou externe) est nommé sans être déclaré, souvent à
            cause d'une faute de frappe. Un nom déclaré d'une autre sorte (une action, un
            objet) employé comme acteur a le même code.
            """, example: """
            role direction "Équipe de direction"
            role documentaliste "Professeur-documentaliste"
            etape gerer "Gérer le fonds" {
              tache licences "Attribuer les licences" {
                responsable documentalist
                informe direction, documentaliste
              }
            }
            """, fix: """
            Corrigez le nom (la ligne « aide » propose les noms proches), ou déclarez
            l'acteur : role documentalist "…".
            """)

    /// E101 explained.
    static let e101 = Explanation(code: .E101, meaning: """
            Un nom est déclaré deux fois. Acteurs, objets, actions, événements, étapes et
            tâches partagent un seul espace de noms : une tâche ne peut pas porter le nom
            d'un rôle. Le diagnostic montre la première déclaration.
            """, example: """
            role cpe "CPE"
            role cpe "Conseiller principal d'éducation"
            etape suivi "Suivi" {
              tache appel "Faire l'appel" { responsable cpe }
            }
            """, fix: """
            Supprimez le doublon, ou renommez l'une des deux déclarations.
            """)

    /// E102 explained.
    static let e102 = Explanation(code: .E102, meaning: """
            Un « apres » nomme une étape (dans l'en-tête d'une étape) ou une tâche (dans une
            tâche) qui n'existe pas.
            """, example: """
            role cpe "CPE"
            etape suivi "Suivi" {
              tache appel "Faire l'appel" { responsable cpe }
              tache relance "Relancer les familles" {
                responsable cpe
                apres apel
              }
            }
            """, fix: """
            Corrigez le nom : une étape après « etape … apres », une tâche après la clause
            « apres » d'une tâche.
            """)

    /// E103 explained.
    static let e103 = Explanation(code: .E103, meaning: """
            Une action est nommée (dans une tâche, une permission ou un test) sans être
            déclarée par « action ».
            """, example: """
            role cpe "CPE"
            etape suivi "Suivi" {
              tache incidents "Traiter les incidents" {
                responsable cpe
                action traiter
              }
            }
            """, fix: """
            Déclarez l'action : action traiter "Traiter un incident", ou corrigez son nom.
            """)

    /// E104 explained.
    static let e104 = Explanation(code: .E104, meaning: """
            La clause « quand » d'une tâche nomme un événement qui n'est pas déclaré par
            « evenement ».
            """, example: """
            role cpe "CPE"
            etape suivi "Suivi" {
              tache familles "Prévenir les familles" {
                responsable cpe
                quand absence
                delai 2 jours
              }
            }
            """, fix: """
            Déclarez l'événement : evenement absence "Absence d'un élève", ou corrigez son
            nom.
            """)

    /// E105 explained.
    static let e105 = Explanation(code: .E105, meaning: """
            Une action, un événement ou un objet de test porte sur un type d'objet qui n'est
            pas déclaré par « objet ».
            """, example: """
            role cpe "CPE"
            action traiter "Traiter un incident" sur incident
            etape suivi "Suivi" {
              tache incidents "Traiter les incidents" {
                responsable cpe
                action traiter
              }
            }
            """, fix: """
            Déclarez le type : objet incident "Incident" { gravite: faible | forte }, ou
            corrigez son nom.
            """)

    /// E106 explained.
    static let e106 = Explanation(code: .E106, meaning: """
            Une condition ou un objet nomme un attribut que le type d'objet n'a pas, ou une
            valeur qui n'est pas dans l'énumération de l'attribut. Une condition sur une
            action qui ne porte sur aucun objet a le même code.
            """, example: """
            role cpe "CPE"
            objet incident "Incident" { gravite: faible | forte }
            action traiter "Traiter un incident" sur incident
            etape suivi "Suivi" {
              tache incidents "Traiter les incidents" {
                responsable cpe
                action traiter si gravite == grave
              }
            }
            """, fix: """
            Employez une valeur déclarée (ici faible ou forte), ou ajoutez-la à
            l'énumération de l'objet.
            """)

    /// E107 explained.
    static let e107 = Explanation(code: .E107, meaning: """
            Une échéance nomme une date que le calendrier ne déclare pas, ou une échéance
            relative est écrite alors que la charte n'a pas de calendrier.
            """, example: """
            calendrier "2026-2027" {
              rentree 2026-09-01
            }
            role cpe "CPE"
            etape suivi "Suivi" {
              tache appel "Faire l'appel" {
                responsable cpe
                echeance rentre + 1 semaine
              }
            }
            """, fix: """
            Corrigez le nom, déclarez-le dans le bloc « calendrier », ou écrivez une date
            AAAA-MM-JJ.
            """)

    /// E108 explained.
    static let e108 = Explanation(code: .E108, meaning: """
            Le calendrier demande un calendrier scolaire officiel (« zone B ») que Charte ne
            connaît pas : la zone n'existe pas (les zones sont A, B, C et Corse), l'année
            n'est pas écrite AAAA-AAAA, ou le calendrier de cette zone pour cette année n'a pas
            été publié. Charte n'invente jamais de dates : les calendriers intégrés sont ceux
            que le ministère (ou l'académie de Corse) a publiés.
            """, example: """
            calendrier "2026-2027" {
              zone Corse
            }
            role cpe "CPE"
            etape suivi "Suivi" {
              tache appel "Faire l'appel" {
                responsable cpe
                echeance 2026-09-03
              }
            }
            """, fix: """
            Corrigez la zone ou l'année, ou retirez « zone » et écrivez vous-même les dates de
            l'année (rentree 2026-09-01, toussaint "Vacances de la Toussaint" 2026-10-17 ..
            2026-11-01…).
            """)

    // MARK: - Types

    /// E200 explained.
    static let e200 = Explanation(code: .E200, meaning: """
            Une condition compare des valeurs de types différents (un attribut énuméré avec
            un nombre, un texte avec une date), ordonne ce qui n'est ni un nombre ni une
            date, ou emploie comme condition ce qui n'est pas un booléen.
            """, example: """
            role cpe "CPE"
            objet incident "Incident" { gravite: faible | forte }
            action traiter "Traiter un incident" sur incident
            etape suivi "Suivi" {
              tache incidents "Traiter les incidents" {
                responsable cpe
                action traiter si gravite == 3
              }
            }
            """, fix: """
            Comparez l'attribut à une valeur de son type : gravite == forte. « < <= > >= »
            ne s'emploient qu'avec des nombres ou des dates.
            """)

    /// E202 explained.
    static let e202 = Explanation(code: .E202, meaning: """
            Une tâche déclenchée par un événement a « quand » sans « delai », ou « delai »
            sans « quand » : chaque événement du journal crée une échéance, à la date de
            l'événement plus le délai, et il faut les deux.
            """, example: """
            role cpe "CPE"
            evenement absence "Absence d'un élève"
            etape suivi "Suivi" {
              tache familles "Prévenir les familles" {
                responsable cpe
                quand absence
              }
            }
            """, fix: """
            Ajoutez le délai dans lequel chaque événement doit être traité : delai 2 jours.
            """)
}

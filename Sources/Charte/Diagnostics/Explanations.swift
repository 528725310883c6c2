// The explanations of every diagnostic code, declared once: a switch over the codes, so
// adding a code without explaining it does not compile.

extension DiagnosticCode {
    /// What the code means, an example charter that triggers it, and the fix (in French).
    public var explanation: Explanation {
        switch self {
        // MARK: - Lexical
        case .E001:
            Explanation(code: self, meaning: """
                Un caractère qui n'a pas de sens dans la langue Charte (« $ », « ; », « @ »…)
                se trouve hors d'une chaîne et d'un commentaire. Une séquence d'échappement
                inconnue dans une chaîne (« \\x ») a le même code.
                """, example: """
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" {
                    responsable cpe $
                  }
                }
                """, fix: """
                Supprimez le caractère, ou mettez le texte entre guillemets s'il fait partie d'un
                libellé. Dans une chaîne, seuls \\", \\\\, \\n et \\t sont permis.
                """)
        case .E002:
            Explanation(code: self, meaning: """
                Une chaîne ouverte par « " » (ou « « ») n'est pas fermée sur la même ligne.
                Les chaînes ne s'étendent jamais sur plusieurs lignes.
                """, example: """
                role cpe "CPE
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" { responsable cpe }
                }
                """, fix: """
                Fermez la chaîne sur la même ligne : role cpe "CPE". Pour un retour à la ligne
                dans un texte, écrivez \\n.
                """)
        case .E003:
            Explanation(code: self, meaning: """
                Une date n'a pas la forme AAAA-MM-JJ, ou n'existe pas dans le calendrier
                (un 31 septembre, un 29 février d'une année non bissextile), ou le calcul d'une
                échéance sort des années 1 à 9999.
                """, example: """
                calendrier "2026-2027" {
                  rentree 2026-09-31
                }
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" { responsable cpe }
                }
                """, fix: """
                Écrivez une date qui existe, avec quatre chiffres pour l'année et deux pour le
                mois et le jour : rentree 2026-09-01.
                """)
        case .E004:
            Explanation(code: self, meaning: """
                Un nombre est trop grand (au-delà de 9223372036854775807), ou des chiffres sont
                collés à des lettres (« 3jours »).
                """, example: """
                role gestionnaire "Gestionnaire"
                objet commande "Commande" { montant: nombre }
                action payer "Payer une commande" sur commande
                etape budget "Budget" {
                  tache paiements "Payer les commandes" {
                    responsable gestionnaire
                    action payer si montant < 99999999999999999999
                  }
                }
                """, fix: """
                Écrivez un nombre plus petit, et séparez toujours le nombre de son unité par une
                espace : « 3 jours ».
                """)
        case .E005:
            Explanation(code: self, meaning: """
                Le fichier n'est pas en UTF-8 : un octet ne forme pas un caractère valide. C'est
                le cas d'un fichier enregistré en Windows-1252 (Latin-1) par un vieil éditeur.
                Le message donne la position de l'octet fautif.
                """, example: """
                role cpe "Conseillère principale d'éducation"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" { responsable cpe }
                }
                """, fix: """
                Enregistrez le fichier en UTF-8 (dans la plupart des éditeurs : « Enregistrer
                sous », puis l'encodage « UTF-8 »). Dans l'exemple, le « è » de « Conseillère »
                est stocké sur l'unique octet E8, comme le fait Windows-1252.
                """)
        case .E010:
            Explanation(code: self, meaning: """
                La syntaxe n'est pas celle qui est attendue à cet endroit : le message dit ce qui
                était attendu et ce qui a été trouvé. Un mot réservé (et, ou, non, dans, vrai,
                faux, tous, si, sur) employé comme nom a le même code.
                """, example: """
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" {
                    responsable cpe
                    echeance
                  }
                }
                """, fix: """
                Complétez ou corrigez la clause selon le message : ici, « echeance » attend une
                date ou un nom du calendrier (echeance 2026-09-15).
                """)
        case .E011:
            Explanation(code: self, meaning: """
                Un bloc ouvert par « { » n'est jamais fermé. Le diagnostic pointe sur l'accolade
                ouvrante et nomme la déclaration qu'elle ouvre.
                """, example: """
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" {
                    responsable cpe
                }
                """, fix: """
                Ajoutez la « } » qui manque. « charte fmt » réindente un fichier correct, ce qui
                rend visible l'accolade qui ferme chaque bloc.
                """)
        case .E012:
            Explanation(code: self, meaning: """
                Une condition est imbriquée trop profondément (plus de 64 niveaux de parenthèses
                ou de « non »). C'est une limite de sûreté : Charte refuse plutôt que de risquer
                un débordement de pile.
                """, example: """
                role cpe "CPE"
                objet incident "Incident" { gravite: faible | forte }
                action traiter "Traiter un incident" sur incident
                etape suivi "Suivi" {
                  tache incidents "Traiter les incidents" {
                    responsable cpe
                    action traiter si \(String(repeating: "(", count: 65))gravite == forte\(String(repeating: ")", count: 65))
                  }
                }
                """, fix: """
                Simplifiez la condition : les parenthèses en trop ne changent rien, et
                « charte fmt » ne garde que celles qui comptent.
                """)
        case .E013:
            Explanation(code: self, meaning: """
                Une limite de sûreté est dépassée : le fichier est trop grand (16 Mio par
                défaut). Charte refuse de le lire plutôt que d'épuiser la mémoire.
                """, example: """
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" { responsable cpe }
                }
                """, fix: """
                Vérifiez qu'il s'agit bien d'une charte (et non d'un export ou d'un journal), ou
                découpez-la. Une charte d'établissement tient en quelques dizaines de Kio.
                """, fileSizeLimit: 64)

        // MARK: - Names
        case .E100:
            Explanation(code: self, meaning: """
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
        case .E101:
            Explanation(code: self, meaning: """
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
        case .E102:
            Explanation(code: self, meaning: """
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
        case .E103:
            Explanation(code: self, meaning: """
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
        case .E104:
            Explanation(code: self, meaning: """
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
        case .E105:
            Explanation(code: self, meaning: """
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
        case .E106:
            Explanation(code: self, meaning: """
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
        case .E107:
            Explanation(code: self, meaning: """
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

        // MARK: - Types
        case .E200:
            Explanation(code: self, meaning: """
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
        case .E202:
            Explanation(code: self, meaning: """
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

        // MARK: - Roles and steps
        case .E300:
            Explanation(code: self, meaning: """
                Une tâche n'a pas de responsable. Toute tâche a au moins un « responsable » (le
                R de RACI) : c'est lui qui la fait.
                """, example: """
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" {
                    informe cpe
                  }
                }
                """, fix: """
                Ajoutez une clause « responsable ACTEUR ».
                """)
        case .W301:
            Explanation(code: self, meaning: """
                Une tâche a plus d'un approbateur. Le A de RACI est unique : quand deux acteurs
                doivent valider, l'un des deux décide en pratique.
                """, example: """
                role principal "Principal"
                role adjoint "Principal adjoint"
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache sanctions "Proposer les sanctions" {
                    responsable cpe
                    approbateur principal, adjoint
                  }
                }
                """, fix: """
                Gardez un seul approbateur ; les autres peuvent être « consulte » ou « informe ».
                """)
        case .W302:
            Explanation(code: self, meaning: """
                Un acteur est déclaré mais n'apparaît dans aucune tâche, aucune instance et
                aucune permission (un emploi dans un test ne compte pas).
                """, example: """
                role cpe "CPE"
                role infirmiere "Infirmière"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" { responsable cpe }
                }
                """, fix: """
                Donnez-lui un rôle dans une tâche, ou supprimez sa déclaration.
                """)
        case .W303:
            Explanation(code: self, meaning: """
                Une étape ne contient aucune tâche : elle ne dit donc pas qui fait quoi.
                """, example: """
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" { responsable cpe }
                }
                etape bilan "Bilan de l'année" {
                }
                """, fix: """
                Ajoutez au moins une tâche à l'étape, ou supprimez-la.
                """)
        case .W304:
            Explanation(code: self, meaning: """
                Le même acteur tient deux lettres dans une même tâche (par exemple responsable
                et informé) : la plus faible n'apporte rien.
                """, example: """
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" {
                    responsable cpe
                    informe cpe
                  }
                }
                """, fix: """
                Gardez la lettre la plus forte (R, puis A, S, C, I) et retirez l'autre.
                """)
        case .E305:
            Explanation(code: self, meaning: """
                Les « apres » forment un cycle : une tâche (ou une étape) attend, de proche en
                proche, qu'elle-même soit faite. Le message montre le cycle.
                """, example: """
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" {
                    responsable cpe
                    apres relance
                  }
                  tache relance "Relancer les familles" {
                    responsable cpe
                    apres appel
                  }
                }
                """, fix: """
                Retirez l'un des « apres » du cycle.
                """)

        // MARK: - Deadlines
        case .E400:
            Explanation(code: self, meaning: """
                L'échéance d'une tâche tombe avant celle d'une tâche qu'elle attend (« apres ») :
                elle ne peut pas être tenue.
                """, example: """
                calendrier "2026-2027" {
                  rentree 2026-09-01
                  fin_annee 2027-07-03
                }
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" {
                    responsable cpe
                    echeance rentree + 2 semaines
                  }
                  tache relance "Relancer les familles" {
                    responsable cpe
                    apres appel
                    echeance rentree + 1 semaine
                  }
                }
                """, fix: """
                Reculez l'échéance de la tâche, avancez celle de son prérequis, ou retirez le
                « apres » s'il n'a pas lieu d'être.
                """)
        case .W401:
            Explanation(code: self, meaning: """
                Une échéance tombe hors de la période que couvre le calendrier (de sa première à
                sa dernière date) : c'est souvent une faute d'année.
                """, example: """
                calendrier "2026-2027" {
                  rentree 2026-09-01
                  fin_annee 2027-07-03
                }
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache bilan "Faire le bilan" {
                    responsable cpe
                    echeance 2027-08-30
                  }
                }
                """, fix: """
                Corrigez la date, ou étendez le calendrier s'il doit la couvrir.
                """)
        case .W402:
            Explanation(code: self, meaning: """
                Une échéance tombe pendant une période du calendrier (des vacances) : personne
                ne sera là pour la tenir.
                """, example: """
                calendrier "2026-2027" {
                  rentree 2026-09-01
                  noel 2026-12-19 .. 2027-01-03
                  fin_annee 2027-07-03
                }
                role cpe "CPE"
                etape suivi "Suivi" {
                  tache bilan "Faire le bilan du trimestre" {
                    responsable cpe
                    echeance 2026-12-24
                  }
                }
                """, fix: """
                Choisissez une date hors vacances, par exemple la veille de la période.
                """)

        // MARK: - Permissions and coverage
        case .E500:
            Explanation(code: self, meaning: """
                Un « interdit » refuse à un responsable (ou à une aide) d'une tâche son action
                sur tous les objets que la tâche couvre : la tâche ne peut plus être faite par
                cet acteur.
                """, example: """
                role cpe "CPE"
                objet incident "Incident" { gravite: faible | forte }
                action traiter "Traiter un incident" sur incident
                etape suivi "Suivi" {
                  tache incidents "Traiter les incidents" {
                    responsable cpe
                    action traiter
                  }
                }
                interdit cpe traiter
                """, fix: """
                Restreignez l'interdiction par « si », ou confiez la tâche à un autre acteur.
                """)
        case .W501:
            Explanation(code: self, meaning: """
                Une action que des tâches effectuent n'a de responsable que pour une partie de
                ses objets : le message nomme les objets laissés sans personne. Le calcul est
                exact sur les attributs énumérés et booléens.
                """, example: """
                role cpe "CPE"
                objet incident "Incident" { gravite: faible | forte }
                action traiter "Traiter un incident" sur incident
                etape suivi "Suivi" {
                  tache incidents "Traiter les petits incidents" {
                    responsable cpe
                    action traiter si gravite == faible
                  }
                }
                """, fix: """
                Ajoutez une tâche pour les objets nommés, ou élargissez une condition.
                """)
        case .W502:
            Explanation(code: self, meaning: """
                Deux tâches aux responsables différents couvrent les mêmes objets d'une action :
                pour ces objets, on ne sait pas qui le fait.
                """, example: """
                role cpe "CPE"
                role principal "Principal"
                objet incident "Incident" { gravite: faible | forte }
                action traiter "Traiter un incident" sur incident
                etape suivi "Suivi" {
                  tache incidents "Traiter les incidents" {
                    responsable cpe
                    action traiter
                  }
                  tache graves "Traiter les incidents graves" {
                    responsable principal
                    action traiter si gravite == forte
                  }
                }
                """, fix: """
                Rendez les conditions exclusives (ici : si gravite == faible dans la première
                tâche), ou donnez aux deux tâches les mêmes responsables.
                """)
        case .W503:
            Explanation(code: self, meaning: """
                Un « interdit » retire à un responsable (ou à une aide) d'une tâche son action
                sur une partie des objets de la tâche : c'est une exception taillée dans la
                tâche, peut-être voulue, qui mérite un regard.
                """, example: """
                role cpe "CPE"
                role principal "Principal"
                objet incident "Incident" { gravite: faible | forte }
                action traiter "Traiter un incident" sur incident
                etape suivi "Suivi" {
                  tache incidents "Traiter les incidents" {
                    responsable cpe
                    aide principal
                    action traiter
                  }
                }
                interdit principal traiter si gravite == faible
                """, fix: """
                Si l'exception est voulue, écrivez-la dans la tâche elle-même (une condition sur
                « action »), ou scindez la tâche ; sinon retirez l'interdiction.
                """)

        // MARK: - Robustness
        case .W600:
            Explanation(code: self, meaning: """
                Un identifiant mêle des lettres latines et des lettres grecques ou cyrilliques
                qui leur ressemblent : deux noms identiques à l'œil seraient alors différents.
                Dans l'exemple, le « е » et le « с » de « direction » sont cyrilliques.
                """, example: """
                role dir\u{0435}\u{0441}tion "Direction"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" { responsable dir\u{0435}\u{0441}tion }
                }
                """, fix: """
                Retapez le nom au clavier, en lettres latines.
                """)
        case .W601:
            Explanation(code: self, meaning: """
                Une chaîne contient un caractère invisible de contrôle bidirectionnel (U+202E…),
                qui peut changer l'ordre dans lequel le texte s'affiche et tromper le lecteur.
                Dans l'exemple, un U+202E se cache dans le libellé du rôle.
                """, example: """
                role cpe "CPE\u{202E} principal"
                etape suivi "Suivi" {
                  tache appel "Faire l'appel" { responsable cpe }
                }
                """, fix: """
                Retirez le caractère invisible (retapez le libellé).
                """)
        }
    }
}

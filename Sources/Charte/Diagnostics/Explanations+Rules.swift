// Explanations of the codes about roles, steps, deadlines, permissions and coverage.

extension ExplanationCatalogue {
    // MARK: - Roles and steps

    /// E300 explained.
    static let e300 = Explanation(code: .E300, meaning: """
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

    /// W301 explained.
    static let w301 = Explanation(code: .W301, meaning: """
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

    /// W302 explained.
    static let w302 = Explanation(code: .W302, meaning: """
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

    /// W303 explained.
    static let w303 = Explanation(code: .W303, meaning: """
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

    /// W304 explained.
    static let w304 = Explanation(code: .W304, meaning: """
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

    /// E305 explained.
    static let e305 = Explanation(code: .E305, meaning: """
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

    /// E400 explained.
    static let e400 = Explanation(code: .E400, meaning: """
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

    /// W401 explained.
    static let w401 = Explanation(code: .W401, meaning: """
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

    /// W402 explained.
    static let w402 = Explanation(code: .W402, meaning: """
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

    /// W403 explained.
    static let w403 = Explanation(code: .W403, meaning: """
            Une échéance tombe un samedi, un dimanche ou un jour férié (jour de l'an, lundi de
            Pâques, 1er et 8 mai, Ascension, lundi de Pentecôte, 14 juillet, 15 août,
            1er et 11 novembre, 25 décembre) : l'établissement est fermé ce jour-là. Le
            message donne le jour ouvré le plus proche. Une échéance pendant des vacances du
            calendrier est signalée par W402, pas par W403.
            """, example: """
            calendrier "2026-2027" {
              rentree 2026-09-01
              fin_annee 2027-07-03
            }
            role cpe "CPE"
            etape suivi "Suivi" {
              tache bilan "Faire le bilan de la rentrée" {
                responsable cpe
                echeance 2026-09-19
              }
            }
            """, fix: """
            Avancez l'échéance au jour ouvré proposé, ou comptez en jours ouvrés
            (« rentree + 13 jours ouvres »), qui sautent les week-ends et les jours fériés.
            """)

    // MARK: - Permissions and coverage

    /// E500 explained.
    static let e500 = Explanation(code: .E500, meaning: """
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

    /// W501 explained.
    static let w501 = Explanation(code: .W501, meaning: """
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

    /// W502 explained.
    static let w502 = Explanation(code: .W502, meaning: """
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

    /// W503 explained.
    static let w503 = Explanation(code: .W503, meaning: """
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
}

// The explanations of the `seuils` diagnostics.

extension ExplanationCatalogue {
    /// E330 explained.
    static let e330 = Explanation(code: .E330, meaning: """
            Une ligne de « seuils » nomme un seuil que charte ne connaît pas. Les seuils
            possibles sont consultes_max (le nombre de consultés au-delà duquel une tâche est
            signalée) et taches_par_mois_max (le nombre de tâches dans un mois au-delà duquel
            un acteur est signalé comme surchargé).
            """, example: """
            role direction "Direction"
            etape bilan "Bilan" {
              tache rapport "Écrire le rapport" { responsable direction }
            }
            seuils { consultés_maxi 4 }
            """, fix: """
            Écrivez consultes_max ou taches_par_mois_max (accents et majuscules au choix).
            """)

    /// E331 explained.
    static let e331 = Explanation(code: .E331, meaning: """
            Un seuil est un nombre entier de 1 à 999 : charte analyser signale une tâche ou
            un mois qui le dépasse. Zéro ferait tout signaler ; au-delà de 999, plus rien ne
            le serait.
            """, example: """
            role direction "Direction"
            etape bilan "Bilan" {
              tache rapport "Écrire le rapport" { responsable direction }
            }
            seuils { taches_par_mois_max 0 }
            """, fix: """
            Donnez un nombre de 1 à 999, ou retirez la ligne pour garder la valeur par défaut.
            """)

    /// E332 explained.
    static let e332 = Explanation(code: .E332, meaning: """
            Le même seuil est donné deux fois (dans un bloc « seuils » ou dans deux) : on ne
            sait pas laquelle des deux valeurs vaut.
            """, example: """
            role direction "Direction"
            etape bilan "Bilan" {
              tache rapport "Écrire le rapport" { responsable direction }
            }
            seuils { consultes_max 4 }
            seuils { consultes_max 5 }
            """, fix: """
            Gardez une seule ligne pour ce seuil.
            """)
}

// Explanations of the codes that keep what is shown equal to what is read (W602, W603).

extension ExplanationCatalogue {
    /// W602 explained.
    static let w602 = Explanation(code: .W602, meaning: """
            Une chaîne ou un commentaire contient un caractère de contrôle invisible (échappement
            U+001B, caractère nul, effacement…). Sur un terminal, un tel caractère peut déplacer
            le curseur, effacer une ligne ou en écrire une autre : ce que l'on voit ne serait plus
            ce que Charte lit. Charte le garde dans le texte mais l'affiche partout sous la forme
            \\u{1B}. La tabulation et les fins de ligne ne sont pas concernées.
            Dans l'exemple, un U+001B se cache dans le libellé du rôle.
            """, example: """
            role cpe "CPE\u{1B}[2K principal"
            etape suivi "Suivi" {
              tache appel "Faire l'appel" { responsable cpe }
            }
            """, fix: """
            Retirez le caractère invisible (retapez le libellé ou le commentaire).
            """)

    /// W603 explained.
    static let w603 = Explanation(code: .W603, meaning: """
            Un identifiant écrit en lettres cyrilliques ou grecques (ou en mêlant les écritures)
            se lit exactement comme un autre identifiant déclaré en lettres latines : deux noms
            identiques à l'œil désigneraient deux choses différentes.
            Dans l'exemple, le second « cpe » est écrit avec un « с », un « р » et un « е »
            cyrilliques.
            """, example: """
            role cpe "CPE"
            role \u{0441}\u{0440}\u{0435} "Faux CPE"
            etape suivi "Suivi" {
              tache appel "Faire l'appel" { responsable cpe aide \u{0441}\u{0440}\u{0435} }
            }
            """, fix: """
            Retapez le nom au clavier en lettres latines, ou choisissez un nom bien distinct.
            """)
}

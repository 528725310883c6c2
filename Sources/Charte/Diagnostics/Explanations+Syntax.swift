// Explanations of the lexical, syntax and robustness codes (E001–E013, W600, W601).

extension ExplanationCatalogue {
    // MARK: - Lexical

    /// E001 explained.
    static let e001 = Explanation(code: .E001, meaning: """
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

    /// E002 explained.
    static let e002 = Explanation(code: .E002, meaning: """
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

    /// E003 explained.
    static let e003 = Explanation(code: .E003, meaning: """
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

    /// E004 explained.
    static let e004 = Explanation(code: .E004, meaning: """
            Un nombre est trop grand (au-delà de 9223372036854775807), des chiffres sont
            collés à des lettres (« 3jours »), ou un montant en euros est plus précis que le
            centime (« 1 800,505 € »).
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

    /// E006 explained.
    static let e006 = Explanation(code: .E006, meaning: """
            Un nombre contient un point entre deux chiffres (« 4.000,00 », « 1.5 ») : on ne
            peut pas savoir si le point sépare les milliers, comme en allemand, ou les
            décimales, comme en anglais. Charte lit les nombres à la française.
            """, example: """
            role proviseur "Proviseur"
            objet commande "Bon de commande" { montant: euros }
            action signer "Signer un bon de commande" sur commande
            etape achats "Achats" {
              tache signatures "Signer les grosses commandes" {
                responsable proviseur
                action signer si montant > 4.000,00
              }
            }
            """, fix: """
            Écrivez les milliers avec une espace (ou une espace insécable) et les décimales
            avec une virgule : « montant > 4 000 », « 1 800,50 € ». Dans un journal, « 1800.50 »
            et « 1800,5 » sont acceptés, mais pas « 4.000,00 » ni « 4.000 ».
            """)

    /// E005 explained.
    static let e005 = Explanation(code: .E005, meaning: """
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

    /// E010 explained.
    static let e010 = Explanation(code: .E010, meaning: """
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

    /// E011 explained.
    static let e011 = Explanation(code: .E011, meaning: """
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

    /// E012 explained.
    static let e012 = Explanation(code: .E012, meaning: """
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

    /// E013 explained.
    static let e013 = Explanation(code: .E013, meaning: """
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

    // MARK: - Robustness

    /// W600 explained.
    static let w600 = Explanation(code: .W600, meaning: """
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

    /// W601 explained.
    static let w601 = Explanation(code: .W601, meaning: """
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

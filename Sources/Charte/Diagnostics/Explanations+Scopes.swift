// Explanations of the codes about action scopes (`action … sur T si …`), object keys
// (`objet T cle k`) and approvals before an action (`exige … avant …`).

extension ExplanationCatalogue {
    /// A lycée whose DDFPT sends the quotes for professional software only.
    private static let scopeBase = """
        role ddfpt "Directeur délégué aux formations"
        role documentaliste "Professeur-documentaliste"
        objet ressource "Ressource" { categorie: manuel | logiciel }

        """

    /// Purchase orders identified by their number, signed by the proviseur.
    private static let orderBase = """
        role proviseur "Proviseur"
        role gestionnaire "Gestionnaire"

        """

    /// The tasks that use the order actions, so that no other code shows.
    private static let orderTasks = """

        etape achats "Achats" {
          tache signature "Signer les bons" { responsable proviseur  action signer }
          tache commandes "Passer les commandes" { responsable gestionnaire  action commander }
        }
        """

    /// E110 explained.
    static let e110 = Explanation(code: .E110, meaning: """
            Une action dit quels objets elle concerne (« si … ») sans dire de quel type sont
            ces objets (« sur … ») : la condition ne peut rien lire.
            """, example: scopeBase + """
            action transmettre_devis "Transmettre un devis" si categorie == logiciel
            etape achats "Achats" {
              tache devis "Transmettre les devis" { responsable ddfpt  action transmettre_devis }
            }
            autorise documentaliste transmettre_devis
            """, fix: """
            Écrivez le type d'objet avant la condition :
            action transmettre_devis "Transmettre un devis" sur ressource si categorie == logiciel
            """)

    /// W504 explained.
    static let w504 = Explanation(code: .W504, meaning: """
            L'action ne concerne que certains objets (sa portée, « si … » après « sur »), et la
            condition d'une tâche ou d'une règle ne tombe jamais dans cette portée : elle ne
            sert à rien, et c'est souvent une faute de frappe ou un oubli.
            """, example: scopeBase + """
            action transmettre_devis "Transmettre un devis" sur ressource si categorie == logiciel
            etape achats "Achats" {
              tache devis "Transmettre les devis" { responsable ddfpt  action transmettre_devis }
            }
            autorise documentaliste transmettre_devis si categorie == manuel
            """, fix: """
            Corrigez la condition (ici « categorie == logiciel »), ou élargissez la portée de
            l'action si elle concerne aussi ces objets.
            """)

    /// W505 explained.
    static let w505 = Explanation(code: .W505, meaning: """
            La portée d'une action (« si … » après « sur ») ne contient aucun objet : l'action
            est refusée à tout le monde, sur tout objet.
            """, example: scopeBase + """
            action transmettre_devis "Transmettre un devis" sur ressource si categorie == logiciel et categorie == manuel
            etape achats "Achats" {
              tache devis "Transmettre les devis" { responsable ddfpt  action transmettre_devis }
            }
            autorise documentaliste transmettre_devis
            """, fix: """
            Corrigez la condition de la portée ; « ou » plutôt que « et » entre deux valeurs
            du même attribut.
            """)

    /// E205 explained.
    static let e205 = Explanation(code: .E205, meaning: """
            La clé d'un type d'objet (« cle … ») doit être l'un de ses attributs : c'est elle
            qui dit quelles lignes du journal parlent du même objet réel.
            """, example: orderBase + """
            objet commande "Bon de commande" cle numro { numero: texte, montant: euros }
            action commander "Passer une commande" sur commande
            etape achats "Achats" {
              tache commandes "Passer les commandes" { responsable gestionnaire  action commander }
            }
            autorise proviseur commander
            """, fix: """
            Nommez un attribut déclaré : objet commande "Bon de commande" cle numero { … }
            """)

    /// E206 explained.
    static let e206 = Explanation(code: .E206, meaning: """
            « exige A avant B » demande qu'une action A ait été faite sur le même objet avant
            B : les deux actions doivent porter sur le même type d'objet.
            """, example: orderBase + """
            objet commande "Bon de commande" cle numero { numero: texte, montant: euros }
            objet devis "Devis" cle numero { numero: texte }
            action signer "Signer un devis" sur devis
            action commander "Passer une commande" sur commande
            exige signer par proviseur avant commander
            """ + orderTasks, fix: """
            Faites porter les deux actions sur le même type (ici « signer » sur commande).
            """)

    /// E207 explained.
    static let e207 = Explanation(code: .E207, meaning: """
            « exige A avant B » se vérifie dans le journal, objet par objet : il faut savoir
            quelles lignes parlent du même objet. Le type d'objet n'a pas de clé (« cle … »).
            """, example: orderBase + """
            objet commande "Bon de commande" { numero: texte, montant: euros }
            action signer "Signer un bon de commande" sur commande
            action commander "Passer une commande" sur commande
            exige signer par proviseur avant commander si montant > 4 000 €
            """ + orderTasks, fix: """
            Déclarez la clé : objet commande "Bon de commande" cle numero { … }
            """)

    /// E208 explained.
    static let e208 = Explanation(code: .E208, meaning: """
            « exige A avant B » sans « par » demande l'action A à l'approbateur (la lettre A)
            des tâches qui font B ; aucune de ces tâches n'a d'approbateur.
            """, example: orderBase + """
            objet commande "Bon de commande" cle numero { numero: texte, montant: euros }
            action signer "Signer un bon de commande" sur commande
            action commander "Passer une commande" sur commande
            exige signer avant commander si montant > 4 000 €
            """ + orderTasks, fix: """
            Nommez l'acteur (« exige signer par proviseur avant commander … »), ou donnez un
            approbateur à la tâche qui commande (« approbateur proviseur »).
            """)
}

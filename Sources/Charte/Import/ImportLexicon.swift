/// The French words the importer recognises in a cell: councils, verbs that are actions,
/// months, numbers, school dates and the small words around them. All folded (no accents,
/// lower case), as `CellWords` gives them.
enum ImportLexicon {
    // MARK: - Small words

    /// Articles, prepositions and pronouns left out of identifiers and role matching.
    static let stopWords: Set<String> = [
        "a", "au", "aux", "d", "dans", "de", "des", "du", "en", "et", "l", "la", "le", "les",
        "ou", "par", "pour", "sur", "un", "une", "son", "sa", "ses", "leur", "leurs", "il", "elle",
        "ils", "elles", "est", "sont", "qui", "que", "se", "s", "y",
    ]

    /// Words that cannot come right before a verb used as a verb (`la commande`, `est validé`).
    static let notBeforeVerb: Set<String> = [
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "sa", "son", "ses", "leur",
        "leurs", "chaque", "cette", "ce", "ces", "en", "a", "au", "aux", "pour", "par", "sur",
        "est", "sont", "etre", "ete", "sera", "seront", "notre", "votre", "nos", "vos", "toute", "tout",
    ]

    /// Pronouns that open a cell instead of the role's name (`Il signale…`).
    static let subjectPronouns: Set<String> = ["il", "elle", "ils", "elles"]

    /// Articles that may open the role's name at the start of a cell (`Le gestionnaire…`).
    static let articles: Set<String> = ["le", "la", "les", "l", "leur", "leurs", "un", "une"]

    /// Words that end a shortened label badly (`… et/ou`): dropped before the ellipsis.
    static let danglingWords: Set<String> = [
        "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par",
        "pour", "sur", "un", "une", "avec", "dans", "qui", "que",
    ]

    /// Words that, after a comma, open a new clause of a sentence (the label stops there).
    static let clauseOpeners: Set<String> = [
        "pour", "en", "et", "qui", "ainsi", "afin", "dans", "avec", "lorsqu", "lorsque", "si", "car", "mais",
        "puis", "notamment", "via", "selon", "dont", "ou", "au", "sous", "avant", "apres", "des", "sauf",
    ]

    // MARK: - Councils

    /// What may follow `conseil` to name a council, and the words of its identifier.
    static let councilQualifiers: [(words: [String], id: [String])] = [
        (["pedagogique"], ["pedagogique"]),
        (["numerique"], ["numerique"]),
        (["d", "enseignement"], ["enseignement"]),
        (["d", "administration"], ["administration"]),
        (["de", "classe"], ["classe"]),
        (["de", "classes"], ["classe"]),
        (["ecole", "college"], ["ecole", "college"]),
        (["des", "maitres"], ["maitres"]),
        (["de", "cycle"], ["cycle"]),
        (["de", "perfectionnement"], ["perfectionnement"]),
        (["de", "la", "vie", "lyceenne"], ["vie", "lyceenne"]),
        (["de", "la", "vie", "collegienne"], ["vie", "collegienne"]),
        (["de", "discipline"], ["discipline"]),
        (["des", "delegues"], ["delegues"]),
        (["d", "ecole"], ["ecole"]),
    ]

    /// Words that open a council's name.
    static let councilHeads: Set<String> = ["conseil", "conseils"]

    /// Word beginnings saying that a council validates (`validé`, `approuvée`, `voté`, `adopté`).
    static let validationStems = ["valid", "approuv", "vote", "adopt"]

    // MARK: - Actions

    /// A verb that names something a permission may allow or forbid.
    struct Verb {
        /// The infinitive, the start of the action's identifier.
        let infinitive: String
        /// The action's label, before its object (`Attribuer`).
        let label: String
        /// The folded forms written in cells (present tense and infinitive).
        let forms: Set<String>
        /// Whether the action needs an object noun (`attribuer_licence`); when false, the
        /// label is complete and the identifier is the infinitive alone.
        let takesObject: Bool
    }

    static let verbs: [Verb] = [
        Verb(infinitive: "attribuer", label: "Attribuer", forms: ["attribue", "attribuent", "attribuer"], takesObject: true),
        Verb(infinitive: "affecter", label: "Affecter", forms: ["affecte", "affectent", "affecter"], takesObject: true),
        Verb(infinitive: "commander", label: "Passer les commandes", forms: ["commande", "commandent", "commander"],
             takesObject: false),
        Verb(infinitive: "acheter", label: "Acheter", forms: ["achete", "achetent", "acheter"], takesObject: true),
        Verb(infinitive: "renouveler", label: "Renouveler", forms: ["renouvelle", "renouvellent", "renouveler"], takesObject: true),
        Verb(infinitive: "resilier", label: "Résilier", forms: ["resilie", "resilient", "resilier"], takesObject: true),
        Verb(infinitive: "creer", label: "Créer", forms: ["cree", "creent", "creer"], takesObject: true),
        Verb(infinitive: "ouvrir", label: "Ouvrir", forms: ["ouvre", "ouvrent", "ouvrir"], takesObject: true),
        Verb(infinitive: "supprimer", label: "Supprimer", forms: ["supprime", "suppriment", "supprimer"], takesObject: true),
        Verb(infinitive: "desactiver", label: "Désactiver", forms: ["desactive", "desactivent", "desactiver"], takesObject: true),
        Verb(infinitive: "valider", label: "Valider", forms: ["valide", "valident", "valider"], takesObject: true),
        Verb(infinitive: "signer", label: "Signer", forms: ["signe", "signent", "signer"], takesObject: true),
        Verb(infinitive: "payer", label: "Payer", forms: ["paie", "paye", "paient", "payent", "payer"], takesObject: true),
        Verb(infinitive: "engager", label: "Engager", forms: ["engage", "engagent", "engager"], takesObject: true),
        Verb(infinitive: "installer", label: "Installer", forms: ["installe", "installent", "installer"], takesObject: true),
        Verb(infinitive: "remplir", label: "Remplir", forms: ["remplit", "remplissent", "remplir"], takesObject: true),
    ]

    /// Verbs that, followed closely by `commande(s)`, mean "to order" (`effectue les commandes`).
    static let orderingVerbs: Set<String> = ["effectue", "effectuent", "effectuer", "passe", "passent", "passer"]

    /// Object nouns (singular, folded), with how an action's label names them.
    static let objects: [String: String] = [
        "licence": "des licences", "abonnement": "des abonnements", "compte": "des comptes",
        "manuel": "des manuels", "ressource": "des ressources", "enquete": "l'enquête",
        "facture": "les factures", "depense": "les dépenses", "logiciel": "des logiciels",
        "application": "des applications", "acces": "des accès", "commande": "les commandes",
    ]

    /// How many words after the verb its object may come (`attribue et gère le suivi des licences`).
    static let objectReach = 8

    /// The word that names the GAR, where licences are attributed.
    static let gar = "gar"

    // MARK: - Dates and delays

    /// The months, folded, in order.
    static let months = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
                         "octobre", "novembre", "decembre"]

    /// Phrases that open a deadline (`avant`, `d'ici`, `au plus tard`…).
    static let deadlineOpeners: [[String]] = [
        ["au", "plus", "tard"], ["d", "ici"], ["jusqu", "au"], ["avant"], ["pour"],
    ]

    /// School dates a deadline may name, with the expression written in the charter (the
    /// names of the official calendar, `zone B`): a period's name is its first day, a
    /// Saturday, so "before the holidays" is the day before.
    static let schoolDates: [(words: [String], expression: String, label: String)] = [
        (["la", "prerentree"], "prerentree", "la prérentrée"),
        (["la", "rentree"], "rentree", "la rentrée"),
        (["les", "vacances", "de", "la", "toussaint"], "toussaint - 1 jour", "les vacances de la Toussaint"),
        (["la", "toussaint"], "toussaint - 1 jour", "la Toussaint"),
        (["les", "vacances", "de", "noel"], "noel - 1 jour", "les vacances de Noël"),
        (["noel"], "noel - 1 jour", "Noël"),
        (["les", "vacances", "d", "hiver"], "hiver - 1 jour", "les vacances d'hiver"),
        (["les", "vacances", "de", "printemps"], "printemps - 1 jour", "les vacances de printemps"),
        (["la", "fin", "de", "l", "annee", "scolaire"], "fin_annee - 1 jour", "la fin de l'année scolaire"),
        (["la", "fin", "de", "l", "annee"], "fin_annee - 1 jour", "la fin de l'année"),
        (["la", "fin", "des", "cours"], "fin_annee - 1 jour", "la fin des cours"),
    ]

    /// The school year the proposed calendar covers (the one whose official calendar is built in).
    static let schoolYear = (first: 2026, label: "2026-2027")
    /// The zone written in the proposed calendar, to be changed to the school's academy's.
    static let zone = "B"

    /// Numbers written in words, up to what a delay uses.
    static let numberWords: [String: Int] = [
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
    ]

    /// Units of a delay, with the charter's unit.
    static let delayUnits: [String: String] = [
        "jour": "jours", "jours": "jours", "semaine": "semaines", "semaines": "semaines", "mois": "mois",
    ]

    /// Words for "working" after `jours`.
    static let workingWords: Set<String> = ["ouvres", "ouvre"]

    /// Words right before a delay's number that make it a delay (`dans les trois jours`, `sous 5 jours`).
    static let delayOpeners: Set<String> = ["dans", "sous", "de", "les"]

    /// Fixed delay phrases.
    static let delayPhrases: [(words: [String], amount: Int, unit: String)] = [
        (["sous", "huitaine"], 8, "jours"), (["sous", "quinzaine"], 15, "jours"),
        (["dans", "la", "semaine"], 1, "semaine"), (["dans", "le", "mois"], 1, "mois"),
        (["sous", "48", "h"], 2, "jours"), (["sous", "48", "heures"], 2, "jours"),
        (["dans", "les", "48", "heures"], 2, "jours"), (["dans", "les", "24", "heures"], 1, "jours"),
        (["sous", "24", "h"], 1, "jours"), (["sous", "24", "heures"], 1, "jours"),
    ]

    /// Words that open what sets a delay running (`suivant l'arrivée d'un élève`).
    static let triggerOpeners: [[String]] = [
        ["qui", "suivent"], ["a", "compter", "de"], ["a", "partir", "de"], ["a", "reception", "de"],
        ["suivant"], ["apres"], ["des"], ["lors", "de"], ["a", "chaque"], ["en", "cas", "de"], ["tout"], ["toute"],
        ["chaque"],
    ]

    /// What may follow `dès` for it to mean "as soon as" rather than be the article `des`.
    static let afterDes: Set<String> = ["reception", "l", "la", "le", "son", "sa", "leur", "que", "qu"]

    /// The most words taken from a trigger's phrase.
    static let triggerLength = 5

    // MARK: - Roles

    /// Other ways of naming a role, by a word of its name: a column named `Équipe de direction`
    /// is also `la Direction`, `le chef d'établissement`.
    static let roleAliases: [String: [[String]]] = [
        "direction": [["direction"], ["chef", "etablissement"], ["proviseur"], ["proviseure"], ["principal"],
                      ["principale"]],
        "documentaliste": [["documentaliste"]],
        "gestionnaire": [["gestionnaire"]],
        "ddfpt": [["ddfpt"], ["directeur", "delegue", "formations"], ["directrice", "deleguee", "formations"]],
        "cpe": [["cpe"]],
    ]

    /// Words before a role's name saying it helps (`en collaboration avec le référent`).
    static let helpWords: Set<String> = ["avec", "collaboration"]
    /// Words before a role's name saying it is told (`signale au gestionnaire`).
    static let toldWords: Set<String> = ["a", "au", "aux"]
    /// Words before a role's name saying it is asked (`auprès du gestionnaire`).
    static let askedWords: Set<String> = ["aupres"]
    /// Words that make the relation unclear (`apporte son aide au gestionnaire`: the column's
    /// role helps, not the other).
    static let unclearWords: Set<String> = ["aide", "sollicitent", "sollicite"]
    /// How many words before a role's name are read for its relation.
    static let relationReach = 4
}

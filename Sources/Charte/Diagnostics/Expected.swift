// What the parser expected and what it found (E010, E011), as typed values: the parser
// names a construct or a token, the catalogue writes its French words.

/// What the parser expected where it stopped (E010).
public indirect enum Expected: Sendable, Hashable {
    /// A token written as is: a keyword (`tache`) or a symbol (`}`), shown « tache ».
    case spelled(String)
    /// One of several, in order: "a, b ou c".
    case oneOf([Expected])

    // MARK: Token classes
    case name, string, number, date, endOfFile

    // MARK: Names, by what they name
    case actor, action, task, step, event, instance, letter, objectType, value, attribute
    case deputisedActor, deputyActor
    /// `incompatibles` before its second name.
    case twoIncompatibles
    /// A name after a keyword (`sauf`, `par`).
    case actorAfter(String)
    case personName, declarationName, calendarName, calendarEntryName, isoDate, quotedText
    case metadataKey, zone, modelRole, keyAttribute, attributeName, attributeType
    /// A threshold's name, among the given keyword spellings.
    case threshold([String])
    /// `exige`'s first action, and the one after `avant`.
    case priorAction, laterAction

    // MARK: Strings of models
    case modelLabel, modelPath, modelVersion, modelTask, modelStep, testLabel, removalReason

    // MARK: Constructs
    case declaration, taskClause, assertion, durationUnit, valueLiteral
    /// `=` written where `==` compares.
    case equality
    /// After `modifie`, inside a `modifie tache`, after `retire`; what `modifie etape` may hold.
    case modifiable, removableClause, removable, ruleOrTaskInStep

    // MARK: Queries
    case query, endOfQuery, queryDate
    /// A typed query call whose arguments made up another kind of query.
    case actorActionAndObject

    /// The French words.
    public var french: String {
        switch self {
        case .spelled(let text): "« \(text) »"
        case .oneOf(let items):
            items.count < 2 ? items.map(\.french).joined()
                : items.dropLast().map(\.french).joined(separator: ", ") + " ou " + (items.last?.french ?? "")
        case .name: "un nom"
        case .string: "une chaîne"
        case .number: "un nombre"
        case .date: "une date"
        case .endOfFile: "la fin du fichier"
        case .actor: "un acteur"
        case .action: "une action"
        case .task: "une tâche"
        case .step: "une étape"
        case .event: "un événement"
        case .instance: "une instance"
        case .letter: "une lettre"
        case .objectType: "un type d'objet"
        case .value: "une valeur"
        case .attribute: "un attribut"
        case .deputisedActor: "l'acteur suppléé"
        case .deputyActor: "l'acteur suppléant"
        case .twoIncompatibles: "deux acteurs, deux actions ou deux lettres"
        case .actorAfter(let keyword): "un acteur après « \(keyword) »"
        case .personName: "le nom d'une personne"
        case .declarationName: "le nom d'une déclaration"
        case .calendarName: "un nom du calendrier"
        case .calendarEntryName: "un nom de date"
        case .isoDate: "une date (AAAA-MM-JJ)"
        case .quotedText: "un texte entre guillemets"
        case .metadataKey: "un nom de métadonnée (par exemple uai)"
        case .zone: "une zone (A, B, C ou Corse)"
        case .modelRole: "un rôle du modèle"
        case .keyAttribute: "le nom de l'attribut clé"
        case .attributeName: "un nom d'attribut"
        case .attributeType: "un type (booleen, texte, nombre, date) ou des valeurs « a | b »"
        case .threshold(let names): "un seuil (\(names.joined(separator: ", ")))"
        case .priorAction: "l'action à faire d'abord (« exige signer avant commander »)"
        case .laterAction: "l'action qui vient après (« avant commander »)"
        case .modelLabel: "le nom du modèle entre guillemets"
        case .modelPath: "le chemin du modèle entre guillemets"
        case .modelVersion: "la version entre guillemets (par exemple \"2026.1\")"
        case .modelTask: "l'identifiant d'une tâche du modèle"
        case .modelStep: "l'identifiant d'une étape du modèle"
        case .testLabel: "le libellé du test entre guillemets"
        case .removalReason: "la raison du retrait entre guillemets"
        case .declaration:
            "une déclaration (etablissement, calendrier, role, instance, externe, objet, action, evenement, etape, autorise, interdit, test)"
        case .taskClause: "une clause (responsable, approbateur, aide, consulte, informe, action, echeance, quand, delai, apres, en, note)"
        case .assertion: "une assertion (qui, peut, refuse, seul)"
        case .durationUnit: "une unité de durée (jours, jours ouvres, semaines, mois)"
        case .valueLiteral: "une valeur (nom, chaîne, nombre, date, vrai ou faux)"
        case .equality: "« == » (comparaison)"
        case .modifiable: "ce qui est modifié (tache, etape, role, instance, externe ou calendrier)"
        case .removableClause: "la clause retirée (responsable, approbateur, aide, consulte, informe, action, echeance, quand, delai, apres, en, note)"
        case .removable: "ce qui est retiré (tache, etape, role, test, autorise ou interdit)"
        case .ruleOrTaskInStep: "« autorise », « interdit » ou, dans une étape, « tache »"
        case .query: "une requête (qui, peut, taches, echeances, montre)"
        case .endOfQuery: "la fin de la requête"
        case .queryDate: "une date (AAAA-MM-JJ ou JJ/MM/AAAA) après « le »"
        case .actorActionAndObject: "un acteur, une action et un objet"
        }
    }
}

/// What the parser found instead (E010).
public enum Found: Sendable, Hashable {
    /// A word, shown « word ».
    case word(String)
    /// A reserved word where a name was expected.
    case reservedWord(String)
    /// A string, with its decoded contents.
    case string(String)
    /// Any other token, named by its class or spelling (« { », un nombre, la fin du fichier).
    case token(Expected)
    /// The end of a query's text (a query's end of file).
    case endOfQuery
    /// A typed query call whose arguments made up another kind of query.
    case otherQuery

    /// The French words.
    public var french: String {
        switch self {
        case .word(let text): "« \(text) »"
        case .reservedWord(let text): "le mot réservé « \(text) »"
        case .string(let text): "la chaîne « \(text) »"
        case .token(let token): token.french
        case .endOfQuery: "la fin de la requête"
        case .otherQuery: "une autre requête"
        }
    }
}

/// The block an unclosed `{` opened (E011).
public enum BlockKind: Sendable, Hashable {
    case establishment, calendar, role, instance, externalActor, objectType, step, task, test
    case deputy, thresholds, taskChange

    /// The French words, with their article.
    public var french: String {
        switch self {
        case .establishment: "l'établissement"
        case .calendar: "le calendrier"
        case .role: "le rôle"
        case .instance: "l'instance"
        case .externalActor: "l'acteur externe"
        case .objectType: "l'objet"
        case .step: "l'étape"
        case .task: "la tâche"
        case .test: "le test"
        case .deputy: "la suppléance"
        case .thresholds: "les seuils"
        case .taskChange: "la modification de la tâche"
        }
    }
}

// The query language of `charte requete` and the REPL: one question about a charter.
// Its tree reuses the charter's nodes (names, object literals, actor references), so a
// query is typed by the same code as a charter's tests.

/// One query, as parsed: names are not resolved yet (see `QueryEngine`).
public enum Query: Sendable, Hashable {
    /// `qui ACTION [OBJET]` or `qui TACHE`: which one is decided against the charter.
    case who(target: Name, object: ObjectLiteral?)
    /// `qui "mots"`: tasks whose label or note contains every word.
    case search(StringLiteral)
    /// `peut ACTEUR ACTION [OBJET]`.
    case may(actor: ActorReference, action: Name, object: ObjectLiteral?)
    /// `taches ACTEUR`: the actor's job sheet.
    case tasks(actor: ActorReference)
    /// `echeances [DATE]`: deadlines in date order, from a date on when given.
    case deadlines(from: QueryDate?)
    /// `montre ID`: a declaration as written.
    case show(Name)
    /// `peut …`, `qui …` or `taches …` followed by `le DATE`: the question asked on that day
    /// (suppléances in their window take part).
    indirect case dated(Query, on: QueryDate)

    /// The question without its date, and the date if it has one.
    public var undated: (query: Query, date: QueryDate?) {
        if case .dated(let query, let date) = self { return (query, date) }
        return (self, nil)
    }
}

/// The date of `echeances DATE` or `… le DATE`: a literal or a name of the calendar.
public enum QueryDate: Sendable, Hashable {
    /// `2026-09-01`; nil when the lexer found it impossible (already reported).
    case literal(CalendarDate?)
    /// `rentree`, a name of the charter's calendar.
    case name(Name)
}

/// The verbs a query starts with.
///
/// They are not charter keywords (a charter never contains a query), so they live in
/// their own table; like keywords they are matched folded (`tâches`, `Échéances`).
public enum QueryVerb: String, CaseIterable, Sendable, Hashable {
    // The raw values are the French verbs, as completion and suggestions show them.
    case who = "qui", can = "peut", tasks = "taches", deadlines = "echeances", show = "montre"

    /// The verb a word spells, if any (accent- and case-insensitive), from the one keyword table.
    public static func lookup(_ word: String) -> QueryVerb? {
        switch Keyword.lookup(folded: Folding.fold(word)) {
        case .qui: .who
        case .peut: .can
        case .taches, .tache: .tasks
        case .echeances, .echeance: .deadlines
        case .montre: .show
        default: nil
        }
    }
}

extension QueryVerb {
    /// The French summary of every query form, shown by `charte requete --help` and `:aide`.
    public static let summary = """
    Requêtes :
      qui ACTION [OBJET]          les tâches qui font l'action sur l'objet, avec leur RACI
      qui TACHE                   le RACI d'une tâche
      qui "mots"                  les tâches dont le libellé ou la note contient les mots
      peut ACTEUR ACTION [OBJET]  autorisé, refusé ou indéterminé, avec les règles et leurs lignes
      taches ACTEUR               la fiche de poste d'un acteur, étape par étape
      … le DATE                   après qui, peut ou taches : la réponse de ce jour-là, suppléances comprises
      echeances [DATE]            les échéances dans l'ordre des dates (à partir de DATE)
      montre NOM                  une déclaration telle qu'elle est écrite
    OBJET s'écrit type(attribut: valeur, …) ; un attribut omis est inconnu. ACTEUR est un
    identifiant ou le nom d'une personne entre guillemets ("Mme Martin"). DATE s'écrit
    AAAA-MM-JJ ou JJ/MM/AAAA, ou c'est un nom du calendrier (rentree).
    """
}

/// Where each journal column is, found from the header row.
///
/// Header cells are matched by `JournalNames.key`: without case, accents, spaces or hyphens
/// (`Tâche`, `TACHE` and `tache` are the same column, `Type-licence` is `type_licence`). `date`, `acteur`, `action` and `tache` are the journal's own columns,
/// `commentaire` is free text, and every other column must name an attribute of some object
/// type: a row reads the attributes of its action's (or event's) object type and ignores the
/// other columns.
struct JournalColumns {
    /// The journal's own column names, folded.
    static let dateName = "date", actorName = "acteur", actionName = "action", taskName = "tache"
    /// Columns kept for people and ignored by the check.
    static let commentNames: Set<String> = ["commentaire", "commentaires", "remarque", "remarques", "observations", "observation"]
    /// Other names spreadsheets give the journal's own columns (compared as keys).
    static let actorNames: Set<String> = ["acteur", "qui", "role", "personne"]
    static let actionNames: Set<String> = ["action", "evenement", "actionouevenement"]
    static let taskNames: Set<String> = ["tache", "tachefaite"]
    /// The optional column naming on whose behalf a row was done (a suppléance).
    static let onBehalfName = "pour"
    static let onBehalfNames: Set<String> = ["pour", "pourlecomptede", "pourlecompte", "enremplacementde"]

    var date: Int?
    var actor: Int?
    var action: Int?
    var task: Int?
    /// `pour`: on whose behalf the row was done.
    var onBehalf: Int?
    /// The number of header cells.
    var count = 0
    /// For each object type, the column of each of its attributes (nil when absent).
    var attributes: [[Int?]] = []

    /// Reads the header; issues carry the header's line.
    static func read(header: [String], line: Int, charter: Charter) -> (JournalColumns, [JournalIssue]) {
        var columns = JournalColumns()
        columns.count = header.count
        columns.attributes = charter.objectTypes.map { Array(repeating: nil, count: $0.attributes.count) }
        var issues: [JournalIssue] = []
        var seen = Set<String>()
        // Attribute names, folded, to the (type, attribute) pairs they name.
        var attributeIndex: [String: [(type: Int, attribute: Int)]] = [:]
        for (type, object) in charter.objectTypes.enumerated() {
            for (attribute, declared) in object.attributes.enumerated() {
                attributeIndex[JournalNames.key(declared.name), default: []].append((type, attribute))
            }
        }
        for (column, cell) in header.enumerated() {
            let name = trim(cell)
            var folded = JournalNames.key(name)
            if folded.isEmpty { continue }
            // Two names of the same journal column are a duplicate like the same name twice.
            if actorNames.contains(folded) { folded = actorName }
            if actionNames.contains(folded) { folded = actionName }
            if taskNames.contains(folded) { folded = taskName }
            if onBehalfNames.contains(folded) { folded = onBehalfName }
            guard seen.insert(folded).inserted else {
                issues.append(JournalIssue(line: line, kind: .duplicateColumn(name)))
                continue
            }
            switch folded {
            case dateName: columns.date = column
            case actorName: columns.actor = column
            case actionName: columns.action = column
            case taskName: columns.task = column
            case onBehalfName: columns.onBehalf = column
            default:
                if let targets = attributeIndex[folded] {
                    for target in targets { columns.attributes[target.type][target.attribute] = column }
                } else if !commentNames.contains(folded) {
                    let known = [dateName, actorName, actionName, taskName] + attributeIndex.keys.sorted()
                    let close = Suggestions.closest(to: name, among: known.map { Candidate(name: $0, span: nil) })
                    issues.append(JournalIssue(line: line, kind: .unknownColumn(name), suggestions: close.map(\.name)))
                }
            }
        }
        if columns.date == nil {
            issues.append(JournalIssue(line: line, kind: .missingColumn(dateName)))
        }
        if columns.action == nil, columns.task == nil {
            issues.append(JournalIssue(line: line, kind: .missingColumn(actionName)))
        }
        return (columns, issues)
    }

    /// Whether rows can be read at all.
    var isUsable: Bool { date != nil && (action != nil || task != nil) }

    /// A header cell without spaces, tabs and no-break spaces around it.
    static func trim(_ text: String) -> String {
        let blank: Set<Unicode.Scalar> = [" ", "\t", "\u{A0}", "\u{202F}"]
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, blank.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, blank.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}

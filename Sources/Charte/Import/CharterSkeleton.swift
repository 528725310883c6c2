/// A charter generated from a steps × roles table (`charte importer`): one role per column,
/// one step per row, one task per filled cell with the column's role as responsable, a
/// short label from the cell's first clause and the whole cell as note, and what the cell's
/// words let the importer guess (see `ImportGuess`): councils as instances, actions from
/// the verbs (shared between cells), deadlines and delays with the calendar they need, and
/// the other roles named as `aide`/`informe` proposals.
///
/// The text always checks clean (no error, no warning): a guess the checker would reject is
/// written as a `# proposé :` comment with the reason, and a column or row without any filled
/// cell is a comment rather than an unused role or an empty step.
public struct CharterSkeleton: Sendable {
    /// A role made from a column.
    public struct Role: Sendable, Hashable {
        /// The identifier derived from the column's name.
        public let id: String
        /// The column's name.
        public let label: String
        /// Whether any cell of the column is filled (otherwise the role is only a comment).
        public let isUsed: Bool
    }

    /// A task made from a filled cell.
    public struct Task: Sendable, Hashable {
        /// The task's identifier, from its label's first words.
        public let id: String
        /// The responsable role.
        public let role: Role
        /// The cell's text (the task's note).
        public let text: String
        /// The short label: the cell's first clause.
        public let label: String
        /// Other roles the text names: candidates for `aide`, `consulte` or `informe`.
        public let mentions: [Role]
    }

    /// A step made from a row.
    public struct Step: Sendable, Hashable {
        /// The identifier derived from the step's name.
        public let id: String
        /// The row's first cell.
        public let label: String
        /// The row's line in the file.
        public let line: Int
        /// One task per filled cell, in column order.
        public let tasks: [Task]
    }

    /// The roles, in column order.
    public let roles: [Role]
    /// The steps, in row order.
    public let steps: [Step]
    /// What was guessed, in the order of the charter; `isProposal` tells the comments apart.
    public let guesses: [ImportGuess]
    /// The charter, in canonical layout.
    public let text: String
    /// The short French report of what was guessed (`charte importer` prints it on stderr).
    public let report: String
    /// Identifier look-ups and check rounds: the work done, for the linearity test.
    let work: Int

    /// Builds the charter of a table read from the file `source` (named in a comment).
    public init(table: RoleTable, source: String) {
        var identifiers = IdentifierMaker()
        let roles = table.roles.enumerated().map { column, name in
            Role(id: CharterSkeleton.roleID(name, identifiers: &identifiers), label: CharterSkeleton.clean(name),
                 isUsed: table.rows.contains { column < $0.cells.count && !$0.cells[column].isEmpty })
        }
        let roleKeys = table.roles.map(CharterSkeleton.keys(naming:))
        var plan = SkeletonPlan()
        // Read every cell first: councils, events and actions are named once, before the steps.
        var readings: [[CellReading?]] = []
        for row in table.rows {
            readings.append(row.cells.enumerated().map { column, cell in
                cell.isEmpty ? nil : CellReading(text: CharterSkeleton.clean(cell), role: column, roleKeys: roleKeys)
            })
        }
        for reading in readings.joined().compactMap({ $0 }) { plan.collect(reading) }
        plan.name(with: &identifiers)

        var steps: [Step] = []
        var cells: [SkeletonPlan.Cell] = []
        for (rowIndex, row) in table.rows.enumerated() {
            let id = identifiers.make(from: CharterSkeleton.withoutNumber(row.step), kind: "etape", words: 2)
            var tasks: [Task] = []
            for (column, cell) in row.cells.enumerated() where !cell.isEmpty {
                guard let reading = readings[rowIndex][column] else { continue }
                let role = roles[column]
                var base = IdentifierMaker.valid(IdentifierMaker.shortSlug(reading.label, words: 3), kind: "tache")
                if identifiers.isUsed(base) {
                    // Two cells saying alike: tell them apart by the role, with a word the id does not have yet.
                    let taken = Set(base.split(separator: "_"))
                    if let word = role.id.split(separator: "_").first(where: { !taken.contains($0) }) { base += "_" + word }
                }
                let task = Task(id: identifiers.unique(base), role: role, text: CharterSkeleton.clean(cell),
                                label: reading.label, mentions: reading.mentions.map { roles[$0.role] }.filter(\.isUsed))
                tasks.append(task)
                cells.append(SkeletonPlan.Cell(task: task, reading: reading, line: row.line))
            }
            steps.append(Step(id: id, label: CharterSkeleton.clean(row.step), line: row.line, tasks: tasks))
        }
        self.roles = roles
        self.steps = steps

        let writer = SkeletonWriter(table: table, source: source, roles: roles, steps: steps, plan: plan, cells: cells)
        let settled = writer.settle()
        self.guesses = settled.guesses
        self.text = Formatter.format(text: settled.text).text ?? settled.text
        self.work = identifiers.probes + settled.rounds
        let taskCount = steps.reduce(0) { $0 + $1.tasks.count }
        self.report = ImportReport.render(source: CharterSkeleton.baseName(source), steps: steps.count, roles: roles.count,
                                          tasks: taskCount, guesses: settled.guesses, clean: settled.clean)
    }

    // MARK: - Names

    /// A role's identifier: its name's first two significant words (`equipe_direction`), or
    /// the whole name when that would be a keyword (`Rôle A` is `role_a`, not `role`).
    static func roleID(_ name: String, identifiers: inout IdentifierMaker) -> String {
        let short = IdentifierMaker.shortSlug(name, words: 2)
        if Keyword.lookup(folded: short) != nil { return identifiers.make(from: name, kind: "role") }
        return identifiers.make(from: name, kind: "role", words: 2)
    }

    /// The folded word sequences that name a role in a cell: its name's significant words,
    /// then aliases (`direction` → `chef d'établissement`).
    static func keys(naming name: String) -> [[String]] {
        let words = CellWords(name).words.map(\.folded).filter { !ImportLexicon.stopWords.contains($0) }
        guard !words.isEmpty else { return [] }
        var keys = [words]
        for word in words {
            for alias in ImportLexicon.roleAliases[CellWords.singular(word)] ?? ImportLexicon.roleAliases[word] ?? []
            where !keys.contains(alias) {
                keys.append(alias)
            }
        }
        return keys
    }

    /// `Point 1 : Connaître l'offre` → `Connaître l'offre`: a step's number is not its name.
    static func withoutNumber(_ step: String) -> String {
        let words = CellWords(step)
        var index = 0
        while index < words.count - 1, ["point", "etape", "phase", "partie"].contains(words[index]) || Int(words[index]) != nil {
            index += 1
        }
        guard index > 0, index < words.count else { return step }
        return String(step[words.words[index].start...])
    }

    // MARK: - Text

    /// The text without invisible bidirectional controls (they would be a warning, W601) nor
    /// control characters other than tab and line feed (a spreadsheet never means them).
    static func clean(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.filter { scalar in
            !Lexer.isBidiControl(scalar)
                && (scalar == "\t" || scalar == "\n" || scalar.properties.generalCategory != .control)
        })
        return String(view)
    }

    /// Text made safe for a comment: on one line, without control characters.
    static func comment(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in clean(text).unicodeScalars {
            view.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return String(view)
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

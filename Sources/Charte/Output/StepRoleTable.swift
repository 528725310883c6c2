/// The charter as the seed table shows it: one row per step, one column per role, and in
/// each cell the tasks that role holds in that step.
///
/// The shape is the seed's (`ressources-numeriques-organisation.tsv`): a header row of role
/// labels under the corner `LES ETAPES`, then a row per step led by its label. A task held
/// as responsable is written as its label alone; any other letter follows the label in
/// parentheses (`Piloter la politique (I)`); a cell lists R tasks first, then A, S, C, I,
/// each in declaration order. Columns are the `role` actors in declaration
/// order (every actor when the charter declares no role), so instances and externals,
/// which the seed table has no column for, appear in the RACI matrix instead.
public struct StepRoleTable: Sendable, Hashable {
    /// One task in a cell.
    public struct Entry: Sendable, Hashable {
        /// The task's id.
        public let task: String
        /// The task's label (its id when it has none).
        public let label: String
        /// The letter the column's actor holds in the task.
        public let letter: Letter

        /// The cell text of the entry: the label, with `(A)`, `(S)`, `(C)` or `(I)` unless it is R.
        public var text: String { letter == .responsible ? label : "\(label) (\(letter.rawValue))" }
    }

    /// One step.
    public struct Row: Sendable, Hashable {
        /// The step's id.
        public let step: String
        /// The step's label (its id when it has none).
        public let label: String
        /// One cell per column: the entries, in task order.
        public let cells: [[Entry]]
    }

    /// The text of the top-left cell, as in the seed.
    public static let corner = "LES ETAPES"

    /// The column actors' ids.
    public let actorIDs: [String]
    /// The column headers: the actors' labels.
    public let columns: [String]
    /// The steps, in declaration order.
    public let rows: [Row]

    /// Builds the table of a checked charter.
    init(charter: Charter) {
        let roles = charter.actors.indices.filter { charter.actors[$0].kind == .role }
        let columnActors = roles.isEmpty ? Array(charter.actors.indices) : roles
        actorIDs = columnActors.map { charter.actors[$0].id }
        columns = columnActors.map { charter.actors[$0].label ?? charter.actors[$0].id }
        rows = charter.steps.map { step in
            let cells = columnActors.map { actor in
                let entries = step.tasks.compactMap { index -> Entry? in
                    let task = charter.tasks[index]
                    guard let letter = task.letter(of: actor) else { return nil }
                    return Entry(task: task.id, label: task.label ?? task.id, letter: letter)
                }
                // R first, then A, S, C, I; declaration order within a letter (a stable sort).
                return Letter.allCases.flatMap { letter in entries.filter { $0.letter == letter } }
            }
            return Row(step: step.id, label: step.label ?? step.id, cells: cells)
        }
    }

    /// The number of non-empty cells (28 for the seed).
    public var filledCells: Int { rows.reduce(0) { $0 + $1.cells.filter { !$0.isEmpty }.count } }
}

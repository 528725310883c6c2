/// The RACI matrix: one row per task, one column per actor that holds a letter somewhere,
/// and in each cell the letters that actor holds in that task.
public struct RaciMatrix: Sendable, Hashable {
    /// One column.
    public struct Column: Sendable, Hashable {
        /// The actor's id.
        public let id: String
        /// The actor's label (its id when it has none).
        public let label: String
        /// Whether it is a role, an instance or an external actor.
        public let kind: ActorKind
    }

    /// One task.
    public struct Row: Sendable, Hashable {
        /// The step's id.
        public let step: String
        /// The step's label.
        public let stepLabel: String
        /// The task's id.
        public let task: String
        /// The task's label.
        public let label: String
        /// Per column, the letters held, strongest first (usually zero or one).
        public let letters: [[Letter]]
    }

    /// The actors holding at least one letter, in declaration order.
    public let columns: [Column]
    /// The tasks, step by step, in declaration order.
    public let rows: [Row]

    /// Builds the matrix of a checked charter.
    init(charter: Charter) {
        let holders = charter.actors.indices.filter { actor in
            charter.tasks.contains { task in Letter.allCases.contains { task.actors($0).contains(actor) } }
        }
        columns = holders.map { index in
            let actor = charter.actors[index]
            return Column(id: actor.id, label: actor.label ?? actor.id, kind: actor.kind)
        }
        rows = charter.steps.flatMap { step in
            step.tasks.map { index in
                let task = charter.tasks[index]
                return Row(step: step.id, stepLabel: step.label ?? step.id, task: task.id, label: task.label ?? task.id,
                           letters: holders.map { actor in Letter.allCases.filter { task.actors($0).contains(actor) } })
            }
        }
    }

    /// The text of a cell: its letters run together (`R`, `AC` when an actor holds two).
    public static func cellText(_ letters: [Letter]) -> String {
        letters.map(\.rawValue).joined()
    }
}

extension Letter {
    /// The French name of the letter as a document legend shows it.
    public var frenchName: String {
        switch self {
        case .responsible: "responsable"
        case .approver: "approbateur"
        case .support: "aide (soutien)"
        case .consulted: "consulté"
        case .informed: "informé"
        }
    }
}

extension ActorKind {
    /// The French name of the kind, singular.
    public var frenchName: String {
        switch self {
        case .role: "rôle"
        case .instance: "instance"
        case .external: "acteur extérieur"
        }
    }
}

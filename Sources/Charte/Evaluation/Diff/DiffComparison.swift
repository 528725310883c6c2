// What the two charters of a `charte diff` are: two versions of one charter, a school's
// adaptation against its model, or two versions of a model seen through one school.

/// What a `CharterDiff` compares; the renderers word their summary and headings after it.
public enum DiffComparison: Sendable, Hashable {
    /// Two versions of one charter (`charte diff ANCIENNE NOUVELLE`).
    case revision
    /// A model, read with the school's roles (`tient`), against the school's charter with its
    /// whole adaptation applied: what the school changed (`charte diff --modele ECOLE`).
    case adaptation(ModelContext)
    /// One school's adaptation applied to two versions of its model: what the model's update
    /// changes for this school (`charte diff --adaptation ECOLE ANCIEN NOUVEAU`).
    case modelUpdate(ModelContext)

    /// The school and its model, for the two model forms.
    public var context: ModelContext? {
        switch self {
        case .revision: nil
        case .adaptation(let context), .modelUpdate(let context): context
        }
    }
}

/// The school and the model of a model comparison.
public struct ModelContext: Sendable, Hashable {
    /// The school's file (as the charter's source names it).
    public var school: String
    /// The school's name (`etablissement "…"`), if its charter declares one.
    public var establishment: String?
    /// The model's name (`modele "…"`), as the new side reads it.
    public var model: String
    /// The model files of the old and new sides (one file for `--modele`).
    public var oldModelFile: String
    public var newModelFile: String
    /// The models' versions (`modele "…" version "…"`), when declared.
    public var oldVersion: String?
    public var newVersion: String?
    /// Model roles held by the school's actors (`role X tient M`), in the school's order.
    public var holdings: [RoleHolding]
    /// The model's tasks the school removes (`retire tache`), with its reason, in its order.
    public var removedTasks: [SchoolRemoval]
    /// The model's tests the school removes (`retire test`), by label, with its reason.
    public var removedTests: [SchoolRemoval] = []

    /// Creates a context.
    public init(school: String, establishment: String?, model: String, oldModelFile: String, newModelFile: String,
                oldVersion: String?, newVersion: String?, holdings: [RoleHolding], removedTasks: [SchoolRemoval], removedTests: [SchoolRemoval] = []) {
        self.school = school
        self.establishment = establishment
        self.model = model
        self.oldModelFile = oldModelFile
        self.newModelFile = newModelFile
        self.oldVersion = oldVersion
        self.newVersion = newVersion
        self.holdings = holdings
        self.removedTasks = removedTasks
        self.removedTests = removedTests
    }
}

/// A model role and the school's actors holding it (`role documentaliste tient referent_numerique`).
public struct RoleHolding: Sendable, Hashable {
    /// The role as the model names it.
    public let modelRole: String
    /// The school's actors who hold it (two or more when the school splits it).
    public let holders: [String]
}

/// A model task or test the school removed (`retire tache ID "raison"`), with the reason it wrote.
public struct SchoolRemoval: Sendable, Hashable {
    /// The task's id, or the test's label.
    public let name: String
    public let reason: String
}

extension ModelContext {
    /// The context of a school's checked charter that adapts a model: its own model on both
    /// sides (nil when it adapts none).
    public init?(school: CheckedCharter) {
        guard let adaptation = school.model.adaptation else { return nil }
        let modelFile = school.sources.files.indices.contains(adaptation.modelFile.rawValue)
            ? school.sources[adaptation.modelFile].name : ""
        self.init(school: school.file.name, establishment: school.model.establishment?.name, model: adaptation.modelName,
                  oldModelFile: modelFile, newModelFile: modelFile, oldVersion: adaptation.modelVersion,
                  newVersion: adaptation.modelVersion,
                  holdings: adaptation.holdings.map { RoleHolding(modelRole: $0.modelRole, holders: $0.holders) },
                  removedTasks: adaptation.removedTasks.map { SchoolRemoval(name: $0.id, reason: $0.reason) })
    }

    /// The reason the school gave for removing a task, if it did.
    public func removalReason(of task: String) -> String? {
        removedTasks.first { $0.name == task }?.reason
    }

    /// The reason the school gave for removing a test (by label), if it did.
    public func removalReason(ofTest label: String) -> String? {
        removedTests.first { $0.name == label }?.reason
    }
}

// The two charters of `charte diff --modele` and `charte diff --adaptation`, read and checked
// with the same adaptation code as every other command.

/// The two checked charters of a model comparison, and what they are.
///
/// - `schoolAgainstModel`: the model a school adapts, read with the school's roles (its
///   `tient` applied, nothing else), against the school's charter (its whole adaptation
///   applied). A school whose documentaliste holds the référent's role thus sees only what it
///   changed beyond that holding, in its own roles' names; the holding itself is listed apart.
/// - `modelUpdate`: the school's adaptation applied to an old and a new version of its model
///   (its `adapte` pointed at each): what the update changes for this school. An adaptation
///   that no longer applies (a target gone, a locked rule or task) is the new side's errors:
///   nothing is compared.
public struct ModelComparison: Sendable {
    /// The old side: the model read with the school's roles, or the school on the old model.
    public let old: CheckedCharter
    /// The new side: the school's charter, or the school on the new model.
    public let new: CheckedCharter
    /// What is compared (for the renderers' words).
    public let comparison: DiffComparison

    /// The comparison of the two sides, with its context.
    public func diff() -> CharterDiff {
        var diff = CharterDiff(old: old, new: new)
        diff.comparison = comparison
        return diff
    }

    /// Which charter a refusal is about.
    public enum Side: Sendable, Hashable {
        /// The school's own charter, on its own model.
        case school
        /// The model read with the school's roles.
        case modelWithRoles
        /// The school's adaptation applied to the old version of the model.
        case oldModel
        /// The school's adaptation applied to the new version of the model.
        case newModel
    }

    /// Why no comparison is given.
    public enum Failure: Error, Sendable {
        /// A file cannot be read (exit 2).
        case unreadable(path: String)
        /// The school's charter adapts no model, so it has none to be compared with (exit 2).
        case notAnAdaptation(path: String)
        /// A side has errors (exit 1): its diagnostics, and which side it is.
        case refused(CharterRefusal, Side, school: String, model: String?)

        /// The one-line French message of the first two cases; the closing sentence of the third.
        public var message: String {
            switch self {
            case .unreadable(let path): return "impossible de lire le fichier « \(ControlCharacters.escaped(path)) »"
            case .notAnAdaptation(let path):
                return "« \(ControlCharacters.escaped(path)) » n'adapte aucun modèle (il n'a pas de ligne « adapte \"…\" version \"…\" ») : "
                    + "comparez deux chartes avec « charte diff ANCIENNE NOUVELLE »"
            case .refused(let refusal, let side, let school, let model):
                let school = ControlCharacters.escaped(school), model = ControlCharacters.escaped(model ?? "")
                return switch side {
                case .school: refusal.sentence
                case .modelWithRoles:
                    "Le modèle « \(model) », lu avec les rôles de « \(school) », contient des erreurs : rien n'est comparé."
                case .oldModel:
                    "L'adaptation « \(school) » ne s'applique pas à l'ancienne version du modèle « \(model) » : rien n'est comparé."
                case .newModel:
                    "L'adaptation « \(school) » ne s'applique pas à la nouvelle version du modèle « \(model) » : rien n'est comparé."
                }
            }
        }

        /// The whole French text of a refusal (diagnostics, summary line, sentence); the message otherwise.
        public func text(colour: Bool = false, limit: Int = Limits.standard.printedDiagnostics) -> String {
            guard case .refused(let refusal, _, _, _) = self else { return message + "\n" }
            return HumanRenderer(colour: colour).render(refusal.diagnostics, sources: refusal.sources, limit: limit)
                + refusal.count.summary + "\n" + message + "\n"
        }
    }

    /// Consistency errors the school's roles alone may bring into its model (an interdiction of
    /// the référent now stops the documentaliste who holds the role from doing her task): the
    /// school had to fix them, and that fix is what the comparison shows. Anything else fails closed.
    static let rolesViewTolerated: Set<DiagnosticCode> = [.E500, .E122, .E123, .E320, .E321, .E322, .E324]

    /// A school's charter against the model it adapts.
    public static func schoolAgainstModel(school path: String, limits: Limits = .standard,
                                          models: ModelSearch = ModelSearch()) -> Result<ModelComparison, Failure> {
        let loaded: LoadedCharter
        do { loaded = try CharterLoader.load(path: path, limits: limits, models: models) } catch { return .failure(.unreadable(path: path)) }
        guard loaded.tree.adaptsModel else { return .failure(.notAnAdaptation(path: path)) }
        guard let school = loaded.checked, var context = ModelContext(school: school) else {
            return .failure(.refused(CharterRefusal(loaded), .school, school: path, model: nil))
        }
        context.removedTests = removedTests(of: loaded.tree)
        let view = CharterLoader.check(bytes: loaded.file.bytes, name: path, limits: limits, models: models, holdingsOnly: true)
        let kept = view.diagnostics.filter { $0.severity != .error || !rolesViewTolerated.contains($0.code) }
        // The view is the model under the school's roles, never a charter anyone wrote: its
        // tolerated errors are the school's to fix, and the school's charter checks clean.
        guard let model = CheckedCharter(model: view.model, file: view.file, sources: view.sources, tree: view.effectiveTree,
                                         diagnostics: kept) else {
            return .failure(.refused(CharterRefusal(view), .modelWithRoles, school: path, model: context.newModelFile))
        }
        return .success(ModelComparison(old: model, new: school, comparison: .adaptation(context)))
    }

    /// A school's adaptation applied to two versions of its model.
    public static func modelUpdate(school path: String, oldModel: String, newModel: String, limits: Limits = .standard,
                                   models: ModelSearch = ModelSearch()) -> Result<ModelComparison, Failure> {
        for file in [path, oldModel, newModel] where FileAccess.read(file, atMost: 0) == nil {
            return .failure(.unreadable(path: file))
        }
        func adapting(_ model: String) -> LoadedCharter? {
            var search = models
            search.adaptedModel = model
            return try? CharterLoader.load(path: path, limits: limits, models: search)
        }
        guard let before = adapting(oldModel), let after = adapting(newModel) else { return .failure(.unreadable(path: path)) }
        guard before.tree.adaptsModel else { return .failure(.notAnAdaptation(path: path)) }
        // The new side first: an adaptation that no longer applies is what the update breaks.
        guard let new = after.checked else { return .failure(.refused(CharterRefusal(after), .newModel, school: path, model: newModel)) }
        guard let old = before.checked else { return .failure(.refused(CharterRefusal(before), .oldModel, school: path, model: oldModel)) }
        guard var context = ModelContext(school: new), let oldContext = ModelContext(school: old) else {
            return .failure(.notAnAdaptation(path: path))
        }
        context.removedTests = removedTests(of: after.tree)
        context.oldModelFile = oldContext.newModelFile
        context.oldVersion = oldContext.newVersion
        return .success(ModelComparison(old: old, new: new, comparison: .modelUpdate(context)))
    }

    /// The tests a school's own file removes from its model (`retire test "…" "raison"`).
    static func removedTests(of tree: SyntaxTree) -> [SchoolRemoval] {
        tree.declarations.compactMap { declaration in
            guard case .adaptation(let decl) = declaration, case .removal(.test(let label), let reason) = decl.kind else { return nil }
            return SchoolRemoval(name: label.value, reason: reason.value)
        }
    }

    /// Whether `old` is the very model `new` adapts (the same bytes): `charte diff MODELE ECOLE`
    /// then reads as `charte diff --modele ECOLE`.
    public static func isModel(_ old: CheckedCharter, of new: CheckedCharter) -> Bool {
        guard let adaptation = new.model.adaptation, new.sources.files.indices.contains(adaptation.modelFile.rawValue) else { return false }
        return new.sources[adaptation.modelFile].bytes == old.file.bytes
    }
}

extension SyntaxTree {
    /// Whether the file adapts a model (`adapte "…"`).
    var adaptsModel: Bool { Adaptation.adapts(of: self) != nil }
}

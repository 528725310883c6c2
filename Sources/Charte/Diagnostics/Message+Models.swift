// The messages about académie models and their adaptations (codes E700–E713, W700–W701).

/// What an adaptation can target, as its messages name it.
public enum AdaptedKind: String, Sendable, Hashable {
    case task, step, actor, role, test, rule, calendar, calendarName

    /// The French words, with their article (« la tâche »).
    public var french: String {
        switch self {
        case .task: "la tâche"
        case .step: "l'étape"
        case .actor: "l'acteur"
        case .role: "le rôle"
        case .test: "le test"
        case .rule: "la règle"
        case .calendar: "le calendrier"
        case .calendarName: "la date"
        }
    }
}

/// The messages of models and adaptations, declared once.
public enum ModelMessage: Sendable, Hashable {
    /// E700: the model file cannot be found or read.
    case modelNotFound(path: String, searched: [String])
    /// E701: an adaptation names something the model does not have; `renamedTo` when the model has the same label under another id.
    case unknownTarget(name: String, kind: AdaptedKind, renamedTo: String?)
    /// E702: two adaptations of the same thing.
    case conflictingAdaptations(name: String, kind: AdaptedKind)
    /// E703: models adapting each other.
    case modelCycle(chain: [String])
    /// E704: too many models adapting one another.
    case modelChainTooDeep(limit: Int)
    /// E705: `modifie`, `retire` or `tient` in a charter that adapts no model.
    case adaptationWithoutModel(keyword: Keyword)
    /// E706: the file named by `adapte` does not declare itself a model.
    case notAModel(path: String)
    /// E707: a locked task removed.
    case lockedTaskRemoved(task: String)
    /// E708: a locked rule removed.
    case lockedRuleRemoved(rule: String)
    /// E709: a school rule permits what a locked `interdit` of the model refuses.
    case permitsLockedForbid(actor: String, action: String)
    /// E710: a locked task's responsable, approver, helpers or actions changed.
    case lockedTaskWeakened(task: String, clause: String)
    /// E711: `modele` or `adapte` written twice.
    case secondModelDeclaration(keyword: Keyword)
    /// E712: `tient` names a model actor that is not a role, or a role already held by the same actor.
    case badHolding(name: String)
    /// E713: `retire etape` of a step that still has tasks, `retire role` of a role still named.
    case removedStillUsed(name: String, kind: AdaptedKind)
    /// W700: the model's version is not the one the school adapted.
    case versionMismatch(model: String, modelVersion: String?, adapted: String)
    /// W701: `adapte` without `version`.
    case versionNotStated(model: String)

    /// The stable code.
    public var code: DiagnosticCode {
        switch self {
        case .modelNotFound: .E700
        case .unknownTarget: .E701
        case .conflictingAdaptations: .E702
        case .modelCycle: .E703
        case .modelChainTooDeep: .E704
        case .adaptationWithoutModel: .E705
        case .notAModel: .E706
        case .lockedTaskRemoved: .E707
        case .lockedRuleRemoved: .E708
        case .permitsLockedForbid: .E709
        case .lockedTaskWeakened: .E710
        case .secondModelDeclaration: .E711
        case .badHolding: .E712
        case .removedStillUsed: .E713
        case .versionMismatch: .W700
        case .versionNotStated: .W701
        }
    }

    /// The one-line message.
    public var text: String {
        switch self {
        case .modelNotFound(let path, _): "modèle introuvable ou illisible « \(path) »"
        case .unknownTarget(let name, let kind, _): "le modèle n'a pas \(kind.indefinite) « \(name) »"
        case .conflictingAdaptations(let name, let kind): "\(kind.french) « \(name) » est adaptée deux fois"
            .replacingAgreement(for: kind)
        case .modelCycle(let chain): "cycle de modèles : \(chain.joined(separator: " → "))"
        case .modelChainTooDeep(let limit): "trop de modèles adaptés l'un de l'autre (plus de \(limit))"
        case .adaptationWithoutModel(let keyword): "« \(keyword.spelling) » ne s'emploie que dans une charte qui adapte un modèle"
        case .notAModel(let path): "« \(path) » n'est pas un modèle : il ne commence pas par « modele »"
        case .lockedTaskRemoved(let task): "la tâche « \(task) » est verrouillée par le modèle : elle ne peut pas être retirée"
        case .lockedRuleRemoved(let rule): "la règle « \(rule) » est verrouillée par le modèle : elle ne peut pas être retirée"
        case .permitsLockedForbid(let actor, let action):
            "cette règle autorise « \(actor) » à faire « \(action) », qu'une interdiction verrouillée du modèle refuse"
        case .lockedTaskWeakened(let task, let clause):
            "la tâche « \(task) » est verrouillée par le modèle : sa clause « \(clause) » ne peut pas être changée"
        case .secondModelDeclaration(let keyword): "« \(keyword.spelling) » est écrit deux fois"
        case .badHolding(let name): "« \(name) » n'est pas un rôle du modèle que l'on puisse faire tenir"
        case .removedStillUsed(let name, .step): "l'étape « \(name) » garde des tâches : elle ne peut pas être retirée"
        case .removedStillUsed(let name, let kind): "\(kind.french) « \(name) » est encore nommé : il ne peut pas être retiré"
        case .versionMismatch(let model, let modelVersion, let adapted):
            "le modèle « \(model) » est en version \(modelVersion.map { "« \($0) »" } ?? "non précisée"), la charte adapte la version « \(adapted) »"
        case .versionNotStated(let model): "la version adaptée du modèle « \(model) » n'est pas précisée"
        }
    }

    /// The short label under the underlined span.
    public var label: String? {
        switch self {
        case .modelNotFound: "fichier introuvable"
        case .unknownTarget: "absent du modèle"
        case .conflictingAdaptations: "deuxième adaptation"
        case .lockedTaskRemoved, .lockedRuleRemoved, .lockedTaskWeakened: "verrouillé par le modèle"
        case .permitsLockedForbid: "contredit le modèle"
        case .removedStillUsed: "encore employé"
        default: nil
        }
    }

    /// The help line.
    public var help: String? {
        switch self {
        case .modelNotFound(_, let searched) where !searched.isEmpty:
            "cherché : \(searched.joined(separator: ", ")) ; le chemin est relatif au fichier, ou donnez le dossier des modèles par --modeles DOSSIER"
        case .modelNotFound:
            "le chemin est relatif au fichier, ou donnez le dossier des modèles par --modeles DOSSIER"
        case .unknownTarget(_, let kind, let renamed?): "\(kind.french) a-t-elle été renommée en « \(renamed) » dans le modèle ?"
            .replacingAgreement(for: kind)
        case .unknownTarget: "vérifiez l'identifiant dans le modèle (charte montre ID sur le modèle)"
        case .conflictingAdaptations: "réunissez les deux adaptations en une seule"
        case .modelCycle: "un modèle ne peut pas s'adapter lui-même, même par un autre modèle"
        case .modelChainTooDeep: "adaptez directement le modèle de l'académie"
        case .adaptationWithoutModel: "ajoutez en tête « adapte \"modeles/NOM.charte\" version \"…\" », ou déclarez la chose elle-même"
        case .notAModel: "ajoutez en tête du modèle « modele \"Nom\" version \"…\" »"
        case .lockedTaskRemoved, .lockedRuleRemoved: "une école peut ajouter des restrictions, pas retirer ce que le modèle verrouille"
        case .permitsLockedForbid: "restreignez la règle par « si » pour qu'elle ne couvre pas ce que le modèle interdit"
        case .lockedTaskWeakened: "seules les clauses consulte, informe, echeance, delai et note d'une tâche verrouillée se changent"
        case .secondModelDeclaration: "une charte adapte un seul modèle"
        case .removedStillUsed(_, .step): "retirez aussi chacune de ses tâches (retire tache ID \"raison\"), ou gardez l'étape"
        case .removedStillUsed: "retirez ou modifiez ce qui le nomme, ou faites tenir le rôle par un acteur local (tient)"
        case .badHolding: "« tient » fait tenir par un acteur local des rôles (role) du modèle"
        case .versionMismatch: "relisez ce qui a changé, puis écrivez la nouvelle version dans « adapte »"
        case .versionNotStated(let model): "écrivez « version » dans « adapte » : un changement de version du modèle « \(model) » sera signalé"
        }
    }
}

/// The notes attached to model diagnostics.
public enum ModelNote: Sendable, Hashable {
    /// Where the model declares what is adapted.
    case declaredInModel
    /// Where the first adaptation is.
    case firstAdaptation
    /// Where the model locks it.
    case lockedHere
    /// Where what a removal needs gone is still used.
    case stillUsedHere
    /// One change of the model since the adapted version.
    case modelChanged(AdaptedKind, name: String, change: ModelChange)
    /// More changes than shown.
    case moreChanges(Int)

    /// The note's text.
    public var text: String {
        switch self {
        case .declaredInModel: "déclaré ici dans le modèle"
        case .firstAdaptation: "première adaptation ici"
        case .lockedHere: "verrouillé ici par le modèle"
        case .stillUsedHere: "encore employé ici"
        case .modelChanged(let kind, let name, let change): "\(kind.french) « \(name) » \(change.french(kind))"
        case .moreChanges(let count): "… et \(count) autres changements"
        }
    }
}

/// How something changed in a model between two versions.
public enum ModelChange: String, Sendable, Hashable {
    case added, removed, changed

    /// The French past participle, agreeing with the kind.
    func french(_ kind: AdaptedKind) -> String {
        let feminine = kind.isFeminine
        switch self {
        case .added: return feminine ? "est ajoutée" : "est ajouté"
        case .removed: return feminine ? "est retirée" : "est retiré"
        case .changed: return feminine ? "est modifiée" : "est modifié"
        }
    }
}

extension AdaptedKind {
    /// Whether the French noun is feminine (for the agreement of participles).
    var isFeminine: Bool { self == .task || self == .step || self == .rule || self == .calendarName }

    /// « de tâche », « d'étape »…: after « n'a pas ».
    var indefinite: String {
        switch self {
        case .task: "de tâche"
        case .step: "d'étape"
        case .actor: "d'acteur"
        case .role: "de rôle"
        case .test: "de test"
        case .rule: "de règle"
        case .calendar: "de calendrier"
        case .calendarName: "de date"
        }
    }
}

extension String {
    /// Masculine agreement of « adaptée », « renommée » for a masculine kind.
    func replacingAgreement(for kind: AdaptedKind) -> String {
        kind.isFeminine ? self : replacing("adaptée", with: "adapté").replacing("renommée", with: "renommé").replacing("a-t-elle", with: "a-t-il")
    }
}

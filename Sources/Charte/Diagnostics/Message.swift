/// The catalogue: every diagnostic message of Charte, declared once, in French.
///
/// Call sites pick a case; they never assemble message text themselves.
public enum Message: Sendable, Hashable {
    // MARK: - Lexical
    case unexpectedCharacter(String)
    case unknownEscape(String)
    case unterminatedString
    case impossibleDate(String)
    case malformedDate(String)
    case malformedNumber(String)
    case numberOverflow(String)
    case invalidUTF8(offset: Int)
    case bidiControl(String)
    case bidiControlInComment(String)
    case mixedScripts(name: String, scripts: [WritingScript])
    /// `4.000,00`: a dot between digits (thousands or decimals?).
    case ambiguousNumber(String)
    /// `1,505 €`: an amount finer than the cent.
    case tooManyDecimals(String)
    /// A control character (ESC, NUL, DEL…) inside a string or a comment (W602).
    case controlCharacter(String)
    case controlCharacterInComment(String)
    /// A declared identifier that reads as another one (Cyrillic or Greek look-alikes) (W603).
    case confusableName(name: String, lookalike: String, scripts: [WritingScript])

    // MARK: - Syntax
    case unexpectedToken(expected: Expected, found: Found)
    case reservedWord(String)
    case unclosedBlock(BlockKind, name: String)
    case nestingTooDeep(limit: Int)
    case fileTooLarge(size: Int, limit: Int)
    case inputTooLarge(limit: Int)
    case lineTooLong(length: Int, limit: Int)
    case queryTooLong(length: Int, limit: Int)
    case conditionTooLong(limit: Int)
    case tooManyAttributes(type: String, limit: Int)
    case tooManyValues(attribute: String, limit: Int)
    case tooManyCalendarEntries(limit: Int)
    case tooManyDiagnostics(errors: Int, warnings: Int, limit: Int)

    // MARK: - Names
    case unknownActor(String)
    case unknownDeclaration(String)
    case duplicate(name: String, kind: DeclarationKind)
    /// E101 for a block written at most once (`etablissement`, `calendrier`), named by its keyword.
    case duplicateBlock(Keyword, kind: DeclarationKind)
    case unknownPrerequisite(name: String, expected: DeclarationKind)
    case unknownAction(String)
    case unknownEvent(String)
    case unknownObjectType(String)
    case unknownAttribute(name: String, type: String)
    case unknownValue(name: String, attribute: String)
    case actionWithoutObject(String)
    case unknownCalendarName(String)
    case noCalendar(String)
    case unknownZone(String)
    case officialCalendarUnavailable(zone: String, year: String, available: [OfficialYear])
    case officialCalendarNeedsYear(String?)

    // MARK: - Types
    case typeMismatch(expected: TypeExpectation, found: TypeFound)
    case notACondition(WrittenValue)
    case orderingNeedsNumberOrDate(ValueType)
    case whenWithoutDelay(String)
    case delayWithoutWhen(String)

    // MARK: - Roles and steps
    case noResponsable(String)
    case severalApprovers(String)
    case unusedActor(String)
    case emptyStep(String)
    case twoLetters(actor: String, first: Letter, second: Letter)
    case cycle(String)

    // MARK: - Deadlines
    case deadlineBeforePrerequisite(task: String, date: CalendarDate, prerequisite: String, prerequisiteDate: CalendarDate)
    case deadlineOutsideCalendar(date: CalendarDate, first: CalendarDate, last: CalendarDate)
    case deadlineInHoliday(date: CalendarDate, period: String)
    /// A deadline on a Saturday, a Sunday or a public holiday (`day` says which), with the nearest working day.
    case deadlineOnClosedDay(date: CalendarDate, day: ClosedDay, nearest: CalendarDate?)
    case dateOutOfRange(String)

    // MARK: - Permissions and coverage
    case forbidKillsTask(actor: String, action: String, task: String)
    case forbidCarvesTask(actor: String, action: String, task: String, objects: ObjectSet)
    case coverageGap(action: String, objects: ObjectSet)
    case overlap(action: String, first: String, second: String, objects: ObjectSet)

    // MARK: - Absences and separation of duties
    case unknownDelegatedTask(String)
    case deputyWindowReversed(from: CalendarDate, to: CalendarDate)
    case deputyIsDeputised(String)
    case subDelegation(deputy: String, deputised: String, next: String)
    case deputyOutsideCalendar(from: CalendarDate, to: CalendarDate, first: CalendarDate, last: CalendarDate)
    case deputyForbidden(deputy: String, action: String)
    case overlappingDeputies(deputised: String, first: String, second: String)
    case deputyDelegatesNothing(deputised: String)
    case incompatibleActorsShareAPerson(person: String, first: String, second: String)
    case incompatibleLettersInTask(actor: String, task: String, first: Letter, second: Letter)
    case incompatibleActionsInTask(actor: String, task: String, first: String, second: String)
    case incompatibilityMixesKinds(first: String, firstKind: IncompatibleSort, second: String, secondKind: IncompatibleSort)
    case deputyIncompatible(deputy: String, deputised: String)

    // MARK: - Models and adaptations
    /// Académie models and school adaptations (Message+Models).
    case model(ModelMessage)
    // MARK: - Action scopes and approvals (version 2)
    /// `action a si …` without `sur TYPE`.
    case scopeWithoutObject(action: String)
    /// `objet t cle k` where `k` is not an attribute of `t`.
    case keyNotAnAttribute(type: String, key: String)
    /// `exige` between actions on different object types (nil: no object).
    case requirementTypesDiffer(action: String, actionType: String?, prior: String, priorType: String?)
    /// `exige` on a type without `cle`.
    case requirementWithoutKey(type: String)
    /// `exige` without `par`, and no task of the action has an approbateur.
    case requirementWithoutApprover(action: String)
    /// A task's or rule's condition meets no object of the action's scope (`rule`: « la tâche « t » »…).
    case conditionOutsideScope(action: String, rule: ScopedRule)
    /// An action's scope holds no object.
    case emptyScope(action: String)
    // MARK: - Thresholds of the balance of roles
    case unknownThreshold(String)
    case thresholdOutOfRange(name: String, value: String)
    case duplicateThreshold(String)

    /// The stable code of the message.
    public var code: DiagnosticCode {
        switch self {
        case .unexpectedCharacter, .unknownEscape: .E001
        case .unterminatedString: .E002
        case .impossibleDate, .malformedDate, .dateOutOfRange: .E003
        case .malformedNumber, .numberOverflow, .tooManyDecimals: .E004
        case .ambiguousNumber: .E006
        case .invalidUTF8: .E005
        case .unexpectedToken, .reservedWord, .unknownDeclaration: .E010
        case .unclosedBlock: .E011
        case .nestingTooDeep: .E012
        case .fileTooLarge, .inputTooLarge, .lineTooLong, .queryTooLong, .conditionTooLong, .tooManyDiagnostics,
             .tooManyAttributes, .tooManyValues, .tooManyCalendarEntries: .E013
        case .unknownActor: .E100
        case .duplicate, .duplicateBlock: .E101
        case .unknownPrerequisite: .E102
        case .unknownAction: .E103
        case .unknownEvent: .E104
        case .unknownObjectType: .E105
        case .unknownAttribute, .unknownValue, .actionWithoutObject: .E106
        case .unknownCalendarName, .noCalendar: .E107
        case .unknownZone, .officialCalendarUnavailable, .officialCalendarNeedsYear: .E108
        case .typeMismatch, .notACondition, .orderingNeedsNumberOrDate: .E200
        case .whenWithoutDelay, .delayWithoutWhen: .E202
        case .noResponsable: .E300
        case .severalApprovers: .W301
        case .unusedActor: .W302
        case .emptyStep: .W303
        case .twoLetters: .W304
        case .cycle: .E305
        case .deadlineBeforePrerequisite: .E400
        case .deadlineOutsideCalendar: .W401
        case .deadlineInHoliday: .W402
        case .deadlineOnClosedDay: .W403
        case .forbidKillsTask: .E500
        case .coverageGap: .W501
        case .overlap: .W502
        case .forbidCarvesTask: .W503
        case .mixedScripts: .W600
        case .bidiControl, .bidiControlInComment: .W601
        case .controlCharacter, .controlCharacterInComment: .W602
        case .confusableName: .W603
        case .unknownDelegatedTask: .E120
        case .deputyWindowReversed: .E121
        case .deputyIsDeputised: .E122
        case .subDelegation: .E123
        case .deputyOutsideCalendar: .W310
        case .deputyForbidden: .W311
        case .overlappingDeputies: .W312
        case .deputyDelegatesNothing: .W313
        case .incompatibleActorsShareAPerson: .E320
        case .incompatibleLettersInTask: .E321
        case .incompatibleActionsInTask: .E322
        case .incompatibilityMixesKinds: .E323
        case .deputyIncompatible: .E324
        case .model(let message): message.code
        case .scopeWithoutObject: .E110
        case .keyNotAnAttribute: .E205
        case .requirementTypesDiffer: .E206
        case .requirementWithoutKey: .E207
        case .requirementWithoutApprover: .E208
        case .conditionOutsideScope: .W504
        case .emptyScope: .W505
        case .unknownThreshold: .E330
        case .thresholdOutOfRange: .E331
        case .duplicateThreshold: .E332
        }
    }

    /// The one-line message.
    public var text: String {
        switch self {
        case .unexpectedCharacter(let c): "caractère inattendu « \(Message.visible(c)) »"
        case .unknownEscape(let e): "séquence d'échappement inconnue « \(Message.visible(e)) »"
        case .unterminatedString: "chaîne non terminée"
        case .impossibleDate(let d): "date impossible « \(d) »"
        case .malformedDate(let d): "date mal formée « \(d) »"
        case .dateOutOfRange(let d): "date hors des limites du calendrier grégorien utilisable « \(d) »"
        case .malformedNumber(let n): "nombre mal formé « \(n) »"
        case .numberOverflow(let n): "nombre trop grand « \(n) »"
        case .ambiguousNumber(let n): "nombre ambigu « \(n) » : le point sépare-t-il les milliers ou les décimales ?"
        case .tooManyDecimals(let n): "montant plus précis que le centime « \(n) »"
        case .invalidUTF8(let offset): "UTF-8 invalide à l'octet \(offset)"
        case .bidiControl(let name): "caractère de contrôle bidirectionnel \(name) dans une chaîne"
        case .bidiControlInComment(let name): "caractère de contrôle bidirectionnel \(name) dans un commentaire"
        case .controlCharacter(let name): "caractère de contrôle \(name) dans une chaîne"
        case .controlCharacterInComment(let name): "caractère de contrôle \(name) dans un commentaire"
        case .confusableName(let name, let lookalike, let scripts):
            "l'identifiant « \(name) » (\(scripts.map(\.french).joined(separator: ", "))) se confond à l'œil avec « \(lookalike) »"
        case .mixedScripts(let name, let scripts):
            "l'identifiant « \(name) » mêle plusieurs écritures (\(scripts.map(\.french).joined(separator: ", ")))"
        case .unexpectedToken(let expected, let found): "attendu : \(expected.french) ; trouvé : \(found.french)"
        case .reservedWord(let word): "« \(word) » est un mot réservé et ne peut pas servir de nom"
        case .unclosedBlock(let block, let name): "bloc non fermé : « } » attendu pour fermer \(block.french) « \(name) »"
        case .nestingTooDeep(let limit): "imbrication trop profonde (plus de \(limit) niveaux)"
        case .fileTooLarge(let size, let limit): "fichier trop grand (\(size) octets, limite \(limit))"
        case .inputTooLarge(let limit): "fichier trop grand (plus de \(limit) octets)"
        case .lineTooLong(let length, let limit): "ligne trop longue (\(length) octets, limite \(limit))"
        case .queryTooLong(let length, let limit): "requête trop longue (\(length) octets, limite \(limit))"
        case .conditionTooLong(let limit): "condition trop longue (plus de \(limit) opérateurs « et » ou « ou »)"
        case .tooManyAttributes(let type, let limit): "trop d'attributs dans le type « \(type) » (limite \(limit))"
        case .tooManyValues(let attribute, let limit): "trop de valeurs pour l'attribut « \(attribute) » (limite \(limit))"
        case .tooManyCalendarEntries(let limit): "trop de dates et de périodes dans le calendrier (limite \(limit))"
        case .tooManyDiagnostics(let errors, let warnings, let limit):
            "trop de problèmes : \(Message.counted(errors + warnings, "autre diagnostic", "autres diagnostics")) "
                + "(\(Message.counted(errors, "erreur", "erreurs")), \(Message.counted(warnings, "avertissement", "avertissements"))) "
                + "non détaillés (limite \(limit) par phase de la vérification)"
        case .unknownActor(let n): "acteur inconnu « \(n) »"
        case .unknownDeclaration(let n): "aucune déclaration ne s'appelle « \(n) » (acteur, objet, action, événement, étape ou tâche)"
        case .duplicate(let n, let kind): "« \(n) » est déjà déclaré (\(kind.french))"
        case .duplicateBlock(let keyword, let kind): "« \(keyword.spelling) » est déjà déclaré (\(kind.french))"
        case .unknownPrerequisite(let n, let expected): "\(expected.french) inconnue « \(n) » dans « apres »"
        case .unknownAction(let n): "action inconnue « \(n) »"
        case .unknownEvent(let n): "événement inconnu « \(n) »"
        case .unknownObjectType(let n): "type d'objet inconnu « \(n) »"
        case .unknownAttribute(let n, let type): "attribut inconnu « \(n) » pour le type « \(type) »"
        case .unknownValue(let n, let attribute): "valeur inconnue « \(n) » pour l'attribut « \(attribute) »"
        case .actionWithoutObject(let action): "l'action « \(action) » ne porte sur aucun objet : elle n'admet pas de condition"
        case .unknownCalendarName(let n): "nom de calendrier inconnu « \(n) »"
        case .noCalendar(let n): "date relative « \(n) » sans calendrier"
        case .unknownZone(let z): "zone de calendrier scolaire inconnue « \(z) »"
        case .officialCalendarUnavailable(let zone, let year, _):
            "aucun calendrier scolaire officiel publié n'est connu pour la zone \(zone) en \(year)"
        case .officialCalendarNeedsYear(let label):
            label.map { "« zone » demande l'année scolaire du calendrier, écrite AAAA-AAAA (trouvé « \($0) »)" }
                ?? "« zone » demande l'année scolaire du calendrier, écrite AAAA-AAAA"
        case .typeMismatch(let expected, let found): "types incompatibles : \(expected.french) attendu, trouvé \(found.french)"
        case .notACondition(let value): "« \(value.quotable) » n'est pas une condition"
        case .orderingNeedsNumberOrDate(let type): "« < <= > >= » ne comparent que des nombres ou des dates, pas \(type.description)"
        case .whenWithoutDelay(let task): "la tâche « \(task) » a « quand » sans « delai »"
        case .delayWithoutWhen(let task): "la tâche « \(task) » a « delai » sans « quand »"
        case .noResponsable(let task): "la tâche « \(task) » n'a pas de responsable"
        case .severalApprovers(let task): "la tâche « \(task) » a plusieurs approbateurs"
        case .unusedActor(let n): "l'acteur « \(n) » est déclaré mais jamais utilisé"
        case .emptyStep(let n): "l'étape « \(n) » n'a aucune tâche"
        case .twoLetters(let actor, let first, let second): "« \(actor) » tient plusieurs lettres dans la même tâche (\(first.rawValue) et \(second.rawValue))"
        case .cycle(let path): "cycle de dépendances : \(path)"
        case .deadlineBeforePrerequisite(let task, let date, let prerequisite, let prerequisiteDate):
            "l'échéance de « \(task) » (\(date)) précède celle de son prérequis « \(prerequisite) » (\(prerequisiteDate))"
        case .deadlineOutsideCalendar(let date, let first, let last):
            "échéance \(date) hors du calendrier (du \(first) au \(last))"
        case .deadlineInHoliday(let date, let period): "échéance \(date) pendant « \(period) »"
        case .deadlineOnClosedDay(let date, let day, _): "échéance \(date) \(day.french)"
        case .forbidKillsTask(let actor, let action, let task):
            "cette interdiction empêche « \(actor) » de faire « \(action) » sur tous les objets de la tâche « \(task) »"
        case .forbidCarvesTask(let actor, let action, let task, let objects):
            "cette interdiction retire à « \(actor) » l'action « \(action) » de la tâche « \(task) » pour \(objects.french)"
        case .coverageGap(let action, let objects): "l'action « \(action) » n'a pas de responsable pour \(objects.french)"
        case .overlap(let action, let first, let second, let objects):
            "les tâches « \(first) » et « \(second) » ont des responsables différents pour « \(action) » sur \(objects.french)"
        case .unknownDelegatedTask(let n): "tâche inconnue « \(n) » dans la suppléance"
        case .deputyWindowReversed(let from, let to): "la suppléance finit le \(to), avant de commencer le \(from)"
        case .deputyIsDeputised(let n): "« \(n) » ne peut pas être son propre suppléant"
        case .subDelegation(let deputy, let deputised, let next):
            "« \(deputy) » supplée « \(deputised) » et se fait lui-même suppléer par « \(next) » pendant la même période"
        case .deputyOutsideCalendar(let from, let to, let first, let last):
            "suppléance du \(from) au \(to) en dehors du calendrier (du \(first) au \(last))"
        case .deputyForbidden(let deputy, let action):
            "une interdiction empêche le suppléant « \(deputy) » de faire « \(action) », qui lui est délégué"
        case .overlappingDeputies(let deputised, let first, let second):
            "« \(deputised) » a deux suppléants en même temps pour le même travail (« \(first) » et « \(second) »)"
        case .deputyDelegatesNothing(let deputised):
            "cette suppléance ne délègue rien : « \(deputised) » n'est responsable ni aide des tâches visées"
        case .incompatibleActorsShareAPerson(let person, let first, let second):
            "« \(person) » est à la fois « \(first) » et « \(second) », déclarés incompatibles"
        case .incompatibleLettersInTask(let actor, let task, let first, let second):
            "« \(actor) » est à la fois \(first.spokenName) et \(second.spokenName) de la tâche « \(task) », déclarés incompatibles"
        case .incompatibleActionsInTask(let actor, let task, let first, let second):
            "« \(actor) » fait à la fois « \(first) » et « \(second) » dans la tâche « \(task) », actions déclarées incompatibles"
        case .incompatibilityMixesKinds(let first, let firstKind, let second, let secondKind):
            "« incompatibles » relie deux acteurs, deux actions ou deux lettres : « \(first) » est \(firstKind.french), « \(second) » est \(secondKind.french)"
        case .deputyIncompatible(let deputy, let deputised):
            "« \(deputy) » ne peut pas suppléer « \(deputised) » : les deux sont déclarés incompatibles"
        case .model(let message): message.text
        case .scopeWithoutObject(let action):
            "l'action « \(action) » a une portée (« si … ») mais pas de type d'objet (« sur … »)"
        case .keyNotAnAttribute(let type, let key):
            "« \(key) » n'est pas un attribut de « \(type) » : il ne peut pas en être la clé"
        case .requirementTypesDiffer(let action, let actionType, let prior, let priorType):
            "« exige » relie deux actions sur le même type d'objet : « \(action) » porte sur "
                + (actionType.map { "« \($0) »" } ?? "aucun objet") + ", « \(prior) » sur " + (priorType.map { "« \($0) »" } ?? "aucun objet")
        case .requirementWithoutKey(let type):
            "le type « \(type) » n'a pas de clé : rien ne dit quelles lignes du journal concernent le même objet"
        case .requirementWithoutApprover(let action):
            "« exige » sans « par » : aucune tâche qui fait « \(action) » n'a d'approbateur"
        case .conditionOutsideScope(let action, let rule):
            "\(rule.french) ne s'applique à aucun objet de la portée de l'action « \(action) »"
        case .emptyScope(let action):
            "la portée de l'action « \(action) » ne contient aucun objet : l'action est toujours refusée"
        case .unknownThreshold(let name): "seuil inconnu « \(name) »"
        case .thresholdOutOfRange(let name, let value): "le seuil « \(name) » vaut \(value) : il doit être un nombre entier de 1 à 999"
        case .duplicateThreshold(let name): "le seuil « \(name) » est donné deux fois"
        }
    }

    /// The short label written under the underlined span.
    public var label: String? {
        switch self {
        case .unknownActor, .unknownAction, .unknownEvent, .unknownObjectType, .unknownPrerequisite, .unknownDeclaration:
            "n'est déclaré nulle part"
        case .unknownAttribute: "attribut inconnu"
        case .unknownValue: "valeur inconnue"
        case .unknownCalendarName: "absent du calendrier"
        case .duplicate, .duplicateBlock, .duplicateThreshold: "déclaré une deuxième fois ici"
        case .unterminatedString: "la chaîne commence ici"
        case .unusedActor: "jamais utilisé"
        case .emptyStep: "aucune tâche"
        case .noResponsable: "aucun « responsable »"
        case .cycle: "le cycle passe ici"
        case .invalidUTF8: "octet invalide"
        case .unclosedBlock: "ouvert ici, jamais fermé"
        case .ambiguousNumber: "milliers ou décimales ?"
        case .model(let message): message.label
        case .controlCharacter, .controlCharacterInComment: "caractère invisible"
        case .confusableName(_, let lookalike, _): "se lit « \(lookalike) »"
        default: nil
        }
    }

    /// A fixed help line, when the message implies one.
    public var help: String? {
        switch self {
        case .unterminatedString: "fermez la chaîne par « \" » sur la même ligne (utilisez \\n pour un retour à la ligne)"
        case .unknownEscape: "les échappements permis sont \\\", \\\\, \\n et \\t"
        case .impossibleDate(let d) where d.contains("/"), .malformedDate(let d) where d.contains("/"):
            "une date s'écrit JJ/MM/AAAA (ou AAAA-MM-JJ) et doit exister dans le calendrier"
        case .impossibleDate, .malformedDate: "une date s'écrit AAAA-MM-JJ et doit exister dans le calendrier"
        case .malformedNumber: "séparez le nombre de l'unité par une espace, par exemple « 3 jours »"
        case .numberOverflow: "les nombres sont limités à 9223372036854775807"
        case .ambiguousNumber: "écrivez les milliers avec une espace et les décimales avec une virgule : 4 000,00 ou 4 000,00 €"
        case .tooManyDecimals: "un montant en euros a au plus deux décimales : 1 800,50 €"
        case .invalidUTF8: "enregistrez le fichier en UTF-8"
        case .reservedWord: "choisissez un autre nom (mots réservés : et, ou, non, dans, vrai, faux, tous, si, sur)"
        case .nestingTooDeep: "simplifiez la condition"
        case .noCalendar: "déclarez un bloc « calendrier » ou écrivez une date AAAA-MM-JJ"
        case .whenWithoutDelay: "ajoutez « delai N jours » pour dire dans quel délai chaque événement doit être traité"
        case .delayWithoutWhen: "ajoutez « quand EVENEMENT » pour dire ce qui déclenche la tâche"
        case .noResponsable: "ajoutez une clause « responsable ACTEUR »"
        case .severalApprovers: "une tâche n'a en principe qu'un approbateur (le A de RACI)"
        case .unusedActor: "utilisez-le dans une tâche ou une permission, ou supprimez sa déclaration"
        case .emptyStep: "ajoutez une tâche ou supprimez l'étape"
        case .twoLetters: "gardez la lettre la plus forte (R, puis A, S, C, I)"
        case .cycle: "retirez l'un des « apres » du cycle"
        case .deadlineInHoliday: "choisissez une date hors vacances"
        case .deadlineOnClosedDay(_, _, let nearest?): "le jour ouvré le plus proche est le \(DateText.long(nearest)) (\(nearest))"
        case .deadlineOnClosedDay: "choisissez un jour ouvré"
        case .unknownZone: "les zones sont A, B, C et Corse"
        case .officialCalendarUnavailable(_, _, let available):
            "écrivez vous-même les dates de l'année dans le calendrier (rentree, vacances…) ; calendriers intégrés : \(available.map(\.french).joined(separator: " ; "))"
        case .officialCalendarNeedsYear: "écrivez par exemple calendrier \"2026-2027\" { zone B }"
        case .forbidKillsTask: "restreignez l'interdiction par « si », ou retirez cet acteur de la tâche"
        case .forbidCarvesTask: "vérifiez que cette exception est voulue"
        case .coverageGap: "ajoutez une tâche qui couvre ces objets, ou élargissez une condition"
        case .overlap: "rendez les conditions exclusives, ou donnez aux deux tâches les mêmes responsables"
        case .mixedScripts: "un caractère d'une autre écriture ressemble à une lettre latine : retapez le nom"
        case .bidiControl, .bidiControlInComment: "retirez ce caractère invisible, qui peut changer l'ordre d'affichage du texte"
        case .controlCharacter, .controlCharacterInComment:
            "retirez ce caractère invisible : sur un terminal, il peut effacer ou réécrire ce qui est affiché"
        case .confusableName(_, let lookalike, _): "retapez le nom en lettres latines, ou choisissez un nom bien distinct de « \(lookalike) »"
        case .fileTooLarge, .inputTooLarge: "la limite se change avec --taille-max"
        case .queryTooLong: "une requête pose une seule question : raccourcissez-la"
        case .lineTooLong: "coupez la ligne : les retours à la ligne ne changent pas le sens d'une charte"
        case .conditionTooLong: "découpez la règle en plusieurs règles, ou utilisez « dans [a, b, …] »"
        case .tooManyAttributes, .tooManyValues, .tooManyCalendarEntries: "une charte en compte bien moins : le fichier a-t-il été produit par erreur ?"
        case .tooManyDiagnostics: "corrigez les premières erreurs et relancez ; le fichier est peut-être d'un autre format"
        case .orderingNeedsNumberOrDate: "utilisez « == », « != » ou « dans [...] »"
        case .deputyWindowReversed: "écrivez d'abord le premier jour de l'absence : « du DEBUT au FIN »"
        case .deputyIsDeputised: "nommez après « par » l'acteur qui remplace l'absent"
        case .subDelegation: "une suppléance ne se délègue pas : faites suppléer directement l'absent par le dernier acteur"
        case .deputyOutsideCalendar: "vérifiez les dates de l'absence, ou étendez le calendrier"
        case .deputyForbidden: "restreignez la suppléance par « action … si … », ou choisissez un autre suppléant"
        case .overlappingDeputies: "séparez les périodes, ou partagez le travail par « tache » ou « action … si … »"
        case .deputyDelegatesNothing: "nommez les tâches ou les actions déléguées, ou retirez la suppléance"
        case .incompatibleActorsShareAPerson: "confiez l'un des deux rôles à une autre personne"
        case .incompatibleLettersInTask, .incompatibleActionsInTask: "confiez l'une des deux lettres ou l'une des deux actions à un autre acteur"
        case .incompatibilityMixesKinds: "écrivez une déclaration « incompatibles » par paire de même sorte"
        case .deputyIncompatible: "choisissez un autre suppléant"
        case .model(let message): message.help
        case .scopeWithoutObject: "écrivez « sur TYPE » avant « si », ou retirez la condition"
        case .keyNotAnAttribute: "nommez comme clé un attribut déclaré dans le bloc de l'objet"
        case .requirementTypesDiffer: "faites porter les deux actions sur le même type d'objet"
        case .requirementWithoutKey(let type): "déclarez sa clé, par exemple : objet \(type) cle numero { numero: texte … }"
        case .requirementWithoutApprover: "nommez l'acteur (« par proviseur ») ou donnez un approbateur à la tâche"
        case .conditionOutsideScope: "élargissez la portée de l'action, ou corrigez la condition"
        case .emptyScope: "corrigez la condition de la portée (« si … » après « sur »)"
        case .unknownThreshold: "les seuils possibles sont consultes_max et taches_par_mois_max"
        case .thresholdOutOfRange: "donnez un nombre de 1 à 999, ou retirez la ligne pour garder la valeur par défaut"
        case .duplicateThreshold: "gardez une seule ligne pour ce seuil"
        default: nil
        }
    }
}

/// The catalogue of note texts attached to diagnostics.
public enum NoteMessage: Sendable, Hashable {
    case firstDeclaredHere
    case firstLetterHere(String)
    case blockOpenedHere
    case prerequisiteDeadline(CalendarDate)
    case periodDeclaredHere(String)
    case forbidAppliesHere
    case taskCoversHere(String)
    case attributeDeclaredHere(String)
    case expectedValues([String])
    case calendarSpan(first: String, last: String)
    case personIsRole(String)
    case andMore(Int)
    case deputyDeclaredHere(String)
    case incompatibilityDeclaredHere
    /// Notes of model diagnostics (Message+Models).
    case model(ModelNote)
    case lookAlikeDeclaredHere(String)
    case scopeDeclaredHere
    case requirementDeclaredHere

    /// The note's text.
    public var text: String {
        switch self {
        case .firstDeclaredHere: "première déclaration ici"
        case .firstLetterHere(let letter): "déjà \(letter) ici"
        case .blockOpenedHere: "bloc ouvert ici"
        case .prerequisiteDeadline(let date): "échéance du prérequis : \(date)"
        case .periodDeclaredHere(let name): "période « \(name) » déclarée ici"
        case .forbidAppliesHere: "l'interdiction porte sur cette tâche"
        case .taskCoversHere(let task): "tâche « \(task) »"
        case .attributeDeclaredHere(let name): "attribut « \(name) » déclaré ici"
        case .expectedValues(let values): "valeurs possibles : \(values.joined(separator: ", "))"
        case .calendarSpan(let first, let last): "le calendrier va du \(first) au \(last)"
        case .personIsRole(let role): "personne du rôle « \(role) »"
        case .andMore(let count): "… et \(count) autres"
        case .deputyDeclaredHere(let deputy): "suppléance par « \(deputy) » déclarée ici"
        case .incompatibilityDeclaredHere: "incompatibilité déclarée ici"
        case .model(let note): note.text
        case .lookAlikeDeclaredHere(let name): "« \(name) » déclaré ici"
        case .scopeDeclaredHere: "portée de l'action déclarée ici"
        case .requirementDeclaredHere: "exigence déclarée ici"
        }
    }
}

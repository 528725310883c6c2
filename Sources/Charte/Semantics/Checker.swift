/// Resolves a syntax tree into a checked `Charter`, collecting every semantic diagnostic.
///
/// Passes: declare every name (so order does not matter), resolve references and type
/// conditions, then run the whole-charter checks (roles, cycles, deadlines, coverage).
public struct Checker {
    var charter: Charter
    var diagnostics: [Diagnostic] = []
    /// Actors referenced outside tests (for W302).
    var usedActors = IndexSet()
    /// The actor names of each task's letter clauses, as resolved, for the role checks: a
    /// range of `roleNames` per task (by index), so `checkRoles` needs no second look-up.
    var roleNames: [RoleName] = []
    var roleNameRanges: [Range<Int>] = []
    /// Tasks with a `responsable` clause (even one naming no declared actor).
    var tasksWithResponsableClause = IndexSet()
    /// Actors offered as "vouliez-vous dire" for an unknown actor: probably meant, so not reported unused.
    var suggestedActors = Set<String>()
    /// Actions with a rule whose condition did not type: not analysed for coverage.
    var damagedActions = Set<Int>()
    /// Work left for "vouliez-vous dire" suggestions.
    var suggestionBudget = SuggestionBudget()
    /// Counts the diagnostics beyond the phase's share (see `DiagnosticCap`).
    var cap = DiagnosticCap()
    /// What each step declaration of the tree became, in tree order: its step index, or nil
    /// for a duplicate; and the same for the tasks of the declared steps. The resolving pass
    /// walks the tree in the same order, without looking each name up again.
    var declaredSteps: [Int?] = []
    var declaredActions: [Int?] = []
    var declaredTasks: [Int?] = []
    /// The tasks resolved from their declaration (not duplicates).
    var resolvedTasks = IndexSet()
    /// The syntax of each checked step (by index), for precise spans in later checks.
    var stepDecls: [StepDecl?] = []
    /// Looks names up and words the unknown ones, as the queries do.
    var names = NameResolver()
    /// The typer of the tasks' and rules' conditions, made on first use after the object
    /// types are resolved (see `typingView`).
    var conditionTyper: Typer?
    /// The file's syntax.
    var tree: SyntaxTree
    /// The calendar and establishment declared so far (a second one is a duplicate).
    var calendarSpan: Span?
    var establishmentSpan: Span?
    /// What the parser could not read: names to stay quiet about, and where errors were.
    var damage: SyntaxDamage
    /// The declared names with a non-ASCII letter, in file order (for W603).
    var nonASCIINames: [Name] = []

    /// Checks a parsed file; `damage` tells which parts had syntax errors, to avoid follow-on diagnostics.
    public static func check(_ tree: SyntaxTree, damage: SyntaxDamage = SyntaxDamage()) -> (charter: Charter, diagnostics: [Diagnostic]) {
        var checker = Checker(charter: Charter(file: tree.file), tree: tree, damage: damage)
        checker.run()
        checker.cap.enforce(on: &checker.diagnostics)
        checker.cap.close(&checker.diagnostics)
        return (checker.charter, checker.diagnostics)
    }

    mutating func report(_ message: Message, at span: Span, notes: [Note] = [], candidates: [Candidate] = []) {
        cap.append(Diagnostic(message, at: span, notes: notes, candidates: candidates), to: &diagnostics)
    }

    mutating func run() {
        declareAll()
        resolveAll()
        checkTasks()
        resolveAndCheckAbsences()
        resolveScopesAndRequirements()
        checkThresholds()
        // Whole-charter analyses would only echo the syntax errors of a damaged file.
        if !damage.hasErrors {
            checkScopes()
            checkUsage()
            Coverage.analyse(charter, skipping: damagedActions, into: &diagnostics)
        }
    }

    /// The checks over the resolved tasks: letters, cycles, deadlines.
    mutating func checkTasks() {
        checkRoles()
        checkCycles()
        checkDeadlines()
    }

    // MARK: - Pass 1: declarations

    mutating func declare(_ name: Name, as symbol: Symbol) -> Bool {
        // One look-up for the common case, a new name; a duplicate puts the first symbol back.
        if let first = charter.symbols.updateValue(symbol, forKey: name.text) {
            charter.symbols[name.text] = first
            let firstSpan = charter.declarationSpan(of: first) ?? name.span
            report(.duplicate(name: name.text, kind: first.kind), at: name.span, notes: [Note(.firstDeclaredHere, at: firstSpan)])
            return false
        }
        charter.nameSpans.record(symbol, at: name.span)
        if name.text.utf8.contains(where: { $0 >= 0x80 }) { nonASCIINames.append(name) }
        return true
    }

    /// Sizes the tables for the names about to be declared, so they never grow (rehashing every key).
    mutating func reserveForDeclarations(_ declarations: [Declaration]) {
        var names = 0, tasks = 0, steps = 0
        for declaration in declarations {
            switch declaration {
            case .step(let decl):
                names += 1 + decl.tasks.count
                tasks += decl.tasks.count
                steps += 1
            case .actor, .object, .action, .event:
                names += 1
            case .establishment, .calendar, .permission, .test, .deputy, .incompatibility, .adaptation, .requirement, .thresholds:
                break
            }
        }
        declaredSteps.reserveCapacity(steps)
        declaredTasks.reserveCapacity(tasks)
        charter.symbols.reserveCapacity(names)
        charter.tasks.reserveCapacity(tasks)
        charter.steps.reserveCapacity(steps)
    }

    mutating func declareAll() {
        reserveForDeclarations(tree.declarations)
        declare(tree.declarations)
        finishDeclaring()
        checkConfusables()
    }

    /// Declares the names of the declarations, in file order.
    mutating func declare(_ declarations: [Declaration]) {
        for declaration in declarations {
            switch declaration {
            case .establishment(let decl):
                if let first = establishmentSpan {
                    report(.duplicateBlock(.etablissement, kind: .establishment), at: decl.span, notes: [Note(.firstDeclaredHere, at: first)])
                    continue
                }
                establishmentSpan = decl.span
                charter.establishment = Establishment(name: decl.label.value, metadata: decl.metadata.map { ($0.key.text, $0.value.value) })
            case .calendar(let decl):
                if let first = calendarSpan {
                    report(.duplicateBlock(.calendrier, kind: .calendar), at: decl.span, notes: [Note(.firstDeclaredHere, at: first)])
                    continue
                }
                calendarSpan = decl.span
                declareCalendar(decl)
            case .actor(let decl):
                guard declare(decl.name, as: .actor(charter.actors.count)) else { continue }
                charter.actors.append(Actor(id: decl.name.text, kind: decl.kind, label: decl.label?.value,
                                            persons: decl.persons.map(\.value), members: [], span: decl.span, nameSpan: decl.name.span))
            case .object(let decl):
                guard declare(decl.name, as: .objectType(charter.objectTypes.count)) else { continue }
                charter.objectTypes.append(declareObject(decl))
            case .action(let decl):
                guard declare(decl.name, as: .action(charter.actions.count)) else {
                    declaredActions.append(nil)
                    continue
                }
                declaredActions.append(charter.actions.count)
                charter.actions.append(Action(id: decl.name.text, label: decl.label?.value, objectType: nil, span: decl.span))
            case .event(let decl):
                guard declare(decl.name, as: .event(charter.events.count)) else { continue }
                charter.events.append(Event(id: decl.name.text, label: decl.label?.value, objectType: nil, span: decl.span))
            case .step(let decl):
                let stepIndex = charter.steps.count
                guard declare(decl.name, as: .step(stepIndex)) else {
                    declaredSteps.append(nil)
                    continue
                }
                declaredSteps.append(stepIndex)
                var step = Step(id: decl.name.text, label: decl.label?.value, after: [], tasks: [], span: decl.span)
                for task in decl.tasks {
                    guard declare(task.name, as: .task(charter.tasks.count)) else {
                        declaredTasks.append(nil)
                        continue
                    }
                    declaredTasks.append(charter.tasks.count)
                    step.tasks.append(charter.tasks.count)
                    charter.tasks.append(CharterTask(id: task.name.text, label: task.label?.value, step: stepIndex,
                                                     span: task.span, nameSpan: task.name.span))
                }
                charter.steps.append(step)
            case .permission, .test, .deputy, .incompatibility, .adaptation, .requirement, .thresholds:
                break
            }
        }
    }

    /// What needs every actor declared: the actors each person acts as.
    mutating func finishDeclaring() {
        for (index, actor) in charter.actors.enumerated() {
            for person in actor.persons where !(charter.persons[person]?.contains(index) ?? false) {
                charter.persons[person, default: []].append(index)
            }
        }
    }

    mutating func declareCalendar(_ decl: CalendarDecl) {
        var calendar = SchoolCalendar(label: decl.label?.value)
        if let zone = decl.zone { addOfficialDates(zone: zone, year: decl.label?.value, to: &calendar) }
        for entry in decl.entries {
            if calendar.entries.count == Checker.maximumCalendarEntries {
                report(.tooManyCalendarEntries(limit: Checker.maximumCalendarEntries), at: entry.name.span)
                break
            }
            if let existing = calendar.index[entry.name.text], !calendar.entries[existing].isOfficial {
                report(.duplicate(name: entry.name.text, kind: .calendarName), at: entry.name.span,
                       notes: [Note(.firstDeclaredHere, at: calendar.entries[existing].span)])
                continue
            }
            guard let start = entry.start, !entry.isPeriod || entry.end != nil else { continue }
            var end = entry.end
            if let last = end, last < start {
                report(.typeMismatch(expected: .periodEnd(after: start), found: .date(last)), at: entry.span)
                end = nil
            }
            let written = SchoolCalendar.Entry(name: entry.name.text, start: start, end: end, span: entry.name.span, label: entry.label?.value)
            if let existing = calendar.index[entry.name.text] {
                // A date the charter writes overrides the official one of the same name (and keeps its label).
                var replaced = written
                if replaced.label == nil { replaced.label = calendar.entries[existing].label }
                calendar.entries[existing] = replaced
                continue
            }
            calendar.index[entry.name.text] = calendar.entries.count
            calendar.entries.append(written)
        }
        charter.calendar = calendar
    }

    /// Fills a calendar with the official dates of a zone for a school year (`zone B`), or
    /// reports E108 when that calendar is not built in.
    mutating func addOfficialDates(zone written: Name, year: String?, to calendar: inout SchoolCalendar) {
        guard let zone = OfficialCalendars.Zone(written: written.text) else {
            let zones = OfficialCalendars.Zone.allCases.map { Candidate(name: $0.rawValue, span: nil) }
            report(.unknownZone(written.text), at: written.span, candidates: Suggestions.closest(to: written.text, among: zones))
            return
        }
        guard let year, Checker.isSchoolYear(year) else {
            report(.officialCalendarNeedsYear(year), at: written.span)
            return
        }
        guard case .entries(let rows) = OfficialCalendars.lookup(zone: zone, year: year) else {
            let available = OfficialCalendars.years.map { year in
                OfficialYear(year: year, zones: (OfficialCalendars.zonesByYear[year] ?? []).map(\.rawValue))
            }
            report(.officialCalendarUnavailable(zone: zone.rawValue, year: year, available: available), at: written.span)
            return
        }
        calendar.zone = zone.rawValue
        for row in rows {
            calendar.index[row.name] = calendar.entries.count
            calendar.entries.append(SchoolCalendar.Entry(name: row.name, start: row.start, end: row.end, span: written.span,
                                                         label: row.label, isOfficial: true))
        }
    }

    /// Whether a calendar label is a school year `AAAA-AAAA` whose second year follows the first.
    static func isSchoolYear(_ label: String) -> Bool {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) }),
              let first = Int(parts[0]), let second = Int(parts[1]) else { return false }
        return second == first + 1
    }

    mutating func declareObject(_ decl: ObjectDecl) -> ObjectType {
        var attributes: [Attribute] = []
        for attribute in decl.attributes {
            if attributes.count == Checker.maximumAttributes {
                report(.tooManyAttributes(type: decl.name.text, limit: Checker.maximumAttributes), at: attribute.name.span)
                break
            }
            if let first = attributes.first(where: { $0.name == attribute.name.text }) {
                report(.duplicate(name: attribute.name.text, kind: .attribute(of: decl.name.text)), at: attribute.name.span,
                       notes: [Note(.firstDeclaredHere, at: first.span)])
                continue
            }
            let type: ValueType
            switch attribute.type {
            case .enumeration(let values):
                var seen: [String: Span] = [:]
                var kept: [String] = []
                for value in values {
                    if kept.count == Checker.maximumAttributes {
                        report(.tooManyValues(attribute: attribute.name.text, limit: Checker.maximumAttributes), at: value.span)
                        break
                    }
                    if let first = seen[value.text] {
                        report(.duplicate(name: value.text, kind: .value(of: attribute.name.text)), at: value.span,
                               notes: [Note(.firstDeclaredHere, at: first)])
                        continue
                    }
                    seen[value.text] = value.span
                    kept.append(value.text)
                }
                type = .enumeration(kept)
            case .boolean: type = .boolean
            case .text: type = .text
            case .number: type = .number
            case .date: type = .date
            case .euros: type = .euros
            }
            attributes.append(Attribute(name: attribute.name.text, type: type, span: attribute.name.span))
        }
        var type = ObjectType(id: decl.name.text, label: decl.label?.value, attributes: attributes, span: decl.span)
        if let key = decl.key {
            type.key = type.attribute(named: key.text)
            if type.key == nil {
                let close = Suggestions.closest(to: key.text, among: attributes.map { Candidate(name: $0.name, span: $0.span) })
                report(.keyNotAnAttribute(type: decl.name.text, key: key.text), at: key.span, candidates: close)
            }
        }
        return type
    }

    // MARK: - Name lookup

    /// The declared names of a kind close to `name` (at most three), within the suggestion budget.
    mutating func closest(to name: String, among kind: NameKind) -> [Candidate] {
        names.closest(to: name, among: kind, in: charter, budget: &suggestionBudget)
    }

    mutating func resolveActor(_ name: Name, countsAsUse: Bool = true) -> Int? {
        if let index = charter.actor(named: name.text) {
            if countsAsUse { usedActors.insert(index) }
            return index
        }
        if damage.names.contains(name.text) { return nil }
        let close = closest(to: name.text, among: .actor)
        suggestedActors.formUnion(close.map(\.name))
        report(.unknownActor(name.text), at: name.span, candidates: close)
        return nil
    }

    mutating func resolveActors(_ names: [Name], countsAsUse: Bool = true) -> [Int] {
        var actors: [Int] = []
        actors.reserveCapacity(names.count)
        for name in names {
            if let actor = resolveActor(name, countsAsUse: countsAsUse) { actors.append(actor) }
        }
        return actors
    }

    mutating func resolveAction(_ name: Name) -> Int? {
        if let index = charter.action(named: name.text) { return index }
        if damage.names.contains(name.text) { return nil }
        let close = closest(to: name.text, among: .action)
        report(.unknownAction(name.text), at: name.span, candidates: close)
        return nil
    }

    mutating func resolveObjectType(_ name: Name) -> Int? {
        if let index = charter.objectType(named: name.text) { return index }
        if damage.names.contains(name.text) { return nil }
        let close = closest(to: name.text, among: .objectType)
        report(.unknownObjectType(name.text), at: name.span, candidates: close)
        return nil
    }
}

/// What the lexer and parser could not read, so the checker does not echo it.
public struct SyntaxDamage: Sendable {
    /// Names whose declaration failed to parse.
    public var names: Set<String> = []
    /// Byte offsets of lexical and syntax errors, kept sorted.
    public var offsets: [Int] = [] {
        didSet { if !offsets.isSorted { offsets.sort() } }
    }

    /// Creates a damage report.
    public init(names: Set<String> = [], offsets: [Int] = []) {
        self.names = names
        self.offsets = offsets.sorted()
    }

    /// Whether there was any syntax error.
    public var hasErrors: Bool { !offsets.isEmpty }

    /// Whether an error lies inside a span (a binary search: the offsets are sorted).
    public func touches(_ span: Span) -> Bool {
        var low = 0, high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < span.start { low = middle + 1 } else { high = middle }
        }
        return low < offsets.count && offsets[low] < span.end
    }
}

extension Array where Element == Int {
    /// Whether the elements are in increasing order.
    var isSorted: Bool { indices.dropFirst().allSatisfy { self[$0 - 1] <= self[$0] } }
}

/// A set of small non-negative integers (actor indices) as a bit array: no hashing.
struct IndexSet {
    private var words: [UInt64] = []

    /// Whether the set holds no index.
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Adds every index of another set.
    mutating func formUnion(_ other: IndexSet) {
        if words.count < other.words.count { words.append(contentsOf: repeatElement(0, count: other.words.count - words.count)) }
        for (word, bits) in other.words.enumerated() { words[word] |= bits }
    }

    /// Adds an index; returns whether it was new.
    @discardableResult
    mutating func insert(_ index: Int) -> (inserted: Bool, memberAfterInsert: Int) {
        guard index >= 0 else { return (false, index) }
        let word = index >> 6, bit = UInt64(1) << UInt64(index & 63)
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        let inserted = words[word] & bit == 0
        words[word] |= bit
        return (inserted, index)
    }

    /// Whether an index is in the set.
    func contains(_ index: Int) -> Bool {
        guard index >= 0, index >> 6 < words.count else { return false }
        return words[index >> 6] & (UInt64(1) << UInt64(index & 63)) != 0
    }
}

/// One actor name of a task's letter clause, as the role checks need it (24 bytes: there
/// are several per task).
struct RoleName {
    let span: Span
    private let storedActor: Int32
    let letter: Letter

    /// The actor it names, or -1 when it names no declared actor.
    var actor: Int { Int(storedActor) }

    init(letter: Letter, actor: Int, span: Span) {
        self.letter = letter
        self.storedActor = Int32(clamping: actor)
        self.span = span
    }
}

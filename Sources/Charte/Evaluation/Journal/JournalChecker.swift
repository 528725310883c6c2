/// Checks a journal (what really happened) against a charter, at a date (spec section 8).
///
/// The journal is streamed: rows are read one at a time from the CSV reader, each distinct
/// cell is resolved once (`FieldCache`), permissions use the authorizer's fast path and only
/// rows that are not permitted are explained. What is kept per row is a few integers for events
/// and completions, so memory grows with the findings, not with the file.
public struct JournalChecker: Sendable {
    /// The charter (without errors) the journal is checked against.
    public let charter: Charter
    /// The charter's source, to give the lines of deciding rules.
    public let charterSource: SourceFile?
    /// The date of the check.
    public let date: CalendarDate
    let authorizer: Authorizer

    /// Prepares a check of journals against a charter at a date.
    public init(charter: Charter, charterSource: SourceFile?, date: CalendarDate) {
        self.charter = charter
        self.charterSource = charterSource
        self.date = date
        self.authorizer = Authorizer(charter: charter)
    }

    /// Checks a journal file, streaming it; throws when it cannot be opened or read.
    public func check(path: String, limits: Limits = .standard) throws(CSVReadError) -> JournalReport {
        var reader = try CSVReader<FileByteSource>.open(path: path, options: CSVOptions(limits: limits))
        return check(&reader)
    }

    /// Checks a journal held in memory.
    public func check(bytes: [UInt8], limits: Limits = .standard) -> JournalReport {
        do {
            var reader = try CSVReader(source: MemoryByteSource(bytes), options: CSVOptions(limits: limits))
            return check(&reader)
        } catch {
            var report = JournalReport(date: date)
            report.issues = [JournalIssue(line: 1, kind: .csv(.readFailed))]
            report.headerUsable = false
            return report
        }
    }

    /// Checks the records of a reader.
    public func check<Source: ByteChunkSource>(_ reader: inout CSVReader<Source>) -> JournalReport {
        var run = JournalRun(checker: self, dialect: reader.dialect)
        guard reader.next() else {
            run.finishWithoutHeader(issues: reader.issues)
            return run.report
        }
        let header = reader.record
        guard run.readHeader(header) else {
            run.finishWithoutHeader(issues: reader.issues)
            return run.report
        }
        while reader.next() { run.process(reader) }
        run.finish(csvIssues: reader.issues)
        return run.report
    }
}

/// The mutable state of one check.
struct JournalRun {
    /// What an `action` cell stands for.
    enum ActionCell { case action(Int), event(Int), unknown(String, [String]) }
    /// What a `tache` cell stands for.
    enum TaskCell { case task(Int), unknown(String, [String]) }
    /// What an `acteur` cell stands for.
    enum ActorCell { case actors([Int], String), unknown(String, [String]) }

    let checker: JournalChecker
    let charter: Charter
    let encoding: TextEncoding
    var report: JournalReport
    var columns = JournalColumns()
    var rowIssues: [JournalIssue] = []
    var events: [DeadlineSchedule.EventRow] = []
    var completions: [DeadlineSchedule.Completion] = []
    var roles: [RoleSummary]
    var actionCache = FieldCache<ActionCell>()
    var taskCache = FieldCache<TaskCell>()
    var actorCache = FieldCache<ActorCell>()
    /// Value caches of every attribute of every type, flattened: type `t`'s start at `valueCacheBase[t]`.
    var valueCaches: [FieldCache<JournalCell.Parsed>]
    let valueCacheBase: [Int]
    var verdicts: [VerdictKey: JournalVerdict] = [:]
    /// One reused value array per object type: filling an object allocates nothing.
    var scratch: [[Value?]]

    init(checker: JournalChecker, dialect: CSVDialect) {
        self.checker = checker
        self.charter = checker.charter
        self.encoding = dialect.encoding
        self.report = JournalReport(date: checker.date, encoding: dialect.encoding, separator: dialect.separator)
        self.roles = charter.actors.indices.map(RoleSummary.init(actor:))
        var base: [Int] = []
        var total = 0
        for type in charter.objectTypes {
            base.append(total)
            total += type.attributes.count
        }
        self.valueCacheBase = base
        self.valueCaches = Array(repeating: FieldCache(limit: 1024), count: total)
        self.scratch = charter.objectTypes.map { Array(repeating: nil, count: $0.attributes.count) }
    }

    // MARK: - Header

    mutating func readHeader(_ header: CSVRecord) -> Bool {
        let (columns, issues) = JournalColumns.read(header: header.fields, line: header.line, charter: charter)
        self.columns = columns
        rowIssues += issues
        report.headerUsable = columns.isUsable
        return columns.isUsable
    }

    mutating func finishWithoutHeader(issues: [CSVIssue]) {
        if rowIssues.isEmpty, !issues.contains(where: { !$0.isWarning }) {
            rowIssues.append(JournalIssue(line: 1, kind: .emptyJournal))
        }
        report.headerUsable = false
        report.issues = merged(csv: issues)
    }

    // MARK: - Rows

    mutating func process<Source>(_ reader: CSVReader<Source>) {
        let line = reader.currentLine
        if isBlank(reader) { return }
        report.counts.rows += 1
        if reader.count > columns.count {
            var filled = 0
            for index in 0..<reader.count where !cell(reader, index).isEmpty { filled += 1 }
            let extra = (columns.count..<reader.count).contains { !cell(reader, $0).isEmpty }
            if extra {
                skip(JournalIssue(line: line, kind: .extraFields(found: filled, expected: columns.count)))
                return
            }
        }
        guard let rowDate = readDate(reader, line: line) else { return }
        if checker.date < rowDate {
            report.counts.afterDate += 1
            return
        }
        let action = columns.action.flatMap { readAction(reader, $0) }
        let task = columns.task.flatMap { readTask(reader, $0) }
        if action == nil, task == nil {
            skip(JournalIssue(line: line, kind: .nothingToCheck))
            return
        }
        var used = false
        switch action {
        case .action(let index):
            used = checkAction(index, reader, line: line, date: rowDate, task: task)
        case .event(let index):
            if let type = charter.events[index].objectType { _ = readObject(type: type, reader, line: line) }
            events.append(DeadlineSchedule.EventRow(event: index, date: rowDate, line: line))
            report.counts.events += 1
            used = true
        case .unknown(let text, let close):
            rowIssues.append(JournalIssue(line: line, kind: .unknownAction(text), suggestions: close))
        case nil:
            // A task marked done without an action: still check who says so.
            if let column = columns.actor, case .unknown(let text, let close)? = readActor(reader, column) {
                rowIssues.append(JournalIssue(line: line, kind: .unknownActor(text), suggestions: close))
            }
        }
        switch task {
        case .task(let index):
            completions.append(DeadlineSchedule.Completion(task: index, date: rowDate, line: line))
            report.counts.completions += 1
            used = true
        case .unknown(let text, let close):
            rowIssues.append(JournalIssue(line: line, kind: .unknownTask(text), suggestions: close))
        case nil:
            break
        }
        if !used { report.counts.skipped += 1 }
    }

    /// Checks an action row's permission; false when it could not be checked.
    mutating func checkAction<Source>(_ action: Int, _ reader: CSVReader<Source>, line: Int, date: CalendarDate, task: TaskCell?) -> Bool {
        let actionID = charter.actions[action].id
        guard let column = columns.actor, let actorCell = readActor(reader, column) else {
            rowIssues.append(JournalIssue(line: line, kind: .missingActor(action: actionID)))
            return false
        }
        guard case .actors(let actors, let written) = actorCell else {
            if case .unknown(let text, let close) = actorCell {
                rowIssues.append(JournalIssue(line: line, kind: .unknownActor(text), suggestions: close))
            }
            return false
        }
        report.counts.actions += 1
        let type = charter.actions[action].objectType
        let object = type.map { readObject(type: $0, reader, line: line) } ?? ObjectValue(type: nil, values: [])
        let outcome = checker.authorizer.outcome(actors: actors, action: action, object: object)
        for actor in actors {
            switch outcome {
            case .autorise: roles[actor].permitted += 1
            case .refuse: roles[actor].refused += 1
            case .indetermine: roles[actor].undecided += 1
            }
        }
        guard outcome != .autorise else { return true }
        var taskID: String?
        if case .task(let index)? = task { taskID = charter.tasks[index].id }
        report.flagged.append(JournalAction(line: line, date: date, actor: written, task: taskID,
                                            verdict: verdict(actors: actors, action: action, object: object)))
        return true
    }

    /// The explained decision for an actor, action and object: computed once per distinct triple.
    mutating func verdict(actors: [Int], action: Int, object: ObjectValue) -> JournalVerdict {
        let key = VerdictKey(actors: actors, action: action, values: object.values)
        if let known = verdicts[key] { return known }
        let decision = checker.authorizer.decide(actors: actors, action: action, object: object)
        var attributes: [JournalAttribute] = []
        if let type = object.type {
            for (index, attribute) in charter.objectTypes[type].attributes.enumerated() {
                if let value = object.values[index] {
                    var raw = value.written(as: attribute.type)
                    if case .text(let text) = value { raw = text }
                    attributes.append(JournalAttribute(name: attribute.name, value: value.written(as: attribute.type), raw: raw))
                }
            }
        }
        let rules = decision.rules.map { rule in
            JournalRule(kind: rule.kind, id: rule.id, line: rule.span.flatMap { span in checker.charterSource?.location(of: span.start).line })
        }
        let verdict = JournalVerdict(roles: actors.map { charter.actors[$0].id }, action: charter.actions[action].id,
                                     objectType: object.type.map { charter.objectTypes[$0].id }, attributes: attributes,
                                     outcome: decision.outcome, missing: decision.missing, rules: rules)
        if verdicts.count < JournalRun.verdictLimit { verdicts[key] = verdict }
        return verdict
    }

    /// The most distinct verdicts remembered (free-text attributes could make every row distinct).
    static let verdictLimit = 10_000

    /// What a verdict depends on.
    struct VerdictKey: Hashable {
        let actors: [Int]
        let action: Int
        let values: [Value?]
    }

    /// The object of a row, its attributes read from their columns (an empty cell is unknown).
    mutating func readObject<Source>(type: Int, _ reader: CSVReader<Source>, line: Int) -> ObjectValue {
        let attributes = charter.objectTypes[type].attributes
        let base = valueCacheBase[type]
        for index in attributes.indices {
            scratch[type][index] = nil
            guard let column = columns.attributes[type][index] else { continue }
            let parsed: JournalCell.Parsed
            switch JournalRun.look(reader, column, encoding: encoding, { valueCaches[base + index].lookup($0) }) {
            case .empty: continue
            case .known(let known): parsed = known
            case .new(let text):
                parsed = JournalCell.value(text, type: attributes[index].type)
                reader.withField(column) { valueCaches[base + index].insert(JournalCell.trimmed($0), parsed) }
            }
            switch parsed {
            case .value(let value):
                scratch[type][index] = value
            case .invalid(let expected, let close):
                rowIssues.append(JournalIssue(line: line, kind: .badValue(attribute: attributes[index].name,
                                                                          value: cell(reader, column), expected: expected),
                                              suggestions: close))
            }
        }
        return ObjectValue(type: type, values: scratch[type])
    }

    // MARK: - Cells

    /// A cell, trimmed and decoded (for messages; the hot path works on bytes).
    func cell<Source>(_ reader: CSVReader<Source>, _ column: Int) -> String {
        reader.withField(column) { encoding.decode(JournalCell.trimmed($0)) }
    }

    func isBlank<Source>(_ reader: CSVReader<Source>) -> Bool {
        for index in 0..<reader.count where reader.withField(index, { !JournalCell.trimmed($0).isEmpty }) { return false }
        return true
    }

    mutating func readDate<Source>(_ reader: CSVReader<Source>, line: Int) -> CalendarDate? {
        guard let column = columns.date else { return nil }
        let (empty, date) = reader.withField(column) { raw in
            let bytes = JournalCell.trimmed(raw)
            return (bytes.isEmpty, JournalCell.date(bytes))
        }
        if empty {
            skip(JournalIssue(line: line, kind: .missingDate))
        } else if date == nil {
            skip(JournalIssue(line: line, kind: .badDate(cell(reader, column))))
        }
        return date
    }

    /// A cell looked up in a cache: empty, already resolved, or new (with its decoded text).
    enum Lookup<Resolved> { case empty, known(Resolved), new(String) }

    ///
    /// Static, and `find` the only capture of `self`: a method call on `self` beside a closure
    /// capturing `self` would make the compiler copy the whole run for every cell.
    static func look<Source, Resolved>(_ reader: CSVReader<Source>, _ column: Int, encoding: TextEncoding,
                                       _ find: (UnsafeBufferPointer<UInt8>) -> Resolved?) -> Lookup<Resolved> {
        reader.withField(column) { raw in
            let bytes = JournalCell.trimmed(raw)
            if bytes.isEmpty { return .empty }
            if let resolved = find(bytes) { return .known(resolved) }
            return .new(encoding.decode(bytes))
        }
    }

    mutating func readAction<Source>(_ reader: CSVReader<Source>, _ column: Int) -> ActionCell? {
        switch JournalRun.look(reader, column, encoding: encoding, { actionCache.lookup($0) }) {
        case .empty: return nil
        case .known(let cell): return cell
        case .new(let text):
            let cell: ActionCell
            if let index = charter.action(named: text) {
                cell = .action(index)
            } else if let index = charter.event(named: text) {
                cell = .event(index)
            } else {
                let names = charter.actions.map { Candidate(name: $0.id, span: nil) } + charter.events.map { Candidate(name: $0.id, span: nil) }
                cell = .unknown(text, Suggestions.closest(to: text, among: names).map(\.name))
            }
            reader.withField(column) { actionCache.insert(JournalCell.trimmed($0), cell) }
            return cell
        }
    }

    mutating func readTask<Source>(_ reader: CSVReader<Source>, _ column: Int) -> TaskCell? {
        switch JournalRun.look(reader, column, encoding: encoding, { taskCache.lookup($0) }) {
        case .empty: return nil
        case .known(let cell): return cell
        case .new(let text):
            let cell: TaskCell
            if let index = charter.task(named: text) {
                cell = .task(index)
            } else {
                let names = charter.tasks.map { Candidate(name: $0.id, span: nil) }
                cell = .unknown(text, Suggestions.closest(to: text, among: names).map(\.name))
            }
            reader.withField(column) { taskCache.insert(JournalCell.trimmed($0), cell) }
            return cell
        }
    }

    mutating func readActor<Source>(_ reader: CSVReader<Source>, _ column: Int) -> ActorCell? {
        switch JournalRun.look(reader, column, encoding: encoding, { actorCache.lookup($0) }) {
        case .empty: return nil
        case .known(let cell): return cell
        case .new(let text):
            let cell: ActorCell
            if let actors = charter.actors(for: text) {
                cell = .actors(actors, text)
            } else {
                let names = charter.actors.map(\.id) + charter.persons.keys.sorted()
                cell = .unknown(text, Suggestions.closest(to: text, among: names.map { Candidate(name: $0, span: nil) }).map(\.name))
            }
            reader.withField(column) { actorCache.insert(JournalCell.trimmed($0), cell) }
            return cell
        }
    }

    mutating func skip(_ issue: JournalIssue) {
        rowIssues.append(issue)
        report.counts.skipped += 1
    }

    // MARK: - End

    mutating func finish(csvIssues: [CSVIssue]) {
        let schedule = DeadlineSchedule(charter: charter, events: events, completions: completions, at: checker.date)
        report.instances = schedule.instances
        report.outOfOrder = schedule.outOfOrder
        rowIssues += schedule.issues
        for instance in schedule.instances {
            for actor in charter.tasks[instance.task].responsables {
                roles[actor].statuses[instance.status, default: 0] += 1
            }
        }
        report.roles = roles.filter { !$0.isEmpty }
        report.flagged.sort { $0.line < $1.line }
        let dropped = csvIssues.filter { !$0.isWarning && $0.kind != .readFailed }.count
        report.counts.rows += dropped
        report.counts.skipped += dropped
        report.issues = merged(csv: csvIssues)
    }

    /// CSV and row issues together, by line (stable within a line).
    func merged(csv: [CSVIssue]) -> [JournalIssue] {
        let all = csv.map { JournalIssue(line: $0.line, kind: .csv($0.kind)) } + rowIssues
        return all.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}

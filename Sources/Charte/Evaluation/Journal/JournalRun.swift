/// The mutable state of one journal check: the column map, the caches, the counts and
/// the findings, filled row by row and turned into a `JournalReport` at the end.
struct JournalRun {
    /// What an `action` cell stands for.
    enum ActionCell { case action(Int), event(Int), unknown(String, [String]), ambiguous(String, [String]) }
    /// What a `tache` cell stands for.
    enum TaskCell { case task(Int), unknown(String, [String]), ambiguous(String, [String]) }
    /// What an `acteur` cell stands for.
    enum ActorCell { case actors([Int], String), unknown(String, [String]), ambiguous(String, [String]) }

    let checker: JournalChecker
    let charter: Charter
    let encoding: TextEncoding
    var report: JournalReport
    var columns = JournalColumns()
    var rowIssues: [JournalIssue] = []
    /// Whether the row being read has a cell that makes it not verifiable.
    var rowUnverifiable = false
    /// The event rows and rows marking a task done, on disk when there are many.
    var timeline = SpilledRecords<TimelineRecord>()
    var roles: [RoleSummary]
    var actionCache = ByteStringTable<ActionCell>(limit: 4096)
    var taskCache = ByteStringTable<TaskCell>(limit: 4096)
    var actorCache = ByteStringTable<ActorCell>(limit: 4096)
    /// Value caches of every attribute of every type, flattened: type `t`'s start at `valueCacheBase[t]`.
    var valueCaches: [ByteStringTable<JournalCell.Parsed>]
    let valueCacheBase: [Int]
    /// The explained rows by actors, action and object; the verdicts without their object, by decision.
    var verdicts: [VerdictKey: (shape: JournalVerdict, attributes: [FlaggedRows.Attribute])] = [:]
    var shapes: [ShapeKey: JournalVerdict] = [:]
    /// One reused value array per object type: filling an object allocates nothing.
    var scratch: [[Value?]]
    /// Whether the charter has suppléances: rows are then decided at their date.
    let isDated: Bool
    /// The actions of an `incompatibles` pair, and the first line of each (person, action, object) met.
    let watchedActions: Set<Int>
    var actionMeetings: [ActionMeeting: Int] = [:]
    /// The (person, role, role) incompatibilities already reported.
    var reportedRoleMeetings = Set<[String]>()
    /// The rows of the actions an `exige` links.
    var approvals: ApprovalLedger

    init(checker: JournalChecker, dialect: CSVDialect) {
        self.checker = checker
        self.charter = checker.charter
        // The reader hands out every record in UTF-8, whatever the file's encoding.
        self.encoding = .utf8
        self.report = JournalReport(date: checker.date, encoding: dialect.encoding, separator: dialect.separator)
        self.report.toleratesUndetermined = checker.toleratesUndetermined
        self.report.rows = FlaggedRows(tasks: checker.charter.tasks.map(\.id),
                                       attributeNames: checker.charter.objectTypes.flatMap { $0.attributes.map(\.name) })
        self.roles = charter.actors.indices.map(RoleSummary.init(actor:))
        var base: [Int] = []
        var total = 0
        for type in charter.objectTypes {
            base.append(total)
            total += type.attributes.count
        }
        self.valueCacheBase = base
        self.valueCaches = Array(repeating: ByteStringTable(limit: 1024), count: total)
        self.scratch = charter.objectTypes.map { Array(repeating: nil, count: $0.attributes.count) }
        self.isDated = !charter.deputies.isEmpty
        var watched = Set<Int>()
        for incompatibility in charter.incompatibilities {
            if case .actions(let a, let b) = incompatibility.kind { watched.formUnion([a, b]) }
        }
        self.watchedActions = watched
        self.approvals = ApprovalLedger(requirements: charter.requirements.count)
        self.report.checksApprovals = !charter.requirements.isEmpty
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
        if reader.currentRecordIsDamaged {
            // Reported by the reader (`octets_invalides`); its cells cannot be trusted.
            report.counts.skipped += 1
            return
        }
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
        rowUnverifiable = false
        defer { if rowUnverifiable { report.counts.unverifiable += 1 } }
        let action = columns.action.flatMap { readAction(reader, $0) }
        let task = columns.task.flatMap { readTask(reader, $0) }
        if action == nil, task == nil {
            skip(JournalIssue(line: line, kind: .nothingToCheck))
            return
        }
        switch task {
        case .unknown(let text, let close)?:
            unverifiable(JournalIssue(line: line, kind: .unknownTask(text), suggestions: close))
        case .ambiguous(let text, let candidates)?:
            unverifiable(JournalIssue(line: line, kind: .ambiguousName(text, candidates: candidates)))
        case .task?, nil:
            break
        }
        switch action {
        case .action(let index):
            checkAction(index, reader, line: line, date: rowDate, task: task)
        case .event(let index):
            if let type = charter.events[index].objectType { _ = readObject(type: type, reader, line: line) }
            timeline.append(TimelineRecord(day: rowDate.dayNumber, kind: 0, line: line, index: index))
            report.counts.events += 1
        case .unknown(let text, let close):
            unverifiable(JournalIssue(line: line, kind: .unknownAction(text), suggestions: close))
        case .ambiguous(let text, let candidates):
            unverifiable(JournalIssue(line: line, kind: .ambiguousName(text, candidates: candidates)))
        case nil:
            // A task marked done without an action: still check who says so.
            if let column = columns.actor, let actor = readActor(reader, column) { unverifiableActor(actor, line: line) }
        }
        if case .task(let index)? = task {
            timeline.append(TimelineRecord(day: rowDate.dayNumber, kind: 1, line: line, index: index))
            report.counts.completions += 1
        }
    }

    /// Reports an actor cell that names no actor, or more than one thing.
    mutating func unverifiableActor(_ actor: ActorCell, line: Int) {
        switch actor {
        case .unknown(let text, let close):
            unverifiable(JournalIssue(line: line, kind: .unknownActor(text), suggestions: close))
        case .ambiguous(let text, let candidates):
            unverifiable(JournalIssue(line: line, kind: .ambiguousName(text, candidates: candidates)))
        case .actors:
            break
        }
    }

    /// Checks an action row's permission: the row ends permitted, refused, undetermined or not verifiable.
    mutating func checkAction<Source>(_ action: Int, _ reader: CSVReader<Source>, line: Int, date: CalendarDate, task: TaskCell?) {
        let actionID = charter.actions[action].id
        guard let column = columns.actor, let actorCell = readActor(reader, column) else {
            unverifiable(JournalIssue(line: line, kind: .missingActor(action: actionID)))
            return
        }
        guard case .actors(let actors, let written) = actorCell else {
            unverifiableActor(actorCell, line: line)
            return
        }
        let type = charter.actions[action].objectType
        let object = type.map { readObject(type: $0, reader, line: line) } ?? ObjectValue(type: nil, values: [])
        let outcome = isDated ? checker.authorizer.outcome(actors: actors, action: action, object: object, on: date)
                              : checker.authorizer.outcome(actors: actors, action: action, object: object)
        let onBehalf = columns.onBehalf.flatMap { readOnBehalf(reader, $0, line: line) }
        if !charter.requirements.isEmpty {
            approvals.record(action: action, actors: actors, object: object, line: line, date: date, charter: charter)
        }
        // A refusal holds whatever the unreadable cells meant; anything else needs every cell read.
        if outcome != .refused, rowUnverifiable { return }
        if !charter.incompatibilities.isEmpty {
            checkIncompatibilities(actors: actors, written: written, action: action, object: object, line: line, date: date)
        }
        report.counts.actions += 1
        for actor in actors {
            switch outcome {
            case .allowed: roles[actor].permitted += 1
            case .refused: roles[actor].refused += 1
            case .undetermined: roles[actor].undecided += 1
            }
        }
        switch outcome {
        case .allowed:
            report.counts.permitted += 1
            if isDated { noteDeputy(actors: actors, written: written, onBehalf: onBehalf, action: action, object: object, line: line, date: date) }
            return
        case .refused: report.counts.refused += 1; rowUnverifiable = false
        case .undetermined: report.counts.undetermined += 1
        }
        var taskIndex: Int?
        if case .task(let index)? = task { taskIndex = index }
        let day = isDated && checker.authorizer.hasDeputies(involving: actors, action: action) ? date : nil
        // Rows come in line order: no sorting, and nothing kept in memory per row.
        let (shape, attributes) = verdict(actors: actors, action: action, object: object, on: day)
        report.rows.append(line: line, date: date, actor: written, task: taskIndex, verdict: shape, attributes: attributes,
                           onBehalf: onBehalf)
    }

    /// The explained decision for an actor, action and object (at a date when a suppléance involves
    /// the actor), as a verdict without its object, shared by every row with the same decision,
    /// and the object's attributes as the row gives them.
    mutating func verdict(actors: [Int], action: Int, object: ObjectValue, on day: CalendarDate? = nil)
        -> (shape: JournalVerdict, attributes: [FlaggedRows.Attribute]) {
        let whole = VerdictKey(actors: actors, action: action, values: object.values, date: day)
        if let known = verdicts[whole] { return known }
        let dated = day.map { checker.authorizer.decide(actors: actors, action: action, object: object, on: $0) }
        let decision = dated?.decision ?? checker.authorizer.decide(actors: actors, action: action, object: object)
        var attributes: [FlaggedRows.Attribute] = []
        if let type = object.type {
            for (index, attribute) in charter.objectTypes[type].attributes.enumerated() {
                if let value = object.values[index] {
                    let written = value.written(as: attribute.type)
                    var raw = written
                    if case .text(let text) = value { raw = text }
                    attributes.append(FlaggedRows.Attribute(name: UInt32(valueCacheBase[type] + index), value: written, raw: raw))
                }
            }
        }
        // Numbers, dates and amounts make most objects distinct, but decisions are few.
        let key = ShapeKey(actors: actors, action: action, objectType: object.type, decision: decision, deputies: dated?.deputies ?? [])
        if let known = shapes[key] {
            if verdicts.count < JournalRun.verdictLimit { verdicts[whole] = (known, attributes) }
            return (known, attributes)
        }
        let rules = decision.rules.map { rule in
            JournalRule(kind: rule.kind, id: rule.id, line: rule.span.flatMap { span in checker.source(of: span)?.location(of: span.start).line },
                        file: rule.span.flatMap { span in span.file == checker.charterSource?.id ? nil : checker.source(of: span)?.name },
                        span: rule.span)
        }
        let shape = JournalVerdict(roles: actors.map { charter.actors[$0].id }, action: charter.actions[action].id,
                                   objectType: object.type.map { charter.objectTypes[$0].id }, attributes: [],
                                   outcome: decision.outcome, missing: decision.missing, rules: rules,
                                   deputies: dated?.deputies ?? [])
        if shapes.count < JournalRun.verdictLimit { shapes[key] = shape }
        if verdicts.count < JournalRun.verdictLimit { verdicts[whole] = (shape, attributes) }
        return (shape, attributes)
    }

    /// The most distinct rows and decisions remembered (free-text attributes could make every row distinct).
    static let verdictLimit = 10_000

    /// What a row's explanation depends on.
    struct VerdictKey: Hashable {
        let actors: [Int]
        let action: Int
        let values: [Value?]
        /// The row's date, only when a suppléance involves the actors.
        let date: CalendarDate?
    }

    /// What a verdict without its object depends on.
    struct ShapeKey: Hashable {
        let actors: [Int]
        let action: Int
        let objectType: Int?
        let decision: Decision
        let deputies: [DeputyStanding]
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
                unverifiable(JournalIssue(line: line, kind: .badValue(attribute: attributes[index].name,
                                                                      value: cell(reader, column), expected: expected),
                                          suggestions: close))
            }
        }
        return ObjectValue(type: type, values: scratch[type])
    }

    /// Reports a cell that keeps the row from being verified.
    mutating func unverifiable(_ issue: JournalIssue) {
        rowIssues.append(issue)
        rowUnverifiable = true
    }

    mutating func skip(_ issue: JournalIssue) {
        rowIssues.append(issue)
        report.counts.skipped += 1
    }

    // MARK: - End

    mutating func finish(csvIssues: [CSVIssue]) {
        let schedule = DeadlineSchedule(charter: charter, timeline: timeline, at: checker.date)
        report.deadlines = schedule.store
        report.outOfOrder = schedule.outOfOrder
        rowIssues += schedule.issues
        schedule.store.forEach { instance in
            for actor in charter.tasks[instance.task].responsables {
                roles[actor].statuses[instance.status, default: 0] += 1
            }
        }
        report.roles = roles.filter { !$0.isEmpty }
        // Rows are read in line order: suppléances and incompatibilities are already by line.
        report.approvalList = approvals.findings(charter: charter)
        report.deputyLines = charter.deputies.map { deputy in checker.charterSource.map { $0.location(of: deputy.span.start).line } }
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

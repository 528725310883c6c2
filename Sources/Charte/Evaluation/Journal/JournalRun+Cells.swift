// Reading the cells of a row through the caches: each distinct cell is resolved once.

extension JournalRun {
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
            switch checker.names.doing(text, in: charter) {
            case .found(.action(let index))?: cell = .action(index)
            case .found(.event(let index))?: cell = .event(index)
            case .ambiguous(let candidates)?: cell = .ambiguous(text, candidates)
            case nil: cell = .unknown(text, JournalRun.closest(text, checker.names.doingNames))
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
            switch checker.names.task(text, in: charter) {
            case .found(let index)?: cell = .task(index)
            case .ambiguous(let candidates)?: cell = .ambiguous(text, candidates)
            case nil: cell = .unknown(text, JournalRun.closest(text, checker.names.taskNames))
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
            switch checker.names.actor(text, in: charter) {
            case .found(let actors)?: cell = .actors(actors, text)
            case .ambiguous(let candidates)?: cell = .ambiguous(text, candidates)
            case nil: cell = .unknown(text, JournalRun.closest(text, checker.names.actorNames))
            }
            reader.withField(column) { actorCache.insert(JournalCell.trimmed($0), cell) }
            return cell
        }
    }

    /// "Vouliez-vous dire" names for a cell, compared folded.
    static func closest(_ text: String, _ names: [String]) -> [String] {
        Suggestions.closest(to: text, among: names.map { Candidate(name: $0, span: nil) }).map(\.name)
    }
}

import Charte

/// Builds the `peut` requests of the benchmarks: generated ones, or read from a file.
enum Requests {
    /// `count` random requests on a charter: random actors (sometimes a person with several
    /// roles), random actions, objects whose attributes are each known 80 % of the time.
    static func generate(_ count: Int, charter: Charter, seed: UInt64) -> [Request] {
        var random = SplitMix64(seed: seed)
        let people = charter.persons.keys.sorted()
        let texts = ["mathematiques", "francais", "histoire", "anglais"]
        var requests: [Request] = []
        requests.reserveCapacity(count)
        guard !charter.actors.isEmpty, !charter.actions.isEmpty else { return [] }
        for _ in 0..<count {
            let actors: [Int]
            if !people.isEmpty, random.chance(10) {
                actors = charter.persons[random.pick(people)] ?? [0]
            } else {
                actors = [random.below(charter.actors.count)]
            }
            let action = random.below(charter.actions.count)
            let type = charter.actions[action].objectType
            var object = ObjectValue.unknown(type: type, attributeCount: type.map { charter.objectTypes[$0].attributes.count } ?? 0)
            if let type {
                for (index, attribute) in charter.objectTypes[type].attributes.enumerated() where random.chance(80) {
                    switch attribute.type {
                    case .enumeration(let values): object.values[index] = values.isEmpty ? nil : .enumeration(random.below(values.count))
                    case .boolean: object.values[index] = .boolean(random.chance(50))
                    case .text: object.values[index] = .text(random.pick(texts))
                    case .number: object.values[index] = .number(Int64(random.below(3000)))
                    case .date: object.values[index] = CalendarDate(dayNumber: 20_600 + random.below(365)).map(Value.date)
                    case .euros: object.values[index] = .amount(Int64(random.below(600_000)))
                    }
                }
            }
            requests.append(Request(actors: actors, action: action, object: object))
        }
        return requests
    }

    /// Why a request file could not be used.
    struct FileError: Error {
        let message: String
    }

    /// Reads `peut ACTEUR ACTION OBJET` lines (blank lines and `#` comments skipped), parsed
    /// by the library's query parser and typed against the charter as `charte peut` does.
    static func read(_ bytes: [UInt8], name: String, charter: Charter) throws(FileError) -> [Request] {
        var requests: [Request] = []
        var lineNumber = 0
        for lineBytes in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = String(decoding: lineBytes, as: UTF8.self)
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var sources = SourceMap()
            let parsed = QueryParser.parse(trimmed, into: &sources)
            guard let query = parsed.query else {
                let reason = parsed.diagnostics.first.map { $0.message.text } ?? "requête illisible"
                throw FileError(message: "\(name):\(lineNumber): \(reason)")
            }
            guard case .may(let actor, let actionName, let literal) = query else {
                throw FileError(message: "\(name):\(lineNumber): une requête « peut ACTEUR ACTION OBJET » est attendue")
            }
            let actorText: String = switch actor {
            case .id(let name): name.text
            case .person(let literal): literal.value
            }
            guard let actors = charter.actors(for: actorText) else {
                throw FileError(message: "\(name):\(lineNumber): acteur inconnu « \(actorText) »")
            }
            guard let action = charter.action(named: actionName.text) else {
                throw FileError(message: "\(name):\(lineNumber): action inconnue « \(actionName.text) »")
            }
            var typer = Typer(charter: charter)
            guard let object = typer.resolveObject(literal, action: action) else {
                let reason = typer.diagnostics.first.map { $0.message.text } ?? "objet invalide"
                throw FileError(message: "\(name):\(lineNumber): \(reason)")
            }
            requests.append(Request(actors: actors, action: action, object: object))
        }
        return requests
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}

// Pass 3: roles (E300, W301, W302, W303, W304) and dependency cycles (E305).

extension Checker {
    mutating func checkRoles() {
        for (index, task) in charter.tasks.enumerated() {
            guard let decl = taskDecls[index], !damage.touches(decl.span) else { continue }
            if task.responsables.isEmpty, !decl.clauses.contains(where: {
                if case .actors(.responsable, _) = $0.clause { return true }
                return false
            }) {
                report(.noResponsable(task.id), at: task.nameSpan)
            }
            var approverCount = 0
            var letters: [String: (letter: Letter, span: Span)] = [:]
            var reportedTwice = Set<String>()
            for located in decl.clauses {
                guard case .actors(let letter, let names) = located.clause else { continue }
                for name in names {
                    if letter == .approbateur {
                        approverCount += 1
                        if approverCount == 2 { report(.severalApprovers(task.id), at: name.span) }
                    }
                    guard charter.actor(named: name.text) != nil else { continue }
                    if let first = letters[name.text], first.letter != letter, !reportedTwice.contains(name.text) {
                        reportedTwice.insert(name.text)
                        report(.twoLetters(actor: name.text, letters: "\(first.letter.rawValue) et \(letter.rawValue)"),
                               at: name.span, notes: [Note(.firstLetterHere(first.letter.rawValue), at: first.span)])
                    } else if letters[name.text] == nil {
                        letters[name.text] = (letter, name.span)
                    }
                }
            }
        }
    }

    mutating func checkUsage() {
        // Being listed in an instance's `membres` counts as a use.
        for (index, actor) in charter.actors.enumerated() where !usedActors.contains(index) && !suggestedActors.contains(actor.id) {
            report(.unusedActor(actor.id), at: actor.nameSpan)
        }
        for (index, step) in charter.steps.enumerated() where step.tasks.isEmpty {
            report(.emptyStep(step.id), at: stepDecls[index]?.name.span ?? step.span)
        }
    }

    // MARK: - Cycles

    mutating func checkCycles() {
        let taskEdges = charter.tasks.map(\.after)
        for cycle in Checker.cycles(in: taskEdges) {
            let ids = cycle.map { charter.tasks[$0].id }
            let span = taskDecls[cycle[0]].flatMap { referenceSpan(in: $0, to: ids[1 % ids.count]) } ?? charter.tasks[cycle[0]].nameSpan
            report(.cycle((ids + [ids[0]]).joined(separator: " → ")), at: span)
        }
        let stepEdges = charter.steps.map(\.after)
        for cycle in Checker.cycles(in: stepEdges) {
            let ids = cycle.map { charter.steps[$0].id }
            let next = ids[1 % ids.count]
            let span = stepDecls[cycle[0]]?.after.first { $0.text == next }?.span ?? charter.steps[cycle[0]].span
            report(.cycle((ids + [ids[0]]).joined(separator: " → ")), at: span)
        }
    }

    func referenceSpan(in decl: TaskDecl, to target: String) -> Span? {
        for located in decl.clauses {
            if case .after(let names) = located.clause, let name = names.first(where: { $0.text == target }) {
                return name.span
            }
        }
        return nil
    }

    /// The elementary cycles found by a depth-first search, each once, starting at its smallest node.
    static func cycles(in edges: [[Int]]) -> [[Int]] {
        var state = [UInt8](repeating: 0, count: edges.count)  // 0 new, 1 on stack, 2 done
        var found: [[Int]] = []
        var seen = Set<[Int]>()
        for root in edges.indices where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            var path: [Int] = [root]
            state[root] = 1
            while let top = stack.last {
                let successors = edges[top.node]
                if top.next < successors.count {
                    stack[stack.count - 1].next += 1
                    let successor = successors[top.next]
                    guard successor < edges.count else { continue }
                    if state[successor] == 1, let start = path.firstIndex(of: successor) {
                        var cycle = Array(path[start...])
                        if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
                            cycle = Array(cycle[smallest...] + cycle[..<smallest])
                        }
                        if seen.insert(cycle).inserted { found.append(cycle) }
                    } else if state[successor] == 0 {
                        state[successor] = 1
                        stack.append((successor, 0))
                        path.append(successor)
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
        return found
    }
}

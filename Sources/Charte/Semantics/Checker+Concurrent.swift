// Resolving the tasks of a large charter in two halves, on two threads.

extension Checker {
    /// A declared step to resolve: its declaration, its index and the ordinal of its first
    /// task among the tasks of declared steps (see `declaredTasks`).
    struct StepWork: Sendable {
        let decl: StepDecl
        let index: Int
        let firstTask: Int
    }

    /// The model's tasks while two threads resolve them: each writes only the tasks of its
    /// own steps, so the two never touch the same element.
    struct SharedTasks: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<CharterTask>
    }

    /// A copy of the checker handed to the second thread. Its parts are values (copied on
    /// write, with atomic reference counts): the copy shares nothing either thread mutates.
    struct Handoff: @unchecked Sendable {
        let checker: Checker
    }

    /// Resolves every declared step and its tasks, the rules and the tests: this thread takes
    /// the rules, the tests and the first steps, a second thread the other steps.
    ///
    /// Speculative, like the split parsing: work that reports nothing changes only sets and
    /// per-task or per-rule entries, which join the same whatever the order. If anything is
    /// reported (a diagnostic's order, cap and suggestions depend on what came before),
    /// everything is put back and nothing is kept: returns false, and the caller resolves in
    /// one pass.
    mutating func resolveConcurrently() -> Bool {
        var work: [StepWork] = []
        var stepOrdinal = 0, taskOrdinal = 0, rulesAndAssertions = 0
        for declaration in tree.declarations {
            switch declaration {
            case .step(let decl):
                defer { stepOrdinal += 1 }
                guard stepOrdinal < declaredSteps.count, let index = declaredSteps[stepOrdinal] else { continue }
                work.append(StepWork(decl: decl, index: index, firstTask: taskOrdinal))
                taskOrdinal += decl.tasks.count
            case .permission:
                rulesAndAssertions += 1
            case .test(let decl):
                rulesAndAssertions += decl.assertions.count
            default:
                break
            }
        }
        guard taskOrdinal == declaredTasks.count else { return false }
        // A rule or an assertion costs about what a task does: this thread's share of the
        // tasks is what leaves both threads the same amount of work.
        let share = max(0, (taskOrdinal + rulesAndAssertions) / 2 - rulesAndAssertions)
        let cut = work.firstIndex { $0.firstTask >= share } ?? work.count

        // The tasks leave the model while the halves write them, so that neither half's copy
        // of the checker shares (and copies on write) their storage.
        var tasks: [CharterTask] = []
        swap(&tasks, &charter.tasks)
        let before = self
        let reported = diagnostics.count
        let second = Array(work[cut...])
        var helper = self
        helper.roleNames = []
        let start = Handoff(checker: helper)
        let worker: Checker = tasks.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedTasks(buffer: buffer)
            let (worker, _) = Concurrently.run({
                var worker = start.checker
                worker.resolveSteps(second[...], tasks: shared)
                return worker
            }, while: {
                resolveRulesAndTests()
                resolveSteps(work[..<cut], tasks: shared)
            })
            return worker
        }

        guard diagnostics.count == reported, worker.diagnostics.count == reported else {
            // Back to the declared tasks and the state before; the caller starts again.
            for index in tasks.indices {
                let task = tasks[index]
                tasks[index] = CharterTask(id: task.id, label: task.label, step: task.step, span: task.span, nameSpan: task.nameSpan)
            }
            self = before
            swap(&tasks, &charter.tasks)
            return false
        }

        // Join: the second half's steps and tasks, its role names after the first half's.
        let offset = roleNames.count
        for item in second {
            stepDecls[item.index] = item.decl
            charter.steps[item.index].after = worker.charter.steps[item.index].after
            for ordinal in item.firstTask..<item.firstTask + item.decl.tasks.count {
                guard let index = declaredTasks[ordinal] else { continue }
                let range = worker.roleNameRanges[index]
                roleNameRanges[index] = range.lowerBound + offset..<range.upperBound + offset
            }
        }
        roleNames += worker.roleNames
        resolvedTasks.formUnion(worker.resolvedTasks)
        tasksWithResponsableClause.formUnion(worker.tasksWithResponsableClause)
        usedActors.formUnion(worker.usedActors)
        damagedActions.formUnion(worker.damagedActions)
        swap(&tasks, &charter.tasks)
        return true
    }

    /// Resolves the `autorise`, `interdit` and `test` declarations, in the file's order.
    mutating func resolveRulesAndTests() {
        for declaration in tree.declarations {
            switch declaration {
            case .permission(let decl): resolvePermission(decl)
            case .test(let decl): resolveTest(decl)
            default: break
            }
        }
    }

    /// Resolves steps and their tasks, writing each task in place.
    mutating func resolveSteps(_ work: ArraySlice<StepWork>, tasks: SharedTasks) {
        for item in work {
            stepDecls[item.index] = item.decl
            charter.steps[item.index].after = item.decl.after.compactMap { resolvePrerequisite($0, step: true) }
            var ordinal = item.firstTask
            for task in item.decl.tasks {
                defer { ordinal += 1 }
                guard let index = declaredTasks[ordinal] else { continue }
                resolveTask(task, index: index, task: &tasks.buffer[index])
            }
        }
    }
}

// Resolving the tasks of a large charter on two threads.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Checker {
    /// A declared step to resolve: its declaration, its index and the ordinal of its first
    /// task among the tasks of declared steps (see `declaredTasks`).
    struct StepWork: Sendable {
        let decl: StepDecl
        let index: Int
        let firstTask: Int
    }

    /// The model's tasks while two threads resolve them: each writes only the tasks of the
    /// steps it took, so the two never touch the same element.
    struct SharedTasks: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<CharterTask>
    }

    /// Work still to do (positions `0..<count`), handed out a chunk at a time to whichever
    /// thread asks.
    final class WorkQueue: @unchecked Sendable {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>
        private var next = 0
        private let count: Int
        private let chunk: Int

        /// `chunk` positions at a time: enough work that a lock now and then costs nothing.
        init(count: Int, chunk: Int) {
            self.count = count
            self.chunk = max(1, chunk)
            mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(mutex, nil)
        }

        deinit {
            pthread_mutex_destroy(mutex)
            mutex.deallocate()
        }

        /// The next chunk of positions, or nil when every position is taken.
        func take() -> Range<Int>? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            guard next < count else { return nil }
            let taken = next..<min(count, next + chunk)
            next = taken.upperBound
            return taken
        }
    }

    /// A copy of the checker handed to the second thread. Its parts are values (copied on
    /// write, with atomic reference counts): the copy shares nothing either thread mutates.
    struct Handoff: @unchecked Sendable {
        let checker: Checker
    }

    /// Resolves every declared step and its tasks, the rules and the tests: this thread takes
    /// the rules and the tests, then both threads take steps, a few at a time, from a shared
    /// queue until none is left (so neither waits for the other).
    ///
    /// Speculative, like the split parsing: work that reports nothing changes only sets and
    /// per-task or per-rule entries, which join the same whatever the order. If anything is
    /// reported (a diagnostic's order, cap and suggestions depend on what came before),
    /// everything is put back and nothing is kept: returns false, and the caller resolves in
    /// one pass.
    mutating func resolveConcurrently() -> Bool {
        var work: [StepWork] = []
        var stepOrdinal = 0, taskOrdinal = 0
        for case .step(let decl) in tree.declarations {
            defer { stepOrdinal += 1 }
            guard stepOrdinal < declaredSteps.count, let index = declaredSteps[stepOrdinal] else { continue }
            work.append(StepWork(decl: decl, index: index, firstTask: taskOrdinal))
            taskOrdinal += decl.tasks.count
        }
        guard taskOrdinal == declaredTasks.count else { return false }

        // The tasks leave the model while the threads write them, so that neither thread's
        // copy of the checker shares (and copies on write) their storage.
        var tasks: [CharterTask] = []
        swap(&tasks, &charter.tasks)
        let before = self
        let reported = diagnostics.count
        // Eight steps at a time: a few dozen tasks.
        let queue = WorkQueue(count: work.count, chunk: 8)
        let steps = work
        var helper = self
        helper.roleNames = []
        let start = Handoff(checker: helper)
        let (worker, workerChunks): (Checker, [Range<Int>]) = tasks.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedTasks(buffer: buffer)
            let (there, _) = Concurrently.run({
                var worker = start.checker
                var chunks: [Range<Int>] = []
                while let chunk = queue.take() {
                    worker.resolveSteps(steps[chunk], tasks: shared)
                    chunks.append(chunk)
                }
                return (worker, chunks)
            }, while: {
                resolveRulesAndTests()
                while let chunk = queue.take() {
                    resolveSteps(steps[chunk], tasks: shared)
                }
            })
            return there
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

        // Join: the second thread's steps and tasks, its role names after this thread's.
        let offset = roleNames.count
        for chunk in workerChunks {
            for item in work[chunk] {
                stepDecls[item.index] = item.decl
                charter.steps[item.index].after = worker.charter.steps[item.index].after
                for ordinal in item.firstTask..<item.firstTask + item.decl.tasks.count {
                    guard let index = declaredTasks[ordinal] else { continue }
                    let range = worker.roleNameRanges[index]
                    roleNameRanges[index] = range.lowerBound + offset..<range.upperBound + offset
                }
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

extension Checker {
    /// What one chunk of the coverage analysis found.
    struct CoverageChunk: Sendable {
        let actions: Range<Int>
        let diagnostics: [Diagnostic]
        let spent: Int
        let leftOut: Bool
    }

    /// The coverage analysis, its actions shared by two threads a chunk at a time: the
    /// second thread starts at once, this one joins in after `meanwhile` (the other checks).
    ///
    /// The chunks' diagnostics are put back in the order of the actions. The result is the
    /// one-pass analysis's when the work spent together stays within its budget and no
    /// action was left out; otherwise (only hostile files get there) returns nil.
    static func analyseCoverageConcurrently(_ charter: Charter, skipping damaged: Set<Int>,
                                            meanwhile: () -> Void) -> [Diagnostic]? {
        let index = Coverage.Index(charter)
        // Up to 256 actions at a time, fewer for a charter with few (so both threads get some).
        let queue = WorkQueue(count: charter.actions.count, chunk: min(256, charter.actions.count / 16))
        @Sendable func drain(_ queue: WorkQueue) -> [CoverageChunk] {
            var chunks: [CoverageChunk] = []
            while let actions = queue.take() {
                var budget = Coverage.maximumWork
                var found: [Diagnostic] = []
                let leftOut = Coverage.analyse(charter, skipping: damaged, index: index, actions: actions, budget: &budget, into: &found)
                chunks.append(CoverageChunk(actions: actions, diagnostics: found, spent: Coverage.maximumWork - budget, leftOut: leftOut))
            }
            return chunks
        }
        let (there, here) = Concurrently.run({ drain(queue) }, while: { () -> [CoverageChunk] in
            meanwhile()
            return drain(queue)
        })
        let chunks = (there + here).sorted { $0.actions.lowerBound < $1.actions.lowerBound }
        var spent = 0
        for chunk in chunks {
            spent += chunk.spent
            if chunk.leftOut || spent >= Coverage.maximumWork { return nil }
        }
        return chunks.flatMap(\.diagnostics)
    }
}

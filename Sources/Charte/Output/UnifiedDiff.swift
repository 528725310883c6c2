/// A unified diff between two texts, line by line (`diff -u`), for `charte fmt --diff`.
///
/// The edit script is Myers' shortest one after the common first and last lines are set
/// aside; past `maximumEdits` differences the middle is shown as one replaced block (still a
/// correct diff, only not the shortest), so time and memory stay bounded on any input.
public enum UnifiedDiff {
    /// Lines of context around each change.
    public static let context = 3
    /// The most edits searched for a shortest script.
    public static let maximumEdits = 1000

    /// The diff of `old` into `new` under the names `oldName` and `newName`; empty when equal.
    public static func render(old: String, new: String, oldName: String, newName: String) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        let operations = script(a, b)
        var text = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(operations) {
            text += header(hunk, operations: operations)
            for operation in operations[hunk] {
                switch operation {
                case .same(let i, _): text += " " + a[i].text + "\n" + (a[i].ended ? "" : "\\ No newline at end of file\n")
                case .removed(let i): text += "-" + a[i].text + "\n" + (a[i].ended ? "" : "\\ No newline at end of file\n")
                case .added(let j): text += "+" + b[j].text + "\n" + (b[j].ended ? "" : "\\ No newline at end of file\n")
                }
            }
        }
        return text
    }

    /// A line and whether a line end followed it (the last line may have none).
    struct Line: Equatable {
        let text: Substring
        let ended: Bool
    }

    /// One step of the edit script, with line indexes in the old and new texts.
    enum Operation: Equatable {
        case same(Int, Int)
        case removed(Int)
        case added(Int)
    }

    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if let end = rest.firstIndex(of: "\n") {
                result.append(Line(text: rest[..<end], ended: true))
                rest = rest[rest.index(after: end)...]
            } else {
                result.append(Line(text: rest, ended: false))
                rest = ""
            }
        }
        return result
    }

    // MARK: - Edit script

    static func script(_ a: [Line], _ b: [Line]) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var operations = (0..<prefix).map { Operation.same($0, $0) }
        let middleA = Array(a[prefix..<(a.count - suffix)]), middleB = Array(b[prefix..<(b.count - suffix)])
        let middle = shortest(middleA, middleB) ?? (middleA.indices.map { .removed($0) } + middleB.indices.map { .added($0) })
        operations += middle.map { operation in
            switch operation {
            case .same(let i, let j): .same(i + prefix, j + prefix)
            case .removed(let i): .removed(i + prefix)
            case .added(let j): .added(j + prefix)
            }
        }
        operations += (0..<suffix).map { .same(a.count - suffix + $0, b.count - suffix + $0) }
        return operations
    }

    /// Myers' greedy shortest edit script, or nil past `maximumEdits` edits.
    private static func shortest(_ a: [Line], _ b: [Line]) -> [Operation]? {
        let n = a.count, m = b.count
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else { return nil }
        // Walk back through the saved frontiers.
        var operations: [Operation] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let frontier = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : frontier[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                operations.append(.same(x, y))
            }
            guard d > 0 else { break }
            if x == previousX { operations.append(.added(previousY)) } else { operations.append(.removed(previousX)) }
            x = previousX
            y = previousY
        }
        return operations.reversed()
    }

    // MARK: - Hunks

    /// The ranges of operations shown, each a change with its context (close changes merged).
    private static func hunks(_ operations: [Operation]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, operation) in operations.enumerated() {
            if case .same = operation { continue }
            let start = max(0, index - context), end = min(operations.count, index + context + 1)
            if let last = ranges.last, start <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                ranges.append(start..<end)
            }
        }
        return ranges
    }

    /// `@@ -start,count +start,count @@`.
    private static func header(_ hunk: Range<Int>, operations: [Operation]) -> String {
        var oldStart: Int?, newStart: Int?
        var oldCount = 0, newCount = 0
        for operation in operations[hunk] {
            switch operation {
            case .same(let i, let j):
                oldStart = oldStart ?? i
                newStart = newStart ?? j
                oldCount += 1
                newCount += 1
            case .removed(let i):
                oldStart = oldStart ?? i
                oldCount += 1
            case .added(let j):
                newStart = newStart ?? j
                newCount += 1
            }
        }
        // An empty side starts at the line before the change (0 when it is at the top).
        let old = oldCount == 0 ? before(hunk, operations: operations, old: true) : (oldStart ?? 0) + 1
        let new = newCount == 0 ? before(hunk, operations: operations, old: false) : (newStart ?? 0) + 1
        return "@@ -\(range(old, oldCount)) +\(range(new, newCount)) @@\n"
    }

    private static func before(_ hunk: Range<Int>, operations: [Operation], old: Bool) -> Int {
        var line = 0
        for operation in operations[..<hunk.lowerBound] {
            switch operation {
            case .same: line += 1
            case .removed: if old { line += 1 }
            case .added: if !old { line += 1 }
            }
        }
        return line
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }
}

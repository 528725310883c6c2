// The formatter's intermediate form: lines of code with their comments and blank-line
// rules, rendered last so that alignment depends only on the tree, never on the input's
// spacing (which is what makes formatting idempotent).

/// How the formatter decides whether a blank line precedes a line.
enum BlankRule: Sendable {
    /// Never a blank line (first item of a block, a closing brace).
    case never
    /// Always one blank line (around steps, tests and other large blocks).
    case always
    /// One blank line when the source had at least one.
    case preserve
}

/// Lines whose labels are aligned with the neighbouring lines of the same family.
enum AlignmentFamily: Sendable {
    /// `role`, `instance` and `externe` declarations.
    case actor
    /// `action` and `evenement` declarations.
    case action
}

/// A comment on a line of its own, placed before a line of code.
struct LayoutComment: Sendable {
    /// The comment, from `#` on, without trailing spaces.
    var text: String
    /// Whether the source had a blank line just before it.
    var sourceBlank: Bool
}

/// One line of formatted code, with the comments that belong to it.
struct LayoutLine: Sendable {
    /// The nesting level (two spaces each).
    var indent: Int
    /// The code, or its part before the aligned column when `tail` is set.
    var head: String
    /// The part aligned with the neighbouring lines of the same family.
    var tail: String?
    /// The family whose labels line up.
    var family: AlignmentFamily?
    /// The byte offset of the line's first token in the source (comments attach by it).
    var anchor: Int
    /// The blank-line rule for the first thing printed for this line.
    var rule: BlankRule
    /// Whether this line is a closing `}` (its comments are indented one level deeper).
    var isClosing = false
    /// Whether this is the pseudo-line after the last declaration, holding final comments.
    var isEnd = false
    /// Whether this line opens a one-item block that may be written on one line.
    var opensShortBlock = false
    /// Whether the source had a blank line before the line's first token.
    var sourceBlank = false
    /// Comments on lines of their own, printed before the code.
    var leading: [LayoutComment] = []
    /// The comment written after the code on the same line.
    var trailing: String?

    /// The code without alignment padding.
    var plainCode: String { tail.map { head + " " + $0 } ?? head }
}

/// Turns layout lines into text: blank lines, label and comment alignment, indentation.
enum LayoutRenderer {
    /// The widest line that a one-item block is folded into.
    static let shortBlockWidth = 100

    /// The formatted text, ending with one newline (or empty for an empty charter).
    static func render(_ input: [LayoutLine]) -> String {
        let lines = foldShortBlocks(input)
        let blanks = resolveBlanks(lines)
        let code = alignLabels(lines, blanks: blanks)
        let comments = commentColumns(lines, code: code, blanks: blanks)
        var out = ""
        for (index, line) in lines.enumerated() {
            let commentIndent = String(repeating: "  ", count: line.isClosing ? line.indent + 1 : line.indent)
            for (position, comment) in line.leading.enumerated() {
                if blanks[index].comments[position] { out += "\n" }
                out += commentIndent + comment.text + "\n"
            }
            if line.isEnd { continue }
            if blanks[index].code { out += "\n" }
            var text = String(repeating: "  ", count: line.indent) + code[index]
            if let trailing = line.trailing {
                let width = code[index].count
                text += String(repeating: " ", count: max(2, comments[index] - width)) + trailing
            }
            out += text + "\n"
        }
        return out
    }

    /// Folds `head {` / one item / `}` into `head { item }` when no comment sits inside
    /// and the result is short, as in `objet eleve "Élève" { mouvement: arrivee | depart }`.
    static func foldShortBlocks(_ lines: [LayoutLine]) -> [LayoutLine] {
        var result: [LayoutLine] = []
        var index = 0
        while index < lines.count {
            let head = lines[index]
            guard head.opensShortBlock, index + 2 < lines.count else {
                result.append(head)
                index += 1
                continue
            }
            let item = lines[index + 1], closing = lines[index + 2]
            var folded = head
            let suffix = " " + item.plainCode + " }"
            if let tail = head.tail { folded.tail = tail + suffix } else { folded.head = head.head + suffix }
            folded.trailing = closing.trailing
            let fits = head.indent * 2 + folded.plainCode.count <= shortBlockWidth
            guard closing.isClosing, head.trailing == nil, item.leading.isEmpty, item.trailing == nil,
                  closing.leading.isEmpty, fits else {
                result.append(head)
                index += 1
                continue
            }
            result.append(folded)
            index += 3
        }
        return result
    }

    /// Whether a blank line precedes each leading comment and each line of code.
    private static func resolveBlanks(_ lines: [LayoutLine]) -> [(comments: [Bool], code: Bool)] {
        var result: [(comments: [Bool], code: Bool)] = []
        var printedAnything = false
        for line in lines {
            var comments: [Bool] = []
            for (position, comment) in line.leading.enumerated() {
                let rule: BlankRule = position == 0 ? line.rule : .preserve
                comments.append(printedAnything && decide(rule, source: comment.sourceBlank))
                printedAnything = true
            }
            var code = false
            if !line.isEnd {
                let rule: BlankRule = line.isClosing ? .never : (line.leading.isEmpty ? line.rule : .preserve)
                code = printedAnything && decide(rule, source: line.sourceBlank)
                printedAnything = true
            }
            result.append((comments, code))
        }
        return result
    }

    private static func decide(_ rule: BlankRule, source: Bool) -> Bool {
        switch rule {
        case .never: false
        case .always: true
        case .preserve: source
        }
    }

    /// Whether line `index` directly follows line `index - 1` (no comment or blank between).
    private static func isAdjacent(_ lines: [LayoutLine], _ index: Int, blanks: [(comments: [Bool], code: Bool)]) -> Bool {
        index > 0 && lines[index].leading.isEmpty && !blanks[index].code && !lines[index].isEnd
            && lines[index].indent == lines[index - 1].indent
    }

    /// The code of each line with labels of adjacent lines of one family in one column.
    private static func alignLabels(_ lines: [LayoutLine], blanks: [(comments: [Bool], code: Bool)]) -> [String] {
        var code = lines.map(\.plainCode)
        var start = 0
        while start < lines.count {
            guard let family = lines[start].family, lines[start].tail != nil else {
                start += 1
                continue
            }
            var end = start + 1
            while end < lines.count, lines[end].family == family, lines[end].tail != nil,
                  isAdjacent(lines, end, blanks: blanks) {
                end += 1
            }
            let column = lines[start..<end].map(\.head.count).max() ?? 0
            for index in start..<end {
                let line = lines[index]
                code[index] = line.head + String(repeating: " ", count: column - line.head.count + 1) + (line.tail ?? "")
            }
            start = end
        }
        return code
    }

    /// The column (after indentation) where each line's trailing comment starts.
    ///
    /// Adjacent lines at one indentation share the column: two spaces after the longest
    /// of those lines that carry a trailing comment.
    private static func commentColumns(_ lines: [LayoutLine], code: [String],
                                       blanks: [(comments: [Bool], code: Bool)]) -> [Int] {
        var columns = Array(repeating: 0, count: lines.count)
        var start = 0
        while start < lines.count {
            var end = start + 1
            while end < lines.count, isAdjacent(lines, end, blanks: blanks) { end += 1 }
            let widest = (start..<end).filter { lines[$0].trailing != nil }.map { code[$0].count }.max() ?? 0
            for index in start..<end { columns[index] = widest + 2 }
            start = end
        }
        return columns
    }
}

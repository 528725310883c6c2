// Where the formatter puts each comment: a comment alone on its line goes before the line
// of code that holds the next token; a comment after code stays after that code's line.

/// Attaches the source's comments to layout lines.
struct CommentPlacer {
    /// The source.
    let file: SourceFile
    /// The source's tokens, the last one being the end of file.
    let tokens: [Token]

    /// Attaches every comment to a line; the lines keep their order.
    func place(_ comments: [Span], in lines: inout [LayoutLine]) {
        guard !lines.isEmpty else { return }
        let byAnchor = lines.indices.sorted { lines[$0].anchor < lines[$1].anchor }
        for span in comments {
            let text = CommentPlacer.trimmed(file.text(span.range))
            if let previous = tokenBefore(span.start),
               file.lineIndex(of: previous.span.start) == file.lineIndex(of: span.start) {
                let target = line(containing: span.start, byAnchor: byAnchor, lines: lines)
                if lines[target].trailing == nil, !lines[target].isEnd {
                    lines[target].trailing = text
                } else {
                    // A second comment after the same line of code is kept on its own line.
                    let next = min(target + 1, lines.count - 1)
                    lines[next].leading.append(LayoutComment(text: text, sourceBlank: false))
                }
            } else {
                let next = tokenStart(atOrAfter: span.end)
                let target = line(containing: next, byAnchor: byAnchor, lines: lines)
                lines[target].leading.append(LayoutComment(text: text, sourceBlank: LayoutBuilder.blankBefore(span.start, in: file)))
            }
        }
    }

    /// The comment without trailing spaces or a carriage return.
    static func trimmed(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The index of the line with the greatest anchor not after `offset`.
    private func line(containing offset: Int, byAnchor: [Int], lines: [LayoutLine]) -> Int {
        var low = 0, high = byAnchor.count
        while low < high {
            let mid = (low + high) / 2
            if lines[byAnchor[mid]].anchor <= offset { low = mid + 1 } else { high = mid }
        }
        return byAnchor[max(0, low - 1)]
    }

    /// The last real token ending at or before `offset`.
    private func tokenBefore(_ offset: Int) -> Token? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].span.end <= offset, tokens[mid].kind != .endOfFile { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? tokens[low - 1] : nil
    }

    /// The start of the first token at or after `offset` (the end of file at worst).
    private func tokenStart(atOrAfter offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].span.start < offset { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count ? tokens[low].span.start : file.bytes.count
    }
}

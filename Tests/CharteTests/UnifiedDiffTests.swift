import Testing
@testable import Charte

/// `UnifiedDiff`: the same hunks as `diff -u`, and a correct diff past the edit budget.
@Suite struct UnifiedDiffTests {
    static let cases: [(String, String, String)] = [
        ("a\nb\nc\n", "a\nb\nc\n", ""),
        ("a\n", "b\n", "@@ -1 +1 @@\n-a\n+b\n"),
        ("", "a\n", "@@ -0,0 +1 @@\n+a\n"),
        ("a\nb\n", "a\n", "@@ -1,2 +1 @@\n a\n-b\n"),
        ("a\nb", "a\nb\n", "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"),
        ("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\nX\n3\n4\n5\n6\n7\n8\nY\n10\n",
         "@@ -1,10 +1,10 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n 10\n"),
        ((1...12).map { "\($0)\n" }.joined(), (1...12).map { $0 == 2 ? "X\n" : $0 == 11 ? "Y\n" : "\($0)\n" }.joined(),
         "@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n+Y\n 12\n"),
        ("1\n2\n3\n4\n5\n6\n7\n", "1\n2\n3\n4\n5\n6\n7\n8\n", "@@ -5,3 +5,4 @@\n 5\n 6\n 7\n+8\n"),
    ]

    @Test(arguments: cases)
    func hunksAsDiffWritesThem(old: String, new: String, hunks: String) {
        let diff = UnifiedDiff.render(old: old, new: new, oldName: "a", newName: "b")
        #expect(diff == (hunks.isEmpty ? "" : "--- a\n+++ b\n" + hunks))
    }

    @Test func pastTheEditBudgetTheDiffIsStillCorrect() throws {
        let old = (0..<3000).map { "ligne \($0)\n" }.joined()
        let new = (0..<3000).map { $0 % 2 == 0 ? "ligne \($0)\n" : "changée \($0)\n" }.joined()
        let diff = UnifiedDiff.render(old: old, new: new, oldName: "a", newName: "b")
        #expect(try Self.apply(diff, to: old) == new)
        let small = (0..<3000).map { $0 == 1500 ? "autre\n" : "ligne \($0)\n" }.joined()
        #expect(try Self.apply(UnifiedDiff.render(old: old, new: small, oldName: "a", newName: "b"), to: old) == small)
    }

    /// Applies a diff made of whole-line hunks (what `render` writes) to a text.
    static func apply(_ diff: String, to text: String) throws -> String {
        var old = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if old.last == "" { old.removeLast() }
        var result: [String] = []
        var position = 0
        for line in diff.split(separator: "\n").dropFirst(2) {
            if line.hasPrefix("@@") {
                let start = try #require(Int(line.dropFirst(4).prefix { $0.isNumber }))
                let target = max(start - 1, 0)
                result += old[position..<target]
                position = target
            } else if line.hasPrefix(" ") {
                result.append(String(line.dropFirst()))
                position += 1
            } else if line.hasPrefix("-") {
                position += 1
            } else if line.hasPrefix("+") {
                result.append(String(line.dropFirst()))
            }
        }
        result += old[position...]
        return result.map { $0 + "\n" }.joined()
    }
}

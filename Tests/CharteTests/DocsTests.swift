import Testing
import Foundation
@testable import Charte

/// The ```charte code blocks of a Markdown file, with the line each starts on.
func charteBlocks(in relative: String) -> [(line: Int, text: String)] {
    guard let text = try? String(contentsOfFile: repositoryPath(relative), encoding: .utf8) else { return [] }
    var blocks: [(Int, String)] = []
    var current: [String]?
    var start = 0
    var previous = ""
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        defer { previous = line.trimmingCharacters(in: .whitespaces) }
        // The guide's `<!-- guide: ajout F -->` blocks end a charter of an earlier block: GuideTests checks them there.
        if current == nil, line.trimmingCharacters(in: .whitespaces) == "```charte", !previous.hasPrefix("<!-- guide: ajout ") {
            current = []
            start = index + 2
        } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
            blocks.append((start, (current ?? []).joined(separator: "\n")))
            current = nil
        } else if current != nil {
            current?.append(String(line))
        }
    }
    return blocks
}

/// README.md, Grammar.md and every Markdown file of `docs/`, relative to the repository.
func documentationFiles() -> [String] {
    let docs = (try? FileManager.default.contentsOfDirectory(atPath: repositoryPath("docs"))) ?? []
    return ["README.md", "Grammar.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
}

@Suite struct DocsTests {
    /// The language reference is part of the checked documentation.
    @Test func referenceIsChecked() {
        #expect(documentationFiles().contains("docs/reference.md"))
    }

    /// The codes table of the reference (section 10) has one row per code of the catalogue.
    @Test func everyCodeHasARowInTheReference() throws {
        let reference = try String(contentsOfFile: repositoryPath("docs/reference.md"), encoding: .utf8)
        let rows = Set(reference.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| ") else { return nil }
            let cell = line.dropFirst(2).prefix { $0 != " " }
            return cell.count == 4 ? String(cell) : nil
        })
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !rows.contains($0) }
        #expect(missing == [], "add a row for each of these codes to the table of docs/reference.md, section 10")
    }

    /// Every charter shown in the documentation checks clean, so the docs cannot rot.
    @Test(arguments: documentationFiles())
    func charteBlocksCheckClean(document: String) {
        let blocks = charteBlocks(in: document)
        #expect(!blocks.isEmpty, "no ```charte block in \(document)")
        for block in blocks {
            let loaded = CharterLoader.check(text: block.text, name: "\(document):\(block.line)")
            #expect(loaded.diagnostics.map(\.code.rawValue) == [], "\(document) block at line \(block.line)")
        }
    }
}

@Suite struct ReadmeEmbeddingTests {
    /// The README's Swift example is the very code `QueriesEmbeddingTests` compiles and runs.
    @Test func readmeExampleIsTheTestedCode() throws {
        let readme = try String(contentsOfFile: repositoryPath("README.md"), encoding: .utf8)
        let test = try String(contentsOfFile: repositoryPath("Tests/CharteTests/QueriesEmbeddingTests.swift"), encoding: .utf8)
        let block = try #require(readme.split(separator: "```swift\n").dropFirst().first?.split(separator: "```").first)
        let function = block.split(separator: "\n").filter { !$0.hasPrefix("import ") && !$0.isEmpty }.joined(separator: "\n")
        #expect(test.contains(function))
    }
}

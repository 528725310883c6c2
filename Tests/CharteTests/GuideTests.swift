import Testing
import Foundation

// docs/guide.md is tested as a script, so the guide cannot rot:
//
// - `<!-- guide: fichier NOM -->` on the line before a fenced block writes that block's
//   text to NOM in a scratch folder (later blocks with the same name replace it), and
//   `<!-- guide: ajout NOM -->` adds the block's text at the end of NOM;
// - every ```console block is a session: a line `$ charte …` is a command, run with the
//   built binary in the scratch folder, and the lines up to the next `$ ` (or the end of
//   the block) are exactly what it prints (standard output and error, in the order written).
//
// The scratch folder starts with the example table, `docs/guide/organisation.tsv`.
// `CHARTE_REGOLDEN=1 swift test --filter GuideTests` rewrites the outputs in the guide;
// review the diff as for any golden file.

/// One piece of the guide the test acts on, in document order.
enum GuideStep: Equatable {
    /// A file to write (or to add to, when `append`) before the next commands.
    case file(name: String, text: String, append: Bool)
    /// A command with its expected output; `lines` are the guide's lines holding that output.
    case command(line: Int, arguments: [String], expected: String, lines: Range<Int>)
}

/// Reads the guide's markers and console blocks.
struct GuideScript {
    /// The guide's lines, without their newlines.
    let lines: [String]
    /// The files and commands, in order.
    private(set) var steps: [GuideStep] = []
    /// Markers or commands the test cannot use, with their line numbers.
    private(set) var problems: [String] = []

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        var pendingFile: (name: String, append: Bool)?
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            if let marker = GuideScript.fileMarker(trimmed) {
                pendingFile = marker
                index += 1
                continue
            }
            guard trimmed.hasPrefix("```") else { index += 1; continue }
            let info = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
            var end = index + 1
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
            let body = index + 1..<min(end, lines.count)
            if let file = pendingFile {
                steps.append(.file(name: file.name, text: lines[body].joined(separator: "\n") + "\n", append: file.append))
                pendingFile = nil
            } else if info == "console" {
                readSession(body)
            }
            index = end + 1
        }
        if let pendingFile { problems.append("marqueur « \(pendingFile.name) » sans bloc après lui") }
    }

    /// `<!-- guide: fichier NOM -->` → (NOM, false); `<!-- guide: ajout NOM -->` → (NOM, true).
    static func fileMarker(_ line: String) -> (name: String, append: Bool)? {
        let suffix = " -->"
        for (prefix, append) in [("<!-- guide: fichier ", false), ("<!-- guide: ajout ", true)] {
            guard line.hasPrefix(prefix), line.hasSuffix(suffix) else { continue }
            let name = line.dropFirst(prefix.count).dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            return name.isEmpty || name.contains("/") ? nil : (name, append)
        }
        return nil
    }

    private mutating func readSession(_ body: Range<Int>) {
        var index = body.lowerBound
        while index < body.upperBound {
            let line = lines[index]
            guard line.hasPrefix("$ ") else {
                problems.append("ligne \(index + 1) : une session commence par « $ charte … »")
                index += 1
                continue
            }
            var end = index + 1
            while end < body.upperBound, !lines[end].hasPrefix("$ ") { end += 1 }
            let words = GuideScript.words(String(line.dropFirst(2)))
            if let words, words.first == "charte" {
                let expected = lines[index + 1..<end].joined(separator: "\n")
                steps.append(.command(line: index + 1, arguments: Array(words.dropFirst()),
                                      expected: expected, lines: index + 1..<end))
            } else {
                problems.append("ligne \(index + 1) : seules les commandes « charte … » sont lancées")
            }
            index = end
        }
    }

    /// A command line split as a POSIX shell would, for plain words and quotes; nil when a quote is open.
    static func words(_ line: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { return nil }
        if inWord { words.append(current) }
        return words
    }
}

/// Runs the guide's steps in a scratch folder with the built binary.
struct GuideRunner {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("charte-guide-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repositoryPath("docs/guide/organisation.tsv"),
                                         toPath: folder.appendingPathComponent("organisation.tsv").path)
    }

    func write(_ name: String, _ text: String, append: Bool) throws {
        let url = folder.appendingPathComponent(name)
        let before = append ? ((try? String(contentsOf: url, encoding: .utf8)) ?? "") + "\n" : ""
        try (before + text).write(to: url, atomically: true, encoding: .utf8)
    }

    /// What the command prints, standard output and error interleaved as written, without trailing blank lines.
    func run(_ arguments: [String]) throws -> String {
        guard let binary = charteBinary() else { throw BinaryMissing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["NO_COLOR": "1", "COLUMNS": "80", "HOME": folder.path, "XDG_STATE_HOME": folder.path]
        process.currentDirectoryURL = folder
        let output = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input
        try process.run()
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return GuideRunner.trimmed(String(decoding: data, as: UTF8.self))
    }

    /// The text without trailing spaces on its lines and without blank lines at its end.
    static func trimmed(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop(while: { $0 == " " }).reversed())
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite struct GuideTests {
    static let guide = "docs/guide.md"

    /// The markers are well formed and the guide really runs commands.
    @Test func guideHasSessions() throws {
        let script = GuideScript(text: try String(contentsOfFile: repositoryPath(GuideTests.guide), encoding: .utf8))
        #expect(script.problems == [])
        let commands = script.steps.filter { if case .command = $0 { true } else { false } }
        #expect(commands.count >= 30)
    }

    /// Every command of the guide prints exactly what the guide shows.
    @Test func everyCommandPrintsWhatTheGuideShows() throws {
        let text = try String(contentsOfFile: repositoryPath(GuideTests.guide), encoding: .utf8)
        let script = GuideScript(text: text)
        let runner = try GuideRunner()
        defer { runner.remove() }
        var rewritten = script.lines
        var replacements: [(Range<Int>, [String])] = []
        for step in script.steps {
            switch step {
            case let .file(name, body, append):
                try runner.write(name, body, append: append)
            case let .command(line, arguments, expected, lines):
                let actual = try runner.run(arguments)
                replacements.append((lines, actual.isEmpty ? [] : actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
                if ProcessInfo.processInfo.environment["CHARTE_REGOLDEN"] != "1" {
                    #expect(actual == GuideRunner.trimmed(expected),
                            "docs/guide.md:\(line): « \(script.lines[line - 1]) » (CHARTE_REGOLDEN=1 swift test --filter GuideTests réécrit le guide)")
                }
            }
        }
        guard ProcessInfo.processInfo.environment["CHARTE_REGOLDEN"] == "1" else { return }
        for (range, lines) in replacements.reversed() { rewritten.replaceSubrange(range, with: lines) }
        try rewritten.joined(separator: "\n").write(toFile: repositoryPath(GuideTests.guide), atomically: true, encoding: .utf8)
    }

    /// The splitting of command lines follows the shell for the forms the guide uses.
    @Test(arguments: [
        ("charte qui college.charte attribuer_licence 'ressource(categorie: manuel)'",
         ["charte", "qui", "college.charte", "attribuer_licence", "ressource(categorie: manuel)"]),
        ("charte peut college.charte \"Mme Roux\" commander", ["charte", "peut", "college.charte", "Mme Roux", "commander"]),
        ("charte requete c.charte 'qui \"licences\"'", ["charte", "requete", "c.charte", "qui \"licences\""]),
        ("charte  verifier  ''", ["charte", "verifier", ""]),
    ])
    func commandWords(line: String, words: [String]) {
        #expect(GuideScript.words(line) == words)
    }

    /// The charter writer's documents link nothing outside the repository.
    @Test(arguments: ["README.md", "Grammar.md", "docs/guide.md", "docs/reference.md"])
    func documentsStayInsideTheRepository(document: String) throws {
        let text = try String(contentsOfFile: repositoryPath(document), encoding: .utf8)
        #expect(!text.contains("../shared"), "\(document)")
        #expect(!text.contains("/work/"), "\(document)")
    }

    /// Every relative link of the documents names a file of the repository.
    @Test(arguments: ["README.md", "Grammar.md", "docs/guide.md", "docs/reference.md"])
    func relativeLinksStayInsideTheRepository(document: String) throws {
        let text = try String(contentsOfFile: repositoryPath(document), encoding: .utf8)
        let folder = URL(fileURLWithPath: repositoryPath(document)).deletingLastPathComponent()
        let root = URL(fileURLWithPath: repositoryRoot).standardizedFileURL.path
        for part in text.components(separatedBy: "](").dropFirst() {
            guard let target = part.split(separator: ")", maxSplits: 1).first.map(String.init),
                  !target.hasPrefix("http"), !target.hasPrefix("#"), !target.contains(" ") else { continue }
            let file = String(target.split(separator: "#", maxSplits: 1).first ?? "")
            let path = folder.appendingPathComponent(file).standardizedFileURL.path
            #expect(path.hasPrefix(root + "/") && FileManager.default.fileExists(atPath: path), "\(document): lien « \(target) »")
        }
    }

    /// The README opens with the French paragraph that sends the charter writer to the guide.
    @Test func readmeSendsTheWriterToTheGuide() throws {
        let readme = try String(contentsOfFile: repositoryPath("README.md"), encoding: .utf8)
        let opening = readme.split(separator: "\n\n").prefix(2).joined(separator: "\n\n")
        #expect(opening.contains("](docs/guide.md)"))
    }
}

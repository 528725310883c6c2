import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

/// The command-line conventions of issue 12 item 8: gcc words, help, quiet, colour,
/// completion, man page, fmt --diff, --excel, version in JSON, no placeholder host.
@Suite struct CommandLineConventionsTests {
    static let duplicate = "rules/exemples-erreurs/E101-declaration-en-double.charte"
    static let unused = "rules/exemples-erreurs/W302-acteur-inutilise.charte"

    // MARK: - gcc

    @Test func gccUsesTheToolsSeverityWordsAndNotes() {
        let error = runCLI(["verifier", "--format", "gcc", repositoryPath(Self.duplicate)])
        #expect(error.status == 1)
        let path = repositoryPath(Self.duplicate)
        #expect(error.err == "\(path):11:8: error: « traiter » est déjà déclaré (action) [E101]\n"
                + "\(path):10:8: note: première déclaration ici\n")
        let warning = runCLI(["verifier", "--format", "gcc", repositoryPath(Self.unused)])
        #expect(warning.err.contains(": warning: "))
        #expect(!warning.err.contains("avertissement:"))
    }

    // MARK: - Help and version

    @Test(arguments: ["help", "aide"])
    func helpCommandShowsTheCommandsHelp(word: String) {
        let result = runCLI([word, "journal"])
        #expect(result.status == 0)
        #expect(result.out == JournalCommand.command.help)
        #expect(runCLI([word]).out == CLI.mainHelp)
        let unknown = runCLI([word, "jounal"])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("commande inconnue « jounal ». Vouliez-vous dire « journal » ?"))
    }

    @Test func versionInJSON() {
        let result = runCLI(["--version", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.out == "{\n  \"nom\": \"charte\",\n  \"version\": \"\(CLI.version)\"\n}\n")
        #expect(runCLI(["--version"]).out == "charte \(CLI.version)\n")
        #expect(runCLI(["--version", "--format", "xml"]).status == 2)
    }

    // MARK: - Quiet

    @Test func quietKeepsOnlyResultsAndErrors() {
        let clean = runCLI(["--quiet", "verifier", repositoryPath(Self.unused)])
        #expect(clean.status == 0)
        #expect(clean.err == "")
        #expect(runCLI(["verifier", "-q", "--strict", repositoryPath(Self.unused)]).status == 1, "exit codes unchanged")
        let broken = runCLI(["verifier", repositoryPath(Self.duplicate), "-q", "--format", "gcc"])
        #expect(broken.status == 1)
        #expect(broken.err.hasSuffix("note: première déclaration ici\n"), "errors stay, no summary line")
        let export = runCLI(["exporter", "-q", repositoryPath(Self.unused)])
        #expect(export.status == 0)
        #expect(export.err == "")
        #expect(!export.out.isEmpty)
    }

    // MARK: - Colour

    static let colourCases: [([String], [String: String], Bool)] = [
        ([], [:], false),
        ([], ["FORCE_COLOR": "1"], true),
        ([], ["FORCE_COLOR": "0"], false),
        ([], ["FORCE_COLOR": "1", "NO_COLOR": "1"], true),
        (["--color=always"], ["NO_COLOR": "1"], true),
        (["--color", "never"], ["FORCE_COLOR": "1"], false),
        (["--couleur=toujours"], [:], true),
        (["--color=auto"], ["NO_COLOR": "1"], false),
    ]

    @Test(arguments: colourCases)
    func colourFollowsTheOptionThenTheEnvironment(options: [String], environment: [String: String], coloured: Bool) {
        let result = runCLI(options + ["verifier", repositoryPath(Self.duplicate)], environment: environment)
        #expect(result.status == 1)
        #expect(result.err.contains("\u{1B}[") == coloured)
    }

    @Test func anUnknownColourIsAUsageError() {
        let result = runCLI(["--color=bleu", "verifier", repositoryPath(Self.unused)])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("charte : valeur inconnue « bleu » pour --color (valeurs : auto, always, never)\n"))
    }

    // MARK: - Completion

    @Test(arguments: CompletionCommand.Shell.allCases)
    func completionNamesEveryCommandAndOption(shell: CompletionCommand.Shell) {
        let result = runCLI(["completion", shell.rawValue])
        #expect(result.status == 0)
        for command in CLI.commands {
            for name in [command.name] + command.aliases { #expect(result.out.contains(name), "\(shell) : \(name)") }
            for option in command.options {
                let long = option.names.first { $0.hasPrefix("--") } ?? option.names[0]
                let spelled = shell == .fish ? (long.hasPrefix("--") ? "-l " + long.dropFirst(2) : "-s " + long.dropFirst()) : long
                #expect(result.out.contains(spelled), "\(shell) : \(command.name) \(long)")
                for value in option.values { #expect(result.out.contains(value)) }
            }
        }
        #expect(runCLI(["completion", "tcsh"]).status == 2)
    }

    @Test func bashCompletionCompletes() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let script = runCLI(["completion", "bash"]).out
        let cases: [([String], String)] = [
            (["charte", "exp"], "exporter export expliquer explain"),
            (["charte", "verifier", "--format", "g"], "gcc github"),
            (["charte", "--color", "a"], "auto always"),
            (["charte", "exporter", "x.charte", "--vue", ""], "tableau raci"),
            (["charte", "fmt", "--di"], "--diff"),
            (["charte", "help", "jou"], "journal"),
            (["charte", "expliquer", "E10"], DiagnosticCode.allCases.map(\.rawValue).filter { $0.hasPrefix("E10") }.joined(separator: " ")),
        ]
        for (words, expected) in cases {
            let array = words.map { "'\($0)'" }.joined(separator: " ")
            let program = script + "\nCOMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1); _charte; echo \"${COMPREPLY[*]}\"\n"
            let output = try shell("/bin/bash", ["-c", program])
            #expect(output == expected + "\n", "\(words)")
        }
        #expect(try shell("/bin/bash", ["-n", "-c", script]) == "")
    }

    @Test(arguments: [("zsh", "/usr/bin/zsh"), ("fish", "/usr/bin/fish")])
    func otherScriptsParse(name: String, binary: String) throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else { return }
        let script = runCLI(["completion", name]).out
        let file = try makeTemporaryDirectory() + "/charte.\(name)"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try shell(binary, ["-n", file]) == "")
    }

    // MARK: - Man page

    @Test func manPageIsTheHelpText() throws {
        let result = runCLI(["man"])
        #expect(result.status == 0)
        let page = result.out
        #expect(page.contains(".TH CHARTE 1"))
        for command in CLI.commands {
            #expect(page.contains(".B " + ManCommand.escaped(command.synopsis)), "\(command.name)")
            for option in command.options { #expect(page.contains(ManCommand.escaped(option.help)), "\(command.name) \(option.names)") }
        }
        for option in GlobalOptions.specs { #expect(page.contains(ManCommand.escaped(option.help))) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let file = try makeTemporaryDirectory() + "/charte.1"
        try page.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try shell("/usr/bin/groff", ["-k", "-man", "-Tutf8", "-ww", "-z", file]) == "", "groff ne signale rien")
    }

    // MARK: - fmt

    @Test func fmtDiffShowsTheChangesAsAUnifiedDiff() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/c.charte"
        let original = "role   r \"R\"\n# c\netape e {\n tache t \"T\" {responsable r}\n}\n"
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let result = runCLI(["fmt", "--diff", path])
        #expect(result.status == 1)
        #expect(result.out == """
        --- \(path)
        +++ \(path)
        @@ -1,5 +1,8 @@
        -role   r "R"
        +role r "R"
        +
         # c
         etape e {
        - tache t "T" {responsable r}
        +  tache t "T" {
        +    responsable r
        +  }
         }

        """)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original, "--diff never writes")
        let formatted = try #require(Formatter.format(text: original).text)
        try formatted.write(toFile: path, atomically: true, encoding: .utf8)
        let clean = runCLI(["fmt", "--diff", path])
        #expect(clean.status == 0 && clean.out == "")
        #expect(runCLI(["fmt", "--diff", "--write", path]).status == 2)
    }

    @Test(arguments: ["json", "sarif", "github"])
    func fmtRefusesDocumentFormats(format: String) {
        let result = runCLI(["fmt", "--format", format, repositoryPath(Self.unused)])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("charte fmt : format de diagnostics « \(format) » refusé par fmt (formats : humain, gcc)\n"))
        #expect(result.out == "")
    }

    // MARK: - Excel

    @Test func excelExportsHaveAByteOrderMarkAndSemicolons() {
        let charter = repositoryPath("rules/etablissement-exemple.charte")
        let csv = runCLI(["exporter", charter, "--format", "csv", "--excel"])
        #expect(csv.status == 0)
        #expect(csv.out.unicodeScalars.first == "\u{FEFF}")
        let header = csv.out.dropFirst().prefix { $0 != "\r\n" }
        #expect(header.hasPrefix("LES ETAPES;"))
        #expect(!header.contains(","))
        let plain = runCLI(["exporter", charter, "--format", "csv"]).out
        #expect(plain.hasPrefix("LES ETAPES,"))
        let tsv = runCLI(["exporter", charter, "--format", "tsv", "--excel"])
        #expect(tsv.out.hasPrefix("\u{FEFF}LES ETAPES\t"))
        #expect(runCLI(["exporter", charter, "--format", "html", "--excel"]).status == 2)
        // A separator inside a cell is quoted.
        #expect(DelimitedExport.write([["a;b", "c,d"]], dialect: .csv, excel: true) == "\u{FEFF}\"a;b\";c,d\r\n")
    }

    // MARK: - No placeholder host

    @Test func noPlaceholderHost() throws {
        let readme = try String(contentsOfFile: repositoryPath("README.md"), encoding: .utf8)
        #expect(!readme.contains("example.org"))
        let sarif = runCLI(["verifier", "--format", "sarif", repositoryPath(Self.unused)])
        #expect(!sarif.out.contains("example.org"))
        #expect(!sarif.out.contains("informationUri"))
    }
}

/// Runs a program and returns its standard output and error together.
func shell(_ program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

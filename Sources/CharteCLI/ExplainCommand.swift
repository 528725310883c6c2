import Charte

/// `charte expliquer [CODE]`: what a diagnostic means, an example, and the fix.
enum ExplainCommand {
    static let command = Command(
        name: "expliquer", aliases: ["explain"],
        synopsis: "charte expliquer [CODE]",
        summary: "explique un code de diagnostic, avec un exemple et la correction",
        description: """
        Avec un code (E100, w302…), affiche ce que le diagnostic veut dire, une petite
        charte qui le déclenche, ce que « charte verifier » en dit, et comment corriger.
        Sans code, liste tous les codes avec leur titre.
        Exemple : charte expliquer E100
        """,
        options: [],
        run: run,
        operands: .words(DiagnosticCode.allCases.map(\.rawValue)))

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard let typed = arguments.positionals.first else {
            console.out(list())
            return ExitCode.success
        }
        guard arguments.positionals.count == 1 else {
            throw UsageError(message: "un seul code à la fois (par exemple : charte expliquer E100)")
        }
        guard let code = Explanation.code(named: typed) else {
            let close = Explanation.suggestions(for: typed).map { "\($0.rawValue) (\($0.title))" }
            var message = "charte expliquer : code inconnu « \(typed) »."
            if !close.isEmpty { message += " Vouliez-vous dire \(close.joined(separator: ", ")) ?" }
            console.err(message + "\nLancez « charte expliquer » pour la liste des codes.\n")
            return ExitCode.usage
        }
        console.out(code.explanation.render(colour: console.colourOnOut))
        return ExitCode.success
    }

    /// Every code with its severity and title, one a line.
    static func list() -> String {
        var text = "Codes des diagnostics (E : erreur, W : avertissement) :\n\n"
        for code in DiagnosticCode.allCases {
            text += "  \(code.rawValue)  \(code.title)\n"
        }
        text += "\nDétail d'un code : charte expliquer CODE\n"
        return text
    }
}

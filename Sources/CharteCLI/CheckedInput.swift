import Charte

/// Reads the charter of a command that uses one (`requete` and its shortcuts, `exporter`,
/// `journal`, `agenda`, `test`): the checked charter, or the exit code after saying why not.
///
/// The one refusal path of the command line: an unreadable file exits 2; a charter with
/// errors prints `CharterRefusal`'s text on standard error (the same as the REPL's) and exits 1.
enum CheckedInput {
    /// The checked charter at `path`, or the exit code to return (the reason is already printed).
    static func load(_ path: String, command: String, console: Console,
                     limits: Limits = .standard) -> Result<CheckedCharter, ExitStatus> {
        let loaded: LoadedCharter
        do {
            loaded = try CharterLoader.load(path: path, limits: limits, models: console.modelSearch)
        } catch {
            console.err("charte \(command) : \(error.message)\n")
            return .failure(ExitStatus(code: ExitCode.usage))
        }
        do {
            return .success(try loaded.requireChecked())
        } catch {
            console.err(error.text(colour: console.colourOnErr, limit: limits.printedDiagnostics))
            return .failure(ExitStatus(code: ExitCode.problems))
        }
    }
}

/// An exit code carried as an error.
struct ExitStatus: Error {
    let code: Int32
}

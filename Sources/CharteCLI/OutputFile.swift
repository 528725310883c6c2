import Charte

/// Where a command writes its result with `-o` or `--write`, and the options that loosen
/// the safe default (see `FileAccess.writeAtomically(_:to:options:)`).
enum OutputFile {
    /// `--force`: replace a read-only file.
    static let force = OptionSpec.flag("--force", help: "remplace aussi un fichier en lecture seule")
    /// `--en-place`: write into the file itself (keeps hard links, not atomic).
    static let inPlace = OptionSpec.flag("--en-place",
                                         help: "écrit dans le fichier lui-même (garde les liens physiques, sans écriture atomique)")

    /// How a file is written, for the commands' help.
    static let help = """
    Écriture sans écrasement : un fichier ordinaire est remplacé de façon atomique (ses
    droits, son propriétaire et son groupe sont gardés) ; un fichier en lecture seule est
    refusé sans --force ; un fichier qui a d'autres noms (liens physiques) est remplacé et le
    lien rompu, sauf avec --en-place ; un périphérique ou un tube (/dev/null, FIFO) est écrit
    tel quel ; un lien symbolique d'un autre utilisateur n'est jamais suivi ; un fichier que
    la commande lit n'est jamais écrit.
    """

    /// The write options the arguments ask for, protecting the command's inputs.
    static func options(_ arguments: ParsedArguments, inputs: [String]) -> WriteOptions {
        WriteOptions(force: arguments.has("--force"), inPlace: arguments.has("--en-place"), inputs: inputs)
    }

    /// Writes `text` to `path`; `/dev/stdout` and `/dev/stderr` go to the console's streams.
    /// Prints notes and errors prefixed with the command's name; false when nothing was written.
    static func write(_ text: String, to path: String, options: WriteOptions, command: String,
                      console: Console) -> Bool {
        switch FileAccess.descriptorNamed(by: path) {
        case 1?:
            console.out(text)
            return true
        case 2?:
            console.err(text)
            return true
        default:
            break
        }
        do {
            let notes = try FileAccess.writeAtomically(text, to: path, options: options)
            for note in notes { console.notice("charte \(command) : attention : \(note.message)\n") }
            return true
        } catch {
            console.err("charte \(command) : \(error.message)\n")
            return false
        }
    }
}

import Charte

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `charte lsp`: the language server, over standard input and output.
///
/// Only framing and the streams live here; the protocol is `LanguageServerSession`.
/// Nothing but protocol messages is written to standard output.
enum LanguageServerCommand {
    static let command = Command(
        name: "lsp", aliases: [],
        synopsis: "charte lsp",
        summary: "serveur de langage pour les éditeurs (protocole LSP sur l'entrée et la sortie standard)",
        description: """
        Lancé par l'éditeur, pas à la main : il lit les messages du protocole LSP sur
        l'entrée standard et répond sur la sortie standard (diagnostics en cours de
        frappe, survol, définition, renommage, complétion, mise en forme…).
        La configuration de Neovim, Helix, Emacs et VS Code est dans le README.
        """,
        options: [],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard arguments.positionals.isEmpty else { throw UsageError(message: "« charte lsp » ne prend pas d'argument") }
        var session = LanguageServerSession(serverVersion: CLI.version)
        var framer = MessageFramer()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            while let frame = framer.next() {
                let replies: [JSON]
                switch frame {
                case .message(let body): replies = session.handle(body: body)
                case .malformedHeader: replies = [LanguageServerSession.malformedHeaderError]
                }
                for reply in replies { write(MessageFramer.frame(reply)) }
                if let code = session.exitCode { return code }
            }
            let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                while true {
                    let result = read(0, base, buffer.count)
                    if result < 0, errno == EINTR { continue }
                    return result
                }
            }
            // End of input without `exit`: the editor is gone; 0 only if it asked to shut down.
            guard count > 0 else { return session.isShutDown ? ExitCode.success : ExitCode.problems }
            framer.append(chunk[..<count])
        }
    }

    /// Writes all bytes to standard output.
    private static func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(1, base + offset, buffer.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

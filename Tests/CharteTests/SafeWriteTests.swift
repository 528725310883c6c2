import Testing
import Foundation
@testable import Charte
@testable import CharteCLI
#if canImport(Glibc)
import Glibc
#endif

/// Writes that never clobber (`-o`, `fmt --write`): each kind of target the issue names.
@Suite(.serialized) struct SafeWriteTests {
    static let charter = "role r \"R\"\netape e {\n  tache t \"T\" { responsable r }\n}\n"

    private func status(_ path: String) -> stat {
        var result = stat()
        lstat(path, &result)
        return result
    }

    @Test func aRegularFileIsReplacedKeepingModeOwnerAndGroup() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/sortie.html"
        try write("ancien\n", path)
        chmod(path, 0o640)
        // As root (CI), the file can belong to someone else; it must keep that owner.
        if geteuid() == 0 { chown(path, 65534, 65534) }
        let before = status(path)
        let notes = try FileAccess.writeAtomically("nouveau\n", to: path)
        #expect(notes.isEmpty)
        let after = status(path)
        #expect(read(path) == "nouveau\n")
        #expect(after.st_mode & 0o7777 == 0o640)
        #expect(after.st_uid == before.st_uid && after.st_gid == before.st_gid)
        #expect(after.st_ino != before.st_ino, "remplacé par un renommage, pas écrit en place")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["sortie.html"])
    }

    @Test func aReadOnlyFileIsRefusedUnlessForced() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/charte.charte"
        try write("role   r\n", path)
        chmod(path, 0o444)
        let refused = runCLI(["fmt", "--write", path])
        #expect(refused.status == 2)
        #expect(refused.err == "charte fmt : impossible d'écrire « \(path) » : le fichier est en lecture seule "
                + "(--force pour le remplacer quand même) (le fichier d'origine, s'il existe, est intact)\n")
        #expect(read(path) == "role   r\n")
        let forced = runCLI(["fmt", "--write", "--force", path])
        #expect(forced.status == 0)
        #expect(read(path) == "role r\n")
        #expect(status(path).st_mode & 0o7777 == 0o444, "reste en lecture seule")
    }

    @Test func aLinkPlantedByAnotherUserIsNotFollowed() throws {
        // Needs root to give the link to another user (CI runs as root).
        guard geteuid() == 0 else { return }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let victim = directory + "/passwd", link = directory + "/rapport.html"
        try write("root:x:0:0\n", victim)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        lchown(link, 65534, 65534)
        let result = runCLI(["exporter", repositoryPath("rules/etablissement-exemple.charte"), "-o", link])
        #expect(result.status == 2)
        #expect(result.err.contains("c'est un lien symbolique qui appartient à un autre utilisateur : il n'est pas suivi"))
        #expect(read(victim) == "root:x:0:0\n")
        #expect(status(link).st_mode & S_IFMT == S_IFLNK)
    }

    @Test func aLinkIntoAnotherUsersFolderIsNotFollowed() throws {
        guard geteuid() == 0 else { return }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let foreign = directory + "/autre"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try write("à lui\n", foreign + "/fichier")
        chown(foreign, 65534, 65534)
        try FileManager.default.createSymbolicLink(atPath: directory + "/lien", withDestinationPath: foreign + "/fichier")
        #expect(throws: WriteError.self) { try FileAccess.writeAtomically("x", to: directory + "/lien") }
        #expect(read(foreign + "/fichier") == "à lui\n")
    }

    @Test func aDanglingLinkCreatesNothing() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(atPath: directory + "/lien", withDestinationPath: directory + "/absent")
        #expect(throws: WriteError(path: directory + "/lien",
                                   reason: "c'est un lien symbolique vers « \(directory)/absent », qui n'existe pas")) {
            try FileAccess.writeAtomically("x", to: directory + "/lien")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/absent"))
    }

    @Test func aDeviceIsWrittenInPlace() throws {
        try FileAccess.writeAtomically("rien\n", to: "/dev/null")
        #expect(status("/dev/null").st_mode & S_IFMT == S_IFCHR)
        let result = runCLI(["exporter", repositoryPath("rules/etablissement-exemple.charte"), "-o", "/dev/null"])
        #expect(result.status == 0)
        #expect(status("/dev/null").st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFullDiskIsAnErrorAndExitTwo() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        #expect(throws: WriteError(path: "/dev/full", reason: "plus de place sur le disque")) {
            try FileAccess.writeAtomically("x", to: "/dev/full")
        }
        let result = runCLI(["exporter", repositoryPath("rules/etablissement-exemple.charte"), "-o", "/dev/full"])
        #expect(result.status == 2)
        #expect(result.err == "charte exporter : impossible d'écrire « /dev/full » : plus de place sur le disque "
                + "(le fichier d'origine, s'il existe, est intact)\n")
        #expect(status("/dev/full").st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/tube"
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Received()
        let reader = Thread {
            received.value = FileAccess.read(fifo).map { String(decoding: $0, as: UTF8.self) }
            received.done.signal()
        }
        reader.start()
        try FileAccess.writeAtomically("par le tube\n", to: fifo)
        #expect(received.done.wait(timeout: .now() + 10) == .success)
        #expect(received.value == "par le tube\n")
        #expect(status(fifo).st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["tube"])
    }

    @Test func aSocketIsNeverReplaced() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/prise"
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        #expect(throws: WriteError.self) { try FileAccess.writeAtomically("x", to: path) }
        #expect(status(path).st_mode & S_IFMT == S_IFSOCK)
    }

    @Test func writingOntoAnInputIsRefused() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/charte.charte"
        try write(Self.charter, path)
        let export = runCLI(["exporter", path, "--format", "json", "-o", path])
        #expect(export.status == 2)
        #expect(export.err == "charte exporter : impossible d'écrire « \(path) » : c'est un fichier que la commande lit "
                + "(« \(path) ») (le fichier d'origine, s'il existe, est intact)\n")
        #expect(read(path) == Self.charter)
        // Through another name too (a link of one's own).
        try FileManager.default.createSymbolicLink(atPath: directory + "/autre-nom", withDestinationPath: path)
        #expect(runCLI(["exporter", path, "-o", directory + "/autre-nom"]).status == 2)
        #expect(read(path) == Self.charter)
        let table = directory + "/tableau.tsv"
        try write("Titre\nLES ETAPES\tA\tB\nUne\tx\ty\n", table)
        #expect(runCLI(["importer", table, "-o", table]).status == 2)
        #expect(read(table) == "Titre\nLES ETAPES\tA\tB\nUne\tx\ty\n")
    }

    @Test func aHardLinkIsSaidBrokenOrKeptInPlace() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/charte.charte", other = directory + "/copie.charte"
        try write("role   r\n", path)
        #expect(link(path, other) == 0)
        let broken = runCLI(["fmt", "--write", path])
        #expect(broken.status == 0)
        #expect(broken.err == "charte fmt : attention : « \(path) » avait un autre nom (lien physique) : le lien est rompu, "
                + "l'autre nom garde l'ancien contenu (--en-place pour écrire dans le fichier lui-même)\n")
        #expect(read(path) == "role r\n" && read(other) == "role   r\n")

        try FileManager.default.removeItem(atPath: path)
        #expect(link(other, path) == 0)
        let kept = runCLI(["fmt", "--write", "--en-place", path])
        #expect(kept.status == 0 && kept.err == "")
        #expect(read(path) == "role r\n" && read(other) == "role r\n")
    }

    @Test func standardStreamsByNameGoToTheStreams() throws {
        let result = try runBinary(["exporter", "rules/etablissement-exemple.charte", "--format", "json", "-o", "/dev/stdout"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("{"))
        #expect(status("/dev/null").st_mode & S_IFMT == S_IFCHR)
    }
}

/// What the FIFO reader thread received.
private final class Received: @unchecked Sendable {
    var value: String?
    let done = DispatchSemaphore(value: 0)
}

private func write(_ text: String, _ path: String) throws {
    try text.write(toFile: path, atomically: false, encoding: .utf8)
}

private func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; the file that was there is left exactly as it was.
public struct WriteError: Error, Sendable, Equatable {
    /// The path that was to be written.
    public let path: String
    /// What failed, in French.
    public let reason: String

    /// The French message shown to the user.
    public var message: String {
        "impossible d'écrire « \(path) » : \(reason) (le fichier d'origine, s'il existe, est intact)"
    }
}

/// A step of an atomic write that a test can make fail, to check nothing is damaged.
enum WriteFault: Sendable {
    case create, write, sync, rename
}

/// What the user allowed a write to do beyond the safe default.
public struct WriteOptions: Sendable {
    /// Replace a read-only file anyway (`--force`); it stays read-only.
    public var force = false
    /// Write into the existing file itself instead of replacing it (`--en-place`): keeps
    /// hard links, at the price of atomicity.
    public var inPlace = false
    /// The files the command reads: writing onto one of them is refused.
    public var inputs: [String] = []

    /// The safe default: no read-only file replaced, atomic, nothing protected.
    public init(force: Bool = false, inPlace: Bool = false, inputs: [String] = []) {
        self.force = force
        self.inPlace = inPlace
        self.inputs = inputs
    }
}

/// Something the user should know about a write that succeeded.
public enum WriteNote: Sendable, Equatable {
    /// The file had other names (hard links); they still show the old contents.
    case hardLinkBroken(path: String, others: Int)
    /// The file belonged to someone else, who could not be kept as its owner.
    case ownerNotKept(path: String)

    /// The French sentence shown on standard error.
    public var message: String {
        switch self {
        case .hardLinkBroken(let path, let others):
            "« \(path) » avait \(others == 1 ? "un autre nom" : "\(others) autres noms") (lien physique) : "
                + "le lien est rompu, \(others == 1 ? "l'autre nom garde" : "les autres noms gardent") l'ancien contenu "
                + "(--en-place pour écrire dans le fichier lui-même)"
        case .ownerNotKept(let path):
            "« \(path) » appartenait à un autre utilisateur : le nouveau fichier vous appartient"
        }
    }
}

extension FileAccess {
    /// Writes a command's output to a path without ever clobbering what the path designates.
    ///
    /// - A regular file is replaced atomically (temporary file in the same directory, `fsync`,
    ///   rename), keeping its mode and, where the user may, its owner and group; a read-only
    ///   file is refused unless `options.force`; a file with other hard links is replaced
    ///   (the note says the link is broken) or, with `options.inPlace`, written in place.
    /// - A device, FIFO or socket is written in place, never replaced; `/dev/stdout`,
    ///   `/dev/fd/N` and `/proc/self/fd/N` write to that descriptor.
    /// - A symbolic link is followed only when it belongs to the user (or root) and leads to
    ///   an existing file in a directory that belongs to the user (or root); otherwise the
    ///   write is refused.
    /// - One of `options.inputs` is never written.
    @discardableResult
    public static func writeAtomically(_ bytes: [UInt8], to path: String,
                                       options: WriteOptions = WriteOptions()) throws(WriteError) -> [WriteNote] {
        try write(bytes, to: path, options: options, fault: nil)
    }

    /// Writes a text (see `writeAtomically(_:to:options:)`).
    @discardableResult
    public static func writeAtomically(_ text: String, to path: String,
                                       options: WriteOptions = WriteOptions()) throws(WriteError) -> [WriteNote] {
        try write(Array(text.utf8), to: path, options: options, fault: nil)
    }

    /// The write, with an optional injected failure for tests.
    static func writeAtomically(_ bytes: [UInt8], to path: String, fault: WriteFault?) throws(WriteError) {
        _ = try write(bytes, to: path, options: WriteOptions(), fault: fault)
    }

    static func write(_ bytes: [UInt8], to requested: String, options: WriteOptions,
                      fault: WriteFault?) throws(WriteError) -> [WriteNote] {
        let target = try WriteTarget.resolve(requested)
        try refuseOwnInput(target, requested: requested, inputs: options.inputs)
        switch target {
        case .descriptor(let descriptor):
            if let code = writeAll(bytes, to: descriptor) { throw WriteError(path: requested, reason: describe(code)) }
            return []
        case .special(let path):
            let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteError(path: requested, reason: describe(errno)) }
            let failure = writeAll(bytes, to: descriptor)
            let closed = close(descriptor) == 0 ? nil : errno
            if let code = failure ?? closed { throw WriteError(path: requested, reason: describe(code)) }
            return []
        case .new(let path):
            return try replace(bytes, at: path, existing: nil, requested: requested, fault: fault)
        case .regular(let path, let status):
            if !options.force, isReadOnly(status) {
                throw WriteError(path: requested,
                                 reason: "le fichier est en lecture seule (--force pour le remplacer quand même)")
            }
            if options.inPlace {
                try overwrite(bytes, at: path, requested: requested)
                return []
            }
            var notes = try replace(bytes, at: path, existing: status, requested: requested, fault: fault)
            if status.st_nlink > 1 { notes.insert(.hardLinkBroken(path: requested, others: Int(status.st_nlink) - 1), at: 0) }
            return notes
        }
    }

    // MARK: - Refusals

    /// Refuses a target that is one of the command's own inputs (same device and inode).
    private static func refuseOwnInput(_ target: WriteTarget, requested: String, inputs: [String]) throws(WriteError) {
        var written = stat()
        switch target {
        case .new: return
        case .descriptor(let descriptor): guard fstat(descriptor, &written) == 0 else { return }
        case .special(let path), .regular(let path, _): guard stat(path, &written) == 0 else { return }
        }
        // Reading and writing the same device (`/dev/null`, a terminal) clobbers nothing.
        guard written.st_mode & S_IFMT == S_IFREG else { return }
        for input in inputs {
            var read = stat()
            if stat(input, &read) == 0, read.st_dev == written.st_dev, read.st_ino == written.st_ino {
                throw WriteError(path: requested, reason: "c'est un fichier que la commande lit (« \(input) »)")
            }
        }
    }

    /// Whether the permission bits forbid the user to write a file (root: nobody may write it).
    private static func isReadOnly(_ status: stat) -> Bool {
        let user = geteuid()
        if user == 0 { return status.st_mode & 0o222 == 0 }
        if status.st_uid == user { return status.st_mode & S_IWUSR == 0 }
        if isMember(of: status.st_gid) { return status.st_mode & S_IWGRP == 0 }
        return status.st_mode & S_IWOTH == 0
    }

    private static func isMember(of group: gid_t) -> Bool {
        if getegid() == group { return true }
        var groups = [gid_t](repeating: 0, count: 256)
        let count = getgroups(Int32(groups.count), &groups)
        return count > 0 && groups[..<Int(count)].contains(group)
    }

    // MARK: - Writing

    /// Replaces (or creates) `path` through a temporary file in its directory, flushed to disk
    /// and renamed over it. A failure at any step removes the temporary file and leaves the
    /// target untouched.
    private static func replace(_ bytes: [UInt8], at path: String, existing: stat?, requested: String,
                                fault: WriteFault?) throws(WriteError) -> [WriteNote] {
        let directory = directoryOf(path)
        // A fresh temporary file next to the target (same file system, so rename is atomic);
        // O_EXCL never follows a link planted under the temporary name.
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 where descriptor < 0 {
            temporary = directory + "/." + baseName(path) + ".tmp-\(getpid())-\(attempt)"
            descriptor = fault == .create ? -1 : open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fault == .create { errno = EACCES }
            if descriptor < 0, errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw WriteError(path: requested, reason: describe(errno)) }

        func abandon(_ code: Int32) -> WriteError {
            close(descriptor)
            unlink(temporary)
            return WriteError(path: requested, reason: describe(code))
        }
        var notes: [WriteNote] = []
        if let existing {
            // Owner first: changing it clears set-id bits, which the mode then restores.
            if fchown(descriptor, existing.st_uid, existing.st_gid) != 0 {
                fchown(descriptor, uid_t.max, existing.st_gid)
                var now = stat()
                if fstat(descriptor, &now) == 0, now.st_uid != existing.st_uid { notes.append(.ownerNotKept(path: requested)) }
            }
            fchmod(descriptor, existing.st_mode & 0o7777)
        }
        if fault == .write, !bytes.isEmpty { throw abandon(ENOSPC) }
        if let code = writeAll(bytes, to: descriptor) { throw abandon(code) }
        if fault == .sync { throw abandon(EIO) }
        if fsync(descriptor) != 0 { throw abandon(errno) }
        if close(descriptor) != 0 {
            let code = errno
            unlink(temporary)
            throw WriteError(path: requested, reason: describe(code))
        }
        if fault == .rename || rename(temporary, path) != 0 {
            let code = fault == .rename ? EXDEV : errno
            unlink(temporary)
            throw WriteError(path: requested, reason: describe(code))
        }
        // Make the rename itself durable; a failure here no longer risks the contents.
        let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return notes
    }

    /// Writes into the existing regular file itself (`--en-place`): same inode, links kept.
    private static func overwrite(_ bytes: [UInt8], at path: String, requested: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WriteError(path: requested, reason: describe(errno)) }
        var failure = ftruncate(descriptor, 0) == 0 ? nil : errno
        if failure == nil { failure = writeAll(bytes, to: descriptor) }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure {
            throw WriteError(path: requested, reason: describe(failure) + " ; écrit en place, le fichier peut être incomplet")
        }
    }

    /// Writes every byte, retrying short writes; the error code, or nil.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemWrite(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            offset += written
        }
        return nil
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    private static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// A French description of a system error.
    static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission refusée"
        case ENOSPC: "plus de place sur le disque"
        case EDQUOT: "quota de disque dépassé"
        case EROFS: "système de fichiers en lecture seule"
        case ENOENT: "le dossier n'existe pas"
        case ENOTDIR: "un élément du chemin n'est pas un dossier"
        case EISDIR: "c'est un dossier"
        case EIO: "erreur d'entrée-sortie"
        case EXDEV: "impossible de renommer le fichier temporaire"
        case ENAMETOOLONG: "chemin trop long"
        case ENXIO: "rien n'écoute à cette adresse (socket ou tube sans lecteur)"
        case EPIPE: "le lecteur s'est arrêté (tube fermé)"
        case ELOOP: "trop de liens symboliques"
        default: "erreur système \(code)"
        }
    }
}

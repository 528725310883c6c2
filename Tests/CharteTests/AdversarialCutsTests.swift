import Testing
@testable import Charte

/// Every cut of a small complete charter (every byte position, so inside each token and
/// each multi-byte character) gives diagnostics, never a crash; the expected ones are in a
/// golden file (`CHARTE_REGOLDEN=1` rewrites it).
@Suite struct AdversarialCutsTests {
    /// A charter using every kind of token; its declarations reference the role declared last,
    /// so no prefix of it is itself a complete charter.
    static let charter = """
        autorise r a si c == x et non (n >= 12) ou d dans [2026-09-01]
        # Étapes « à couper »
        etape e "Étape \\"un\\"\\n" {
          tache t « Tâche » {
            responsable r
            action a si c != y ou c == y
            echeance rentree + 2 semaines
          }
        }
        calendrier { rentree 2026-09-01 vacances 2026-10-17 .. 2026-11-01 }
        objet o { c: x | y  n: nombre  d: date }
        action a sur o
        role r
        """

    @Test func theWholeCharterIsClean() {
        #expect(underlined(Self.charter) == [])
    }

    @Test func everyCutIsDiagnosed() {
        let bytes = Array(Self.charter.utf8)
        var report = ""
        for cut in 1..<bytes.count {
            let prefix = Array(bytes[..<cut])
            let loaded = CharterLoader.check(bytes: prefix, name: "coupure")
            #expect(loaded.hasErrors, "la coupure à l'octet \(cut) est acceptée")
            #expect(loaded.checked?.model == nil)
            for diagnostic in loaded.diagnostics {
                #expect(diagnostic.span.start >= 0 && diagnostic.span.end <= cut, "span hors du fichier à la coupure \(cut)")
            }
            let tail = String(decoding: prefix.suffix(12), as: UTF8.self).debugDescription
            let found = loaded.diagnostics.map { "\($0.code.rawValue) \(loaded.file.text($0.span.range).debugDescription)" }
            report += "\(cut) …\(tail) → \(found.joined(separator: ", "))\n"
        }
        expectGolden(report, "Tests/CharteTests/Golden/robustesse/coupures.txt")
    }
}

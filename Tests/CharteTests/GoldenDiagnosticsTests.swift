import Testing
import Foundation
@testable import Charte

/// The `.charte` files of a repository folder, by relative path.
func charterFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryPath(folder))) ?? []
    return names.filter { $0.hasSuffix(".charte") }.sorted().map { folder + "/" + $0 }
}

/// Every diagnostic of a file rendered as `charte verifier` prints it (no colour), then gcc lines.
func renderedDiagnostics(_ relative: String) throws -> String {
    let bytes = try #require(FileAccess.read(repositoryPath(relative)))
    let loaded = CharterLoader.check(bytes: bytes, name: relative)
    let renderer = HumanRenderer(colour: false)
    var text = loaded.diagnostics.map { renderer.render($0, sources: loaded.sources) + "\n" }.joined()
    let errors = loaded.diagnostics.filter { $0.severity == .error }.count
    text += HumanRenderer.summary(errors: errors, warnings: loaded.diagnostics.count - errors) + "\n\n"
    text += loaded.diagnostics.map { GccRenderer().render($0, sources: loaded.sources) }.joined()
    return text
}

@Suite struct GoldenDiagnosticsTests {
    /// One example per diagnostic code: each gives exactly its code, rendered exactly as its `.attendu` file says.
    @Test(arguments: charterFiles(in: "rules/exemples-erreurs"))
    func errorExample(path: String) throws {
        let code = String(path.split(separator: "/").last?.prefix(4) ?? "")
        let bytes = try #require(FileAccess.read(repositoryPath(path)))
        let loaded = CharterLoader.check(bytes: bytes, name: path)
        #expect(loaded.diagnostics.map(\.code.rawValue) == [code])
        expectGolden(try renderedDiagnostics(path), path.replacing(".charte", with: ".attendu"))
    }

    @Test func everyCodeOfTheSpecHasAnExample() {
        let examples = Set(charterFiles(in: "rules/exemples-erreurs").map { String($0.split(separator: "/").last?.prefix(4) ?? "") })
        let specified = DiagnosticCode.allCases.map(\.rawValue).filter { !["E013", "W600", "W601"].contains($0) }
        #expect(Set(specified).subtracting(examples).isEmpty)
    }

    /// The public fixtures: each invalid file gives its code; the valid one is clean.
    @Test(arguments: charterFiles(in: "Tests/CharteTests/Fixtures/public/invalid"))
    func publicInvalidFixture(path: String) throws {
        let code = String(path.split(separator: "/").last?.prefix(4) ?? "")
        let bytes = try #require(FileAccess.read(repositoryPath(path)))
        #expect(CharterLoader.check(bytes: bytes, name: path).diagnostics.map(\.code.rawValue) == [code])
        expectGolden(try renderedDiagnostics(path), "Tests/CharteTests/Golden/public/" + (path.split(separator: "/").last ?? "") + ".attendu")
    }

    @Test(arguments: charterFiles(in: "rules") + ["Tests/CharteTests/Fixtures/public/valid/mini.charte"])
    func bundledChartersAreClean(path: String) throws {
        let loaded = try CharterLoader.load(path: repositoryPath(path))
        #expect(loaded.diagnostics.map(\.code) == [])
    }
}

@Suite struct SeedCharterTests {
    /// The 26 filled cells of the seed table (8 steps × 6 roles), as (step, role, text).
    static func seedCells() throws -> [(step: String, role: String, text: String)] {
        let text = try String(contentsOfFile: repositoryPath("Tests/CharteTests/Fixtures/ressources-numeriques-organisation.tsv"), encoding: .utf8)
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let headerIndex = rows.firstIndex(where: { $0.first == "LES ETAPES" }) else { return [] }
        let roles = rows[headerIndex]
        var cells: [(String, String, String)] = []
        for row in rows[(headerIndex + 1)...] where row.count > 1 {
            for column in 1..<min(row.count, roles.count) where !row[column].trimmingCharacters(in: .whitespaces).isEmpty {
                cells.append((row[0], roles[column], row[column]))
            }
        }
        return cells
    }

    @Test func everyFilledCellOfTheSeedIsKeptInANote() throws {
        let loaded = try CharterLoader.load(path: repositoryPath("rules/etablissement-exemple.charte"))
        let charter = try #require(loaded.checked?.model)
        let notes = charter.tasks.flatMap(\.notes).map(normalised)
        let cells = try SeedCharterTests.seedCells()
        #expect(cells.count == 26)
        for cell in cells {
            #expect(notes.contains { $0.contains(normalised(cell.text)) }, "cell not encoded: \(cell.step) × \(cell.role)")
        }
    }

    @Test func everySeedRoleIsAnActorAndEveryStepIsAStep() throws {
        let charter = try #require(try CharterLoader.load(path: repositoryPath("rules/etablissement-exemple.charte")).checked?.model)
        let labels = Set(charter.actors.compactMap(\.label).map(Folding.fold))
        for role in ["Equipe de direction", "Professeur-documentaliste", "Référent numérique", "Gestionnaire", "Administrateur de l'ENT", "Coordinateurs de discipline"] {
            #expect(labels.contains(Folding.fold(role)), "missing role \(role)")
        }
        #expect(charter.steps.count == 8)
    }

    /// Quotes and spaces vary between the table and a charter's strings.
    func normalised(_ text: String) -> String {
        Folding.fold(text).filter { $0.isLetter || $0.isNumber }
    }
}

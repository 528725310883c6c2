import Testing
import Foundation
@testable import Charte

/// The folder of the query tests' charters, relative to the repository root.
let queryFixtures = "Tests/Fixtures/Queries"

/// A fixture charter loaded under its path relative to the repository, so answers are stable in goldens.
func queryFixture(_ name: String) throws -> LoadedCharter {
    let relative = "\(queryFixtures)/\(name)"
    guard let bytes = FileAccess.read(repositoryPath(relative)) else { throw FixtureMissing(path: relative) }
    return CharterLoader.check(bytes: bytes, name: relative)
}

/// The query engine of a fixture charter.
func queryEngine(_ name: String = "college.charte") throws -> QueryEngine {
    QueryEngine(try queryFixture(name).requireChecked())
}

/// The query engine of a charter given as text.
func queryEngine(text: String) throws -> QueryEngine {
    QueryEngine(try CharterLoader.check(text: text, name: "essai.charte").requireChecked())
}

struct FixtureMissing: Error {
    let path: String
}

/// The answer to a query, or the diagnostics' codes when it fails.
func answerOrCodes(_ engine: QueryEngine, _ query: String) -> Result<QueryAnswer, QueryCodes> {
    do {
        return .success(try engine.answer(query))
    } catch {
        return .failure(QueryCodes(error))
    }
}

/// The codes, underlined texts and suggestions of a failed query.
struct QueryCodes: Error, Equatable, CustomStringConvertible {
    let codes: [String]
    let underlined: [String]
    let suggestions: [String]

    init(_ error: QueryError) {
        codes = error.diagnostics.map(\.code.rawValue)
        underlined = error.diagnostics.map { error.sources[$0.span.file].text($0.span.range) }
        suggestions = error.diagnostics.flatMap { $0.candidates.map(\.name) }
    }

    var description: String { "\(codes) \(underlined) \(suggestions)" }
}

/// Command-line output with the repository root removed from paths.
func portable(_ text: String) -> String {
    text.replacing(repositoryRoot + "/", with: "")
}

/// The JSON value of a text, parsed by Foundation (to check shapes independently of our writer).
func parsedJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}

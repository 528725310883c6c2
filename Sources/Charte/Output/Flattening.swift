// `charte aplatir`: an adaptation written out as one standalone charter, its model applied.

/// The effective charter of an adaptation as the text of one standalone file: what the
/// checker checked, printed by the formatter (canonical layout, no comment but a header
/// saying where it comes from), so that it checks clean and gives the same answers.
public enum Flattening {
    /// The flattened text of a checked charter (a charter adapting no model is printed as it is, formatted).
    public static func text(of charter: CheckedCharter) -> String {
        var declarations = charter.tree.declarations
        // A flattened charter adapts nothing: no `adapte`, and the locks are the model's own business.
        declarations.removeAll { declaration in
            if case .adaptation(let decl) = declaration, case .adapts = decl.kind { return true }
            return false
        }
        let tree = SyntaxTree(declarations: declarations, file: charter.tree.file)
        // No source: positions of the model and of the school are not comparable, so the
        // layout keeps no blank line of either and the dates are written AAAA-MM-JJ.
        let empty = SourceFile(id: charter.tree.file, name: charter.file.name, bytes: [])
        return header(charter) + Formatter.layout(tree, file: empty, tokens: [], comments: [])
    }

    /// The comment lines at the top: which file, which model.
    static func header(_ charter: CheckedCharter) -> String {
        guard let summary = charter.model.adaptation else {
            return "# Charte « \(charter.file.name) » aplatie par charte aplatir.\n\n"
        }
        let model = charter.sources.files.indices.contains(summary.modelFile.rawValue) ? charter.sources[summary.modelFile].name : summary.modelName
        var text = "# Charte « \(charter.file.name) » aplatie par charte aplatir : le modèle « \(summary.modelName) »"
        if let version = summary.modelVersion { text += " (version \(version))" }
        text += " (\(model)) avec ses adaptations locales.\n"
        text += "# Fichier produit : modifiez la charte adaptée, pas celui-ci.\n\n"
        return text
    }
}

extension Flattening {
    /// The answers of a test run without their positions (they differ between an adaptation
    /// and its flattened copy), to compare the two: one line per assertion.
    public static func answers(of report: TestReport) -> [String] {
        // The assertion's text is left out: the adaptation's kept assertions are written with the
        // model's role names, the flattened ones with the local actors holding them.
        report.results.enumerated().map { index, result in
            let answer: String = switch result.check {
            case .who(_, let actual): actual.joined(separator: ", ")
            case .decision(_, let may): decision(may)
            case .only(let named, let others): (named + others).map(decision).joined(separator: " ; ")
            }
            return "\(result.test) | \(index + 1) | \(result.passed ? "ok" : "échec") | \(answer)"
        }
    }

    static func decision(_ may: MayAnswer) -> String {
        "\(may.actor) \(may.outcome.rawValue) [\(may.missing.joined(separator: ", "))] "
            + may.rules.map { "\($0.kind.rawValue) \($0.id)" }.joined(separator: ", ")
    }
}

/// Renders the reports of `charte test` as JUnit XML, the format CI servers read.
///
/// One `<testsuite>` per `test` block (named `fichier — libellé`), one `<testcase>` per
/// assertion with its file and line, a `<failure>` with expected and actual when it fails.
/// A charter that does not check becomes a suite with one `<error>` test case.
public enum JUnitReport {
    /// The XML document, ending with a newline.
    public static func render(_ reports: [TestReport]) -> String {
        let tests = reports.map { $0.charterErrors > 0 ? 1 : $0.results.count }.reduce(0, +)
        let failures = reports.map(\.failed).reduce(0, +)
        let errors = reports.filter { $0.charterErrors > 0 }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"charte test\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for report in reports {
            if report.charterErrors > 0 {
                out += "  <testsuite name=\(attribute(report.file)) tests=\"1\" failures=\"0\" errors=\"1\">\n"
                out += "    <testcase name=\"vérification de la charte\" classname=\(attribute(report.file)) file=\(attribute(report.file))>\n"
                let message = "la charte contient \(TestReportOutput.errors(report.charterErrors)) ; lancez charte verifier"
                out += "      <error message=\(attribute(message)) type=\"charte\"/>\n"
                out += "    </testcase>\n  </testsuite>\n"
                continue
            }
            for (label, results) in groups(report.results) {
                let name = "\(report.file) — \(label)"
                let failed = results.filter { !$0.passed }.count
                out += "  <testsuite name=\(attribute(name)) tests=\"\(results.count)\" failures=\"\(failed)\" errors=\"0\">\n"
                for result in results {
                    out += "    <testcase name=\(attribute("ligne \(result.position.line) : \(result.text)"))"
                    out += " classname=\(attribute(name)) file=\(attribute(result.position.file)) line=\"\(result.position.line)\""
                    if result.passed {
                        out += "/>\n"
                        continue
                    }
                    let details = TestReportOutput.failureDetails(result)
                    out += ">\n      <failure message=\(attribute(details.prefix(2).map(collapsed).joined(separator: " ; "))) type=\"echec\">"
                    out += escape(details.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
                }
                out += "  </testsuite>\n"
            }
        }
        return out + "</testsuites>\n"
    }

    /// The results grouped by `test` block, in order of appearance.
    static func groups(_ results: [AssertionResult]) -> [(String, [AssertionResult])] {
        var groups: [(String, [AssertionResult])] = []
        for result in results {
            if let last = groups.indices.last, groups[last].0 == result.test {
                groups[last].1.append(result)
            } else {
                groups.append((result.test, [result]))
            }
        }
        return groups
    }

    /// A line with its runs of blanks (from the text layout) reduced to one.
    static func collapsed(_ line: String) -> String {
        line.split(separator: " ").joined(separator: " ")
    }

    /// A quoted attribute value.
    static func attribute(_ text: String) -> String { "\"" + escape(text, inAttribute: true) + "\"" }

    /// Text escaped for XML 1.0: the five special characters, line breaks inside attributes,
    /// and the characters XML forbids dropped.
    public static func escape(_ text: String, inAttribute: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
                if allowed, ControlCharacters.isEscaped(scalar) {
                    out += ControlCharacters.written(scalar)
                } else if allowed {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

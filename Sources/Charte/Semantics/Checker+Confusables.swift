/// W603: a declared identifier that reads exactly as another declared one, written with
/// Cyrillic or Greek look-alikes of Latin letters (`срe` beside `cpe`).
extension Checker {
    /// Reports each non-ASCII declared name whose Latin reading is another declared name.
    mutating func checkConfusables() {
        for name in nonASCIINames {
            guard let skeleton = Checker.latinReading(of: name.text), skeleton != name.text,
                  let symbol = charter.symbols[skeleton] else { continue }
            var scripts = ScriptSet()
            for scalar in name.text.unicodeScalars where scalar.value >= 0x41 {
                scripts.insert(ScriptSet.script(of: scalar))
            }
            let notes = charter.declarationSpan(of: symbol).map { [Note(.lookAlikeDeclaredHere(skeleton), at: $0)] } ?? []
            report(.confusableName(name: name.text, lookalike: skeleton, scripts: scripts.scripts), at: name.span, notes: notes)
        }
    }

    /// The name with each Cyrillic or Greek look-alike replaced by its Latin letter, or nil
    /// when a letter has no Latin look-alike (then it cannot be confused with a Latin name).
    static func latinReading(of text: String) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.append(scalar)
            } else if let latin = lookAlikes[scalar.value] {
                out.append(latin)
            } else {
                return nil
            }
        }
        return String(out)
    }

    /// Cyrillic and Greek letters drawn like a Latin one in common fonts.
    static let lookAlikes: [UInt32: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Cyrillic
            ("аеорсухіјѕԁӏԛԝһ", "aeopcyxijsdlqwh"),
            ("АВЕКМНОРСТХІЈЅУ", "ABEKMHOPCTXIJSY"),
            // Greek
            ("αοιρκνυχ", "aoipkvux"),
            ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"),
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (foreign, latin) in pairs {
            for (from, to) in zip(foreign.unicodeScalars, latin.unicodeScalars) { table[from.value] = to }
        }
        return table
    }()
}

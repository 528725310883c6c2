/// Makes identifiers from names written in a table: folded (`Référent` → `referent`), every
/// run of characters other than letters and digits turned into one `_`, and unique across
/// one charter (`_2`, `_3`… on a clash), since every declaration shares one namespace.
struct IdentifierMaker {
    private var used = Set<String>()

    /// A fresh identifier for `name`; `kind` (`role`, `etape`) prefixes names that would
    /// be empty, start with a digit, or be a reserved word.
    mutating func make(from name: String, kind: String) -> String {
        var base = IdentifierMaker.slug(name)
        if base.isEmpty {
            base = kind
        } else if base.unicodeScalars.first.map({ ("0"..."9").contains($0) }) == true
                    || Keyword.lookup(folded: base)?.isReserved == true {
            base = kind + "_" + base
        }
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = base + "_\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// `L'équipe de Direction` → `l_equipe_de_direction`.
    static func slug(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSeparator = false
        for scalar in Folding.fold(name).unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            if isDigit || (scalar != "_" && Lexer.isIdentifierStart(scalar)) {
                if pendingSeparator, !out.isEmpty { out.append("_") }
                pendingSeparator = false
                out.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return String(out)
    }

    /// Small French words left out of short identifiers.
    private static let stopWords: Set<Substring> = [
        "a", "au", "aux", "d", "dans", "de", "des", "du", "en", "et", "l", "la", "le", "les",
        "ou", "par", "pour", "sur", "un", "une",
    ]

    /// The first `count` significant words of `slug(name)`: `Point 4 : Gérer le fonds` →
    /// `point_4_gerer`; the whole slug when nothing significant is left.
    static func shortSlug(_ name: String, words count: Int) -> String {
        let words = slug(name).split(separator: "_")
        let significant = words.filter { !stopWords.contains($0) }
        return (significant.isEmpty ? words : significant).prefix(count).joined(separator: "_")
    }
}

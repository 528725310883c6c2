/// Makes identifiers from names written in a table: folded (`Référent` → `referent`), every
/// run of characters other than letters and digits turned into one `_`, and unique across
/// one charter (`_2`, `_3`… on a clash), since every declaration shares one namespace.
///
/// Linear in the names made: each base remembers the last suffix it tried, so a thousand
/// steps named alike cost a thousand probes, not half a million (`probes` counts them).
struct IdentifierMaker {
    private var used = Set<String>()
    /// The next suffix to try for each base that clashed once.
    private var nextSuffix: [String: Int] = [:]
    /// How many candidates were looked up in `used`: the work done, for the linearity test.
    private(set) var probes = 0

    /// Whether `name` is taken (made already or reserved).
    func isUsed(_ name: String) -> Bool { used.contains(name) }

    /// Reserves `name` as it is (a name the charter declares by other means).
    mutating func reserve(_ name: String) { used.insert(name) }

    /// A fresh identifier for `name`; `kind` (`role`, `etape`) prefixes names that would
    /// be empty, start with a digit, or be a reserved word.
    mutating func make(from name: String, kind: String) -> String {
        unique(IdentifierMaker.valid(IdentifierMaker.slug(name), kind: kind))
    }

    /// A fresh identifier from the first `count` significant words of `name`.
    mutating func make(from name: String, kind: String, words count: Int) -> String {
        unique(IdentifierMaker.valid(IdentifierMaker.shortSlug(name, words: count), kind: kind))
    }

    /// `base`, or `kind_base` when it is empty, starts with a digit or is a reserved word.
    static func valid(_ slug: String, kind: String) -> String {
        var base = slug
        if base.isEmpty {
            base = kind
        } else if base.unicodeScalars.first.map({ ("0"..."9").contains($0) }) == true
                    || Keyword.lookup(folded: base)?.isReserved == true {
            base = kind + "_" + base
        }
        return base
    }

    /// `base` itself when free, else `base_2`, `base_3`…: the first free one.
    mutating func unique(_ base: String) -> String {
        var candidate = base
        var counter = nextSuffix[base] ?? 2
        probes += 1
        while used.contains(candidate) {
            candidate = base + "_\(counter)"
            counter += 1
            probes += 1
        }
        if candidate != base { nextSuffix[base] = counter }
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

    /// The first `count` significant words of `slug(name)`: `Point 4 : Gérer le fonds` →
    /// `point_4_gerer`; the whole slug when nothing significant is left.
    static func shortSlug(_ name: String, words count: Int) -> String {
        let words = slug(name).split(separator: "_")
        let significant = words.filter { !ImportLexicon.stopWords.contains(String($0)) }
        return (significant.isEmpty ? words : significant).prefix(count).joined(separator: "_")
    }
}

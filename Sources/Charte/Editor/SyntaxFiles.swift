/// The editors' syntax files, generated from the keyword table so they cannot drift from it.
///
/// `editors/charte.tmLanguage.json` (TextMate: VS Code, Sublime Text, and the tools that read
/// TextMate grammars) and `editors/charte.vim` are these functions' output; a test regenerates
/// them and fails when the committed files differ. Keywords are matched as the lexer matches
/// them: in any case and with or without accents, each letter standing for every letter that
/// `Folding` folds to it (so `échéance`, `Echeance` and `ECHÉANCE` are all highlighted).
public enum SyntaxFiles {
    /// A group of keywords highlighted alike.
    struct Group {
        /// The TextMate scope.
        let scope: String
        /// The Vim highlight group's suffix and the standard group it links to.
        let vimName: String, vimLink: String
        let keywords: [Keyword]
    }

    /// The groups, in the order they are tried; a keyword in none of them is highlighted as `other`.
    static let groups: [Group] = [
        Group(scope: "keyword.other.declaration.charte", vimName: "Declaration", vimLink: "Statement",
              keywords: [.etablissement, .calendrier, .role, .instance, .externe, .objet, .action, .evenement, .etape, .tache]),
        Group(scope: "keyword.other.clause.charte", vimName: "Clause", vimLink: "Keyword",
              keywords: [.responsable, .approbateur, .aide, .consulte, .informe, .echeance, .quand, .delai, .apres, .en, .note,
                         .personnes, .membres, .sur, .si, .zone, .cle]),
        Group(scope: "keyword.control.rule.charte", vimName: "Rule", vimLink: "Conditional",
              keywords: [.autorise, .interdit, .tous, .sauf, .seul, .test, .qui, .peut, .refuse, .taches, .echeances, .montre,
                         .exige, .avant]),
        Group(scope: "keyword.operator.word.charte", vimName: "OperatorWord", vimLink: "Operator", keywords: [.et, .ou, .non, .dans]),
        Group(scope: "constant.language.boolean.charte", vimName: "Boolean", vimLink: "Boolean", keywords: [.vrai, .faux]),
        Group(scope: "storage.type.charte", vimName: "Type", vimLink: "Type", keywords: [.booleen, .texte, .nombre, .date]),
        Group(scope: "keyword.other.unit.charte", vimName: "Unit", vimLink: "Special", keywords: [.jour, .semaine, .mois, .ouvre]),
    ]

    /// Every group, with the keywords no group lists gathered in a last one.
    static var allGroups: [Group] {
        let listed = Set(groups.flatMap(\.keywords))
        let others = Keyword.allCases.filter { !listed.contains($0) }
        return groups + (others.isEmpty ? [] : [Group(scope: "keyword.other.charte", vimName: "Other", vimLink: "Keyword", keywords: others)])
    }

    /// Every spelling of a keyword (canonical, raw and aliases), without repeats, longest first.
    static func spellings(_ keyword: Keyword) -> [String] {
        var seen = Set<String>()
        let all = [keyword.spelling, keyword.rawValue] + keyword.aliases
        return all.map(Folding.fold).filter { seen.insert($0).inserted }.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// The letters that fold to each ASCII letter: `e` → `eEéÉèÈêÊëË…`.
    static let letterVariants: [Character: [Character]] = {
        var variants: [Character: [Character]] = [:]
        for value in UInt32(0x41)...UInt32(0x24F) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let folded = Folding.fold(String(Character(scalar)))
            guard folded.count == 1, let base = folded.first, base.isASCII, base.isLetter else { continue }
            variants[base, default: []].append(Character(scalar))
        }
        return variants
    }()

    /// A pattern for one folded spelling: each letter a class of its variants.
    static func pattern(_ folded: String) -> String {
        folded.map { letter -> String in
            guard let variants = letterVariants[letter], variants.count > 1 else { return String(letter) }
            return "[" + String(variants) + "]"
        }.joined()
    }

    // MARK: - TextMate

    /// The TextMate grammar, as JSON text with a final newline.
    public static func textMateGrammar() -> String {
        // Oniguruma: a keyword is a whole word, not part of an identifier (letters, marks, digits, _).
        let before = "(?<![\\p{L}\\p{M}\\p{Nd}_])", after = "(?![\\p{L}\\p{M}\\p{Nd}_])"
        var patterns: [JSON] = [
            .object([("include", .string("#comment"))]),
            .object([("include", .string("#string"))]),
            .object([("name", .string("constant.numeric.date.charte")),
                     ("match", .string("\\b(?:\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4})\\b"))]),
            .object([("name", .string("constant.numeric.integer.charte")), ("match", .string("\\b\\d+\\b"))]),
        ]
        for group in allGroups {
            let alternatives = group.keywords.flatMap(spellings).map(pattern)
            patterns.append(.object([("name", .string(group.scope)),
                                     ("match", .string(before + "(?:" + alternatives.joined(separator: "|") + ")" + after))]))
        }
        patterns += [
            .object([("name", .string("keyword.operator.charte")), ("match", .string("==|!=|<=|>=|<|>|=|\\.\\.|\\+|-|\\|"))]),
            .object([("name", .string("punctuation.section.block.charte")), ("match", .string("[{}]"))]),
            .object([("name", .string("punctuation.separator.charte")), ("match", .string("[,:]"))]),
        ]
        let grammar = JSON.object([
            ("$schema", .string("https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json")),
            ("name", .string("Charte")),
            ("scopeName", .string("source.charte")),
            ("fileTypes", .strings(["charte"])),
            ("comment", .string("Généré par Charte (SyntaxFiles.textMateGrammar) à partir de la table des mots-clés : ne pas modifier à la main.")),
            ("patterns", .array(patterns)),
            ("repository", .object([
                ("comment", .object([("name", .string("comment.line.number-sign.charte")), ("match", .string("#.*$"))])),
                ("string", .object([
                    ("name", .string("string.quoted.double.charte")),
                    ("begin", .string("\"")), ("end", .string("\"|$")),
                    ("patterns", .array([.object([("name", .string("constant.character.escape.charte")),
                                                  ("match", .string("\\\\[\"\\\\nt]"))])])),
                ])),
            ])),
        ])
        return grammar.rendered(pretty: true) + "\n"
    }

    // MARK: - Vim

    /// The Vim syntax file.
    public static func vimSyntax() -> String {
        var lines = [
            "\" Vim syntax file",
            "\" Language: Charte (chartes des rôles numériques des établissements scolaires)",
            "\" Généré par Charte (SyntaxFiles.vimSyntax) à partir de la table des mots-clés : ne pas modifier à la main.",
            "\" Installation : copier dans ~/.vim/syntax/ (ou ~/.config/nvim/syntax/) et ajouter",
            "\"   autocmd BufRead,BufNewFile *.charte setfiletype charte",
            "",
            "if exists('b:current_syntax')",
            "  finish",
            "endif",
            "",
            "syntax iskeyword @,48-57,_,192-255",
            "",
        ]
        for group in allGroups {
            let alternatives = group.keywords.flatMap(spellings).map(pattern)
            lines.append("syntax match charte\(group.vimName) /\\v<%(\(alternatives.joined(separator: "|")))>/")
        }
        lines += [
            "syntax match charteDate /\\v<%(\\d{4}-\\d{2}-\\d{2}|\\d{2}\\/\\d{2}\\/\\d{4})>/",
            "syntax match charteNumber /\\v<\\d+>/",
            "syntax match charteOperator /\\v\\=\\=|!\\=|\\<\\=|\\>\\=|\\<|\\>|\\=|\\.\\.|\\+|-|\\|/",
            "syntax match charteEscape /\\\\[\"\\\\nt]/ contained",
            "syntax region charteString start=/\"/ skip=/\\\\\\\\\\|\\\\\"/ end=/\"\\|$/ contains=charteEscape",
            "syntax match charteComment /#.*$/ contains=@Spell",
            "",
        ]
        for group in allGroups { lines.append("highlight default link charte\(group.vimName) \(group.vimLink)") }
        lines += [
            "highlight default link charteDate Constant",
            "highlight default link charteNumber Number",
            "highlight default link charteOperator Operator",
            "highlight default link charteEscape SpecialChar",
            "highlight default link charteString String",
            "highlight default link charteComment Comment",
            "",
            "let b:current_syntax = 'charte'",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

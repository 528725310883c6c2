// Fuzz target `fmt`: the formatter on arbitrary bytes. Properties, not only "no crash":
// - formatting is deterministic and idempotent (the output formats to itself);
// - it never gives up with "meaning changed" (that would be a formatter bug);
// - the output parses without syntax error to the same tree (spans aside);
// - a charter that checks clean formats to a charter that checks clean, with the same
//   diagnostics codes (warnings included);
// - a file with syntax errors is never formatted.

@_cdecl("LLVMFuzzerTestOneInput")
public func fmtFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let outcome = Formatter.format(bytes: bytes, name: "fuzz.charte")
    let again = Formatter.format(bytes: bytes, name: "fuzz.charte")
    require(outcome.result == again.result, "deux formatages différents")
    let loaded = CharterLoader.check(bytes: bytes, name: "fuzz.charte")
    switch outcome.result {
    case .meaningChanged:
        require(false, "le formateur change le sens de la charte")
    case .syntaxErrors(let errors):
        require(!errors.isEmpty, "formatage refusé sans erreur")
    case .formatted(let text):
        let syntaxErrors = loaded.diagnostics.filter { $0.severity == .error && $0.code.rawValue < "E100" }
        require(syntaxErrors.isEmpty || syntaxErrors.allSatisfy { $0.code == .E013 },
                "une charte avec des erreurs de syntaxe est formatée : \(syntaxErrors.map(\.code))")
        let formatted = CharterLoader.check(text: text, name: "fuzz.charte")
        if loaded.diagnostics.allSatisfy({ $0.code != .E013 }) {
            require(formatted.tree == loaded.tree, "le texte formaté donne un autre arbre")
        }
        if !loaded.hasErrors {
            require(!formatted.hasErrors, "une charte propre, une fois formatée, a des erreurs : \(formatted.diagnostics.map(\.code))")
            require(formatted.diagnostics.map(\.code).sorted() == loaded.diagnostics.map(\.code).sorted(),
                    "le formatage change les avertissements")
        }
        let twice = Formatter.format(text: text, name: "fuzz.charte")
        require(twice.text == text, "le formatage n'est pas idempotent")
    }
    return 0
}

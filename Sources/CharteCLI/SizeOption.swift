import Charte

/// The value of `--taille-max`: bytes, or a number with K, M or G (powers of 1024): `32M`, `512K`, `64Mio`.
enum SizeOption {
    /// The option as commands declare it.
    static let spec = OptionSpec.value("--taille-max", name: "TAILLE",
                                       help: "taille maximale d'un fichier lu, en octets ou avec K, M, G (défaut 16M)")

    /// The size given, or `fallback` when the option is absent.
    static func parse(_ text: String?, default fallback: Int) throws(UsageError) -> Int {
        guard let text else { return fallback }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits),
              let multiplier = units[text.dropFirst(digits.count).lowercased()] else {
            throw UsageError(message: "taille invalide « \(text) » pour --taille-max (exemples : 1048576, 512K, 32M)")
        }
        let (size, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow, size > 0 else {
            throw UsageError(message: "taille invalide « \(text) » pour --taille-max (elle doit être positive et raisonnable)")
        }
        return size
    }

    /// Unit suffixes (lowercased) and their multipliers: octets, or K, M, G in powers of 1024.
    private static let units: [String: Int] = {
        var table: [String: Int] = ["": 1, "o": 1, "b": 1]
        for (letter, power) in [("k", 10), ("m", 20), ("g", 30)] {
            for suffix in ["", "o", "io", "b", "ib"] { table[letter + suffix] = 1 << power }
        }
        return table
    }()
}

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
        var unit = text.dropFirst(digits.count)
        let multiplier: Int
        switch unit.first.map({ $0.uppercased() }) {
        case nil: multiplier = 1
        case "K": multiplier = 1 << 10
        case "M": multiplier = 1 << 20
        case "G": multiplier = 1 << 30
        default: multiplier = 0
        }
        if multiplier > 1 { unit = unit.dropFirst() }
        let validSuffix = ["", "o", "io", "B", "iB"].contains(String(unit)) && (multiplier > 1 || unit.isEmpty || unit == "o")
        guard !digits.isEmpty, multiplier > 0, validSuffix, let number = Int(digits) else {
            throw UsageError(message: "taille invalide « \(text) » pour --taille-max (exemples : 1048576, 512K, 32M)")
        }
        let (size, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow, size > 0 else {
            throw UsageError(message: "taille invalide « \(text) » pour --taille-max (elle doit être positive)")
        }
        return size
    }
}

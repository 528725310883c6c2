/// Case and accent folding, used for keywords, suggestions and text search.
///
/// Written by hand over Unicode scalars (no Foundation): lowercases, drops combining
/// marks, and maps the precomposed Latin letters French uses to their base letter.
public enum Folding {
    /// The folded form of a string: `Échéance` → `echeance`.
    public static func fold(_ text: String) -> String {
        var allASCII = true
        for byte in text.utf8 where byte >= 0x80 { allASCII = false; break }
        if allASCII {
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            appendFolded(scalar, to: &result)
        }
        return String(result)
    }

    /// Appends the folded form of one scalar.
    static func appendFolded(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value < 0x80 {
            let lowered = value >= 65 && value <= 90 ? value + 32 : value
            result.append(Unicode.Scalar(UInt8(lowered)))
            return
        }
        if (0x0300...0x036F).contains(value) { return }  // combining diacritical marks
        if let base = latinBase[value] {
            result.append(contentsOf: base.unicodeScalars)
            return
        }
        for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
            if let base = latinBase[lowered.value] {
                result.append(contentsOf: base.unicodeScalars)
            } else {
                result.append(lowered)
            }
        }
    }

    /// Precomposed letters and ligatures to their folded base.
    private static let latinBase: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåÀÁÂÃÄÅāĀăĂąĄ", "a"), ("çÇćĆĉĈċĊčČ", "c"), ("ďĎđĐ", "d"),
            ("èéêëÈÉÊËēĒĕĔėĖęĘěĚ", "e"), ("ĝĜğĞġĠģĢ", "g"), ("ĥĤħĦ", "h"),
            ("ìíîïÌÍÎÏĩĨīĪĭĬįĮıİ", "i"), ("ĵĴ", "j"), ("ķĶ", "k"), ("ĺĹļĻľĽŀĿłŁ", "l"),
            ("ñÑńŃņŅňŇ", "n"), ("òóôõöøÒÓÔÕÖØōŌŏŎőŐ", "o"), ("ŕŔŗŖřŘ", "r"),
            ("śŚŝŜşŞšŠ", "s"), ("ţŢťŤŧŦ", "t"), ("ùúûüÙÚÛÜũŨūŪŭŬůŮűŰųŲ", "u"),
            ("ŵŴ", "w"), ("ýÿÝŷŶŸ", "y"), ("źŹżŻžŽ", "z"),
        ]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        table[0x00E6] = "ae"; table[0x00C6] = "ae"  // æ Æ
        table[0x0153] = "oe"; table[0x0152] = "oe"  // œ Œ
        table[0x00DF] = "ss"                        // ß
        table[0x2019] = "'"                          // typographic apostrophe
        return table
    }()
}

// The explanations of every diagnostic code, declared once: a switch over the codes, so
// adding a code without explaining it does not compile. The texts live beside this file,
// in Explanations+Syntax, Explanations+Names and Explanations+Rules.

extension DiagnosticCode {
    /// What the code means, an example charter that triggers it, and the fix (in French).
    public var explanation: Explanation {
        switch self {
        case .E001: ExplanationCatalogue.e001
        case .E002: ExplanationCatalogue.e002
        case .E003: ExplanationCatalogue.e003
        case .E004: ExplanationCatalogue.e004
        case .E005: ExplanationCatalogue.e005
        case .E006: ExplanationCatalogue.e006
        case .E010: ExplanationCatalogue.e010
        case .E011: ExplanationCatalogue.e011
        case .E012: ExplanationCatalogue.e012
        case .E013: ExplanationCatalogue.e013
        case .E100: ExplanationCatalogue.e100
        case .E101: ExplanationCatalogue.e101
        case .E102: ExplanationCatalogue.e102
        case .E103: ExplanationCatalogue.e103
        case .E104: ExplanationCatalogue.e104
        case .E105: ExplanationCatalogue.e105
        case .E106: ExplanationCatalogue.e106
        case .E107: ExplanationCatalogue.e107
        case .E108: ExplanationCatalogue.e108
        case .E200: ExplanationCatalogue.e200
        case .E202: ExplanationCatalogue.e202
        case .E300: ExplanationCatalogue.e300
        case .W301: ExplanationCatalogue.w301
        case .W302: ExplanationCatalogue.w302
        case .W303: ExplanationCatalogue.w303
        case .W304: ExplanationCatalogue.w304
        case .E305: ExplanationCatalogue.e305
        case .E400: ExplanationCatalogue.e400
        case .W401: ExplanationCatalogue.w401
        case .W402: ExplanationCatalogue.w402
        case .W403: ExplanationCatalogue.w403
        case .E500: ExplanationCatalogue.e500
        case .W501: ExplanationCatalogue.w501
        case .W502: ExplanationCatalogue.w502
        case .W503: ExplanationCatalogue.w503
        case .W600: ExplanationCatalogue.w600
        case .W601: ExplanationCatalogue.w601
        case .E120: ExplanationCatalogue.e120
        case .E121: ExplanationCatalogue.e121
        case .E122: ExplanationCatalogue.e122
        case .E123: ExplanationCatalogue.e123
        case .W310: ExplanationCatalogue.w310
        case .W311: ExplanationCatalogue.w311
        case .W312: ExplanationCatalogue.w312
        case .W313: ExplanationCatalogue.w313
        case .E320: ExplanationCatalogue.e320
        case .E321: ExplanationCatalogue.e321
        case .E322: ExplanationCatalogue.e322
        case .E323: ExplanationCatalogue.e323
        case .E324: ExplanationCatalogue.e324
        case .E700: ExplanationCatalogue.e700
        case .E701: ExplanationCatalogue.e701
        case .E702: ExplanationCatalogue.e702
        case .E703: ExplanationCatalogue.e703
        case .E704: ExplanationCatalogue.e704
        case .E705: ExplanationCatalogue.e705
        case .E706: ExplanationCatalogue.e706
        case .E707: ExplanationCatalogue.e707
        case .E708: ExplanationCatalogue.e708
        case .E709: ExplanationCatalogue.e709
        case .E710: ExplanationCatalogue.e710
        case .E711: ExplanationCatalogue.e711
        case .E712: ExplanationCatalogue.e712
        case .E713: ExplanationCatalogue.e713
        case .W700: ExplanationCatalogue.w700
        case .W701: ExplanationCatalogue.w701
        case .W602: ExplanationCatalogue.w602
        case .W603: ExplanationCatalogue.w603
        case .E110: ExplanationCatalogue.e110
        case .E205: ExplanationCatalogue.e205
        case .E206: ExplanationCatalogue.e206
        case .E207: ExplanationCatalogue.e207
        case .E208: ExplanationCatalogue.e208
        case .W504: ExplanationCatalogue.w504
        case .W505: ExplanationCatalogue.w505
        case .E330: ExplanationCatalogue.e330
        case .E331: ExplanationCatalogue.e331
        case .E332: ExplanationCatalogue.e332
        }
    }
}

/// The explanations, one static property per code (named after it in lower case).
enum ExplanationCatalogue {}

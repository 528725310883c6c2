// The types of the language's values: the model's attributes have them, and the
// diagnostics name them (their French words are in Diagnostics/TypeMismatch.swift).

/// The type of an attribute, resolved.
public enum ValueType: Sendable, Hashable {
    case enumeration([String])
    case boolean, text, number, date
    /// An amount in euros, exact to the cent.
    case euros

    /// The number of values of a finite type (enumeration or boolean).
    public var finiteCount: Int? {
        switch self {
        case .enumeration(let values): values.count
        case .boolean: 2
        default: nil
        }
    }
}

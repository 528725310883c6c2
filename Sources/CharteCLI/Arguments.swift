import Charte

/// A command-line option a command accepts.
public struct OptionSpec: Sendable {
    /// Long names, with their dashes (`--format`); short ones too (`-o`).
    public let names: [String]
    /// Whether the option takes a value.
    public let takesValue: Bool
    /// The value's placeholder in help (`FORMAT`).
    public let valueName: String
    /// The values it accepts, when they are a fixed list (for shell completion).
    public let values: [String]
    /// The help line.
    public let help: String

    /// An option that takes a value.
    public static func value(_ names: String..., name: String, values: [String] = [], help: String) -> OptionSpec {
        OptionSpec(names: names, takesValue: true, valueName: name, values: values, help: help)
    }

    /// An option without a value.
    public static func flag(_ names: String..., help: String) -> OptionSpec {
        OptionSpec(names: names, takesValue: false, valueName: "", values: [], help: help)
    }

    /// The option every command accepts.
    public static let help = OptionSpec.flag("--help", "-h", help: "affiche cette aide")
}

/// The parsed arguments of one command.
public struct ParsedArguments: Sendable {
    /// Values of options, by their first name; flags map to "".
    public var options: [String: [String]] = [:]
    /// Positional arguments, in order.
    public var positionals: [String] = []

    /// The last value of an option.
    public func value(_ name: String) -> String? { options[name]?.last }
    /// Whether a flag was given.
    public func has(_ name: String) -> Bool { options[name] != nil }
}

/// A usage error: the command cannot run (exit 2).
public struct UsageError: Error, Sendable {
    /// The French message.
    public let message: String
}

/// A small hand-written argument parser: `--opt val`, `--opt=val`, `-o val`, `--`, flags.
public enum ArgumentParser {
    /// Parses arguments against option specs (`--help` is always accepted).
    public static func parse(_ arguments: [String], options: [OptionSpec]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        let all = options + [.help]
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equal = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equal])
                inlineValue = String(argument[argument.index(after: equal)...])
            }
            guard let spec = all.first(where: { $0.names.contains(name) }) else {
                let known = all.flatMap(\.names).filter { $0.hasPrefix("--") }
                let close = known.filter { Suggestions.editDistance($0, name, limit: 3) <= 2 }
                let hint = close.first.map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
                throw UsageError(message: "option inconnue « \(argument) »\(hint)")
            }
            let key = spec.names[0]
            if spec.takesValue {
                if let inlineValue {
                    parsed.options[key, default: []].append(inlineValue)
                } else if index < arguments.count {
                    parsed.options[key, default: []].append(arguments[index])
                    index += 1
                } else {
                    throw UsageError(message: "l'option « \(name) » attend une valeur (\(spec.valueName))")
                }
            } else {
                if inlineValue != nil { throw UsageError(message: "l'option « \(name) » ne prend pas de valeur") }
                parsed.options[key, default: []].append("")
            }
        }
        return parsed
    }

    /// Help lines for options, aligned (with `--help` unless told not to add it).
    public static func helpLines(_ options: [OptionSpec], addingHelp: Bool = true) -> String {
        let all = options + (addingHelp ? [.help] : [])
        let heads = all.map { spec in spec.names.joined(separator: ", ") + (spec.takesValue ? " \(spec.valueName)" : "") }
        let width = heads.map(\.count).max() ?? 0
        return zip(heads, all).map { head, spec in
            "  " + head + String(repeating: " ", count: width - head.count + 2) + spec.help
        }.joined(separator: "\n")
    }
}

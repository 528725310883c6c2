import CharteCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
var environment: [String: String] = [:]
var pointer = environ
while let entry = pointer.pointee {
    let text = String(cString: entry)
    if let equal = text.firstIndex(of: "=") {
        environment[String(text[..<equal])] = String(text[text.index(after: equal)...])
    }
    pointer += 1
}
// A closed pipe is a write error reported in French (exit 2), not a silent death by SIGPIPE.
signal(SIGPIPE, SIG_IGN)
exit(CLI.run(arguments, console: .standard(environment: environment)))

// A stable English name per code, for rule catalogues (SARIF `rules`) that describe a code
// apart from any one diagnostic; what a code means and how to fix it is `explanation`.

extension DiagnosticCode {
    /// A stable English identifier in PascalCase (SARIF `reportingDescriptor.name`).
    public var identifier: String {
        switch self {
        case .E001: "UnexpectedCharacter"
        case .E002: "UnterminatedString"
        case .E003: "InvalidDate"
        case .E004: "InvalidNumber"
        case .E005: "InvalidUTF8"
        case .E006: "AmbiguousNumber"
        case .E010: "SyntaxError"
        case .E011: "UnclosedBlock"
        case .E012: "NestingTooDeep"
        case .E013: "LimitExceeded"
        case .E100: "UnknownActor"
        case .E101: "DuplicateDeclaration"
        case .E102: "UnknownPrerequisite"
        case .E103: "UnknownAction"
        case .E104: "UnknownEvent"
        case .E105: "UnknownObjectType"
        case .E106: "UnknownAttributeOrValue"
        case .E107: "UnknownCalendarName"
        case .E108: "OfficialCalendarUnavailable"
        case .E200: "TypeMismatch"
        case .E202: "WhenWithoutDelay"
        case .E300: "TaskWithoutResponsable"
        case .W301: "SeveralApprovers"
        case .W302: "UnusedActor"
        case .W303: "EmptyStep"
        case .W304: "TwoLettersForOneActor"
        case .E305: "DependencyCycle"
        case .E400: "DeadlineBeforePrerequisite"
        case .W401: "DeadlineOutsideCalendar"
        case .W402: "DeadlineInHoliday"
        case .W403: "DeadlineOnClosedDay"
        case .E500: "ForbidKillsTask"
        case .W501: "CoverageGap"
        case .W502: "OverlappingResponsables"
        case .W503: "ForbidCarvesTask"
        case .W600: "MixedScripts"
        case .W601: "BidirectionalControl"
        }
    }
}

// Approval before an action (version 2).

extension Parser {
    /// `exigence = "exige" IDENT [ "par" IDENT { "," IDENT } ] "avant" IDENT [ "si" condition ]`
    mutating func parseRequirement() throws(Recovery) -> RequirementDecl {
        let start = advance().span
        let prior = try expectName(.priorAction)
        let actors = match(.par) ? try parseNameList(.actorAfter("par")) : []
        _ = try expect(.avant)
        let action = try expectName(.laterAction)
        let condition = match(.si) ? try parseCondition() : nil
        return RequirementDecl(prior: prior, actors: actors, action: action, condition: condition, span: span(from: start))
    }
}

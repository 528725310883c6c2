import Charte

/// Writes deterministic, valid charters of any size for the benchmarks.
///
/// The shape follows `rules/etablissement-exemple.charte`: a calendar with holidays, roles
/// (some with `personnes`), instances and external actors, four object types with
/// enumerations, booleans, text and numbers, actions on them, steps of tasks with labels,
/// RACI letters, conditional actions, deadlines relative to the calendar, `apres` chains
/// and notes, then `autorise`/`interdit` rules and a few tests. Generated charters check
/// without errors (no E500, no E400, no W501), so `peut` can be asked of them.
struct CharterGenerator {
    /// An object type as generated: its id, its enumerations and booleans, and the rest.
    struct ObjectShape {
        let id: String
        let enumerations: [(name: String, values: [String])]
        let booleans: [String]
        let others: [(name: String, type: String)]
    }

    /// The four object types every generated charter declares.
    static let objects: [ObjectShape] = [
        ObjectShape(id: "ressource",
                    enumerations: [("categorie", ["manuel", "documentaire", "outil", "logiciel"]),
                                   ("licence", ["flottante", "nominative"]),
                                   ("niveau", ["sixieme", "cinquieme", "quatrieme", "troisieme"])],
                    booleans: ["abonnement"],
                    others: [("discipline", "texte"), ("prix", "nombre")]),
        ObjectShape(id: "eleve",
                    enumerations: [("mouvement", ["arrivee", "depart"]), ("classe", ["a", "b", "c"])],
                    booleans: ["ulis"],
                    others: []),
        ObjectShape(id: "probleme",
                    enumerations: [("origine", ["gar", "editeur", "ent"]), ("gravite", ["mineure", "majeure", "bloquante"])],
                    booleans: [],
                    others: [("signale_le", "date")]),
        ObjectShape(id: "enquete",
                    enumerations: [("nature", ["etic", "ressources", "usages"])],
                    booleans: ["obligatoire"],
                    others: []),
    ]

    /// Named dates of the calendar (day numbers filled in `init`).
    static let namedDates: [(name: String, date: String)] = [
        ("prerentree", "2026-08-31"), ("rentree", "2026-09-01"), ("cloture_commandes", "2026-12-04"),
        ("conseils_enseignement", "2027-02-12"), ("conseil_pedagogique_choix", "2027-03-19"),
        ("campagne_enquetes", "2027-06-11"), ("fin_annee", "2027-07-03"),
    ]

    /// Holiday periods of the calendar (both ends inclusive).
    static let holidays: [(name: String, start: String, end: String)] = [
        ("toussaint", "2026-10-17", "2026-11-01"), ("noel", "2026-12-19", "2027-01-03"),
        ("hiver", "2027-02-20", "2027-03-07"), ("printemps", "2027-04-17", "2027-05-02"),
        ("ascension", "2027-05-06", "2027-05-09"),
    ]

    static let verbs = ["attribuer", "commander", "suivre", "presenter", "valider", "tester", "diffuser",
                        "signaler", "traiter", "accompagner", "remonter", "former", "inventorier", "archiver"]
    static let words = ["les", "ressources", "numériques", "du", "collège", "licences", "manuels", "dans", "le",
                        "GAR", "élèves", "enseignants", "conseil", "pédagogique", "éditeurs", "abonnements",
                        "à", "la", "rentrée", "documentation", "accès", "ENT", "usages", "bilan", "équipe",
                        "direction", "référent", "numérique", "professeur-documentaliste", "établissement"]

    var random: SplitMix64
    var out: [UInt8] = []

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    // MARK: - Writing

    mutating func write(_ text: String) { out.append(contentsOf: text.utf8) }

    mutating func line(_ text: String) {
        out.append(contentsOf: text.utf8)
        out.append(10)
    }

    /// A sentence of `count` vocabulary words.
    mutating func sentence(_ count: Int) -> String {
        var words: [String] = []
        for _ in 0..<count { words.append(random.pick(CharterGenerator.words)) }
        return words.joined(separator: " ")
    }

    // MARK: - Common header

    /// Actor ids by kind, as declared.
    struct Actors {
        var roles: [String] = []
        var instances: [String] = []
        var externals: [String] = []
        /// People listed under two roles (they act with both).
        var sharedPeople: [String] = []
    }

    /// Writes the establishment, the calendar, the actors and the object types.
    mutating func writeHeader(roles roleCount: Int, instances instanceCount: Int, externals externalCount: Int) -> Actors {
        line("# Charte générée pour les mesures de performance (charte-bench).")
        line("etablissement \"Collège généré\" {")
        line("  uai \"0440000X\"")
        line("  academie \"Nantes\"")
        line("}")
        line("")
        line("calendrier \"2026-2027\" {")
        for named in CharterGenerator.namedDates { line("  \(named.name) \(named.date)") }
        for holiday in CharterGenerator.holidays { line("  \(holiday.name) \(holiday.start) .. \(holiday.end)   # vacances") }
        line("}")
        line("")
        var actors = Actors()
        let accented = ["secrétariat", "vie_scolaire", "référent", "intendance", "cpe", "infirmière"]
        for index in 0..<roleCount {
            let base = index < accented.count ? accented[index] : "role"
            let id = "\(base)_\(index)"
            actors.roles.append(id)
            var people: [String] = []
            if index % 5 == 0 { people.append("Mme Personne \(index)") }
            // A person holding two roles (common in small schools): listed under this role and the next.
            if index % 7 == 1, index + 1 < roleCount {
                people.append("M. Double \(index)")
                actors.sharedPeople.append("M. Double \(index)")
            }
            if index % 7 == 2 { people.append("M. Double \(index - 1)") }
            let label = "\"Rôle n°\(index) : \(sentence(2))\""
            if people.isEmpty {
                line("role \(id) \(label)")
            } else {
                line("role \(id) \(label) { personnes \(people.map { "\"\($0)\"" }.joined(separator: ", ")) }")
            }
        }
        for instance in 0..<instanceCount {
            let id = "conseil_\(instance)"
            actors.instances.append(id)
            let members = random.distinct(3, of: actors.roles)
            line("instance \(id) \"Conseil n°\(instance)\" {")
            line("  membres \(members.joined(separator: ", "))")
            line("}")
        }
        for external in 0..<externalCount {
            let id = "externe_\(external)"
            actors.externals.append(id)
            line("externe \(id) \"Partenaire extérieur n°\(external)\"")
        }
        line("")
        for shape in CharterGenerator.objects {
            line("objet \(shape.id) \"\(shape.id.capitalized)\" {")
            for enumeration in shape.enumerations {
                line("  \(enumeration.name): \(enumeration.values.joined(separator: " | "))")
            }
            for boolean in shape.booleans { line("  \(boolean): booleen") }
            for other in shape.others { line("  \(other.name): \(other.type)   # non énuméré") }
            line("}")
        }
        line("")
        line("evenement mouvement_eleve \"Arrivée ou départ d'un élève\" sur eleve")
        line("evenement incident \"Incident technique\" sur probleme")
        line("")
        return actors
    }

    // MARK: - Conditions

    /// A random condition on an object type's finite attributes (for permissions).
    mutating func randomCondition(on shape: ObjectShape) -> String {
        func atom(_ generator: inout CharterGenerator) -> String {
            let useBoolean = !shape.booleans.isEmpty && generator.random.chance(25)
            if useBoolean {
                let name = generator.random.pick(shape.booleans)
                return generator.random.chance(50) ? name : "non \(name)"
            }
            let enumeration = generator.random.pick(shape.enumerations)
            switch generator.random.below(3) {
            case 0: return "\(enumeration.name) == \(generator.random.pick(enumeration.values))"
            case 1: return "\(enumeration.name) != \(generator.random.pick(enumeration.values))"
            default:
                let values = generator.random.distinct(2, of: enumeration.values)
                return "\(enumeration.name) dans [\(values.joined(separator: ", "))]"
            }
        }
        switch random.below(4) {
        case 0: return "\(atom(&self)) et \(atom(&self))"
        case 1: return "\(atom(&self)) ou \(atom(&self))"
        default: return atom(&self)
        }
    }

    /// Conditions that split an object type's objects into disjoint parts covering them all,
    /// so the tasks of one action neither overlap (W502) nor leave a gap (W501).
    mutating func partition(of shape: ObjectShape) -> [String] {
        let enumeration = random.pick(shape.enumerations)
        switch random.below(6) {
        case 0:
            return enumeration.values.map { "\(enumeration.name) == \($0)" }
        case 1:
            let value = random.pick(enumeration.values)
            return ["\(enumeration.name) == \(value)", "\(enumeration.name) != \(value)"]
        case 2 where !shape.booleans.isEmpty:
            let boolean = random.pick(shape.booleans)
            return [boolean, "non \(boolean)"]
        case 3 where !shape.booleans.isEmpty:
            let boolean = random.pick(shape.booleans)
            let value = random.pick(enumeration.values)
            return ["\(enumeration.name) == \(value) et \(boolean)", "\(enumeration.name) == \(value) et non \(boolean)",
                    "\(enumeration.name) != \(value)"]
        case 4 where enumeration.values.count >= 3:
            let first = Array(enumeration.values.prefix(2))
            return ["\(enumeration.name) dans [\(first.joined(separator: ", "))]",
                    "non (\(enumeration.name) dans [\(first.joined(separator: ", "))])"]
        case 5 where shape.others.contains(where: { $0.type == "nombre" }):
            return ["prix < 1000", "prix >= 1000"]
        default:
            return [""]
        }
    }

    // MARK: - Deadlines

    static func day(_ iso: String) -> Int { CalendarDate(iso: Substring(iso))?.dayNumber ?? 0 }

    /// The first day on or after `day` that is neither in a holiday nor a weekend or public
    /// holiday (W403), so the generated charter checks clean.
    static func schoolDay(onOrAfter day: Int) -> Int {
        var day = day
        while true {
            for holiday in holidays where day >= CharterGenerator.day(holiday.start) && day <= CharterGenerator.day(holiday.end) {
                day = CharterGenerator.day(holiday.end) + 1
            }
            guard let date = CalendarDate(dayNumber: day), !openDays.isWorkingDay(date) else { return day }
            day += 1
        }
    }

    /// Weekends and French public holidays.
    static let openDays = WorkingDays(calendar: nil)

    /// A date expression for a day: a literal, or a calendar name plus or minus a duration.
    mutating func dateExpression(for day: Int) -> String {
        if random.chance(15) { return CalendarDate(dayNumber: day)?.description ?? "2026-09-01" }
        let base = random.pick(CharterGenerator.namedDates)
        let difference = day - CharterGenerator.day(base.date)
        if difference == 0 { return base.name }
        let sign = difference > 0 ? "+" : "-"
        let magnitude = abs(difference)
        if magnitude % 7 == 0 {
            let weeks = magnitude / 7
            return "\(base.name) \(sign) \(weeks) \(weeks == 1 ? "semaine" : "semaines")"
        }
        return "\(base.name) \(sign) \(magnitude) \(magnitude == 1 ? "jour" : "jours")"
    }
}

// MARK: - The verifier charter

extension CharterGenerator {
    /// A valid charter of `taskCount` tasks with a realistic mix of every construct.
    static func verifierCharter(tasks taskCount: Int, seed: UInt64 = 0x5EED_C4A2) -> [UInt8] {
        var generator = CharterGenerator(seed: seed)
        return generator.writeVerifierCharter(tasks: taskCount)
    }

    mutating func writeVerifierCharter(tasks taskCount: Int) -> [UInt8] {
        out.reserveCapacity(taskCount * 420 + 8192)
        let actors = writeHeader(roles: 8 + taskCount / 1000, instances: 3 + taskCount / 5000, externals: 3 + taskCount / 5000)
        let everyone = actors.roles + actors.instances + actors.externals

        // Tasks, grouped in steps of 20; actions are declared as their families are created.
        var actionLines: [String] = []
        var permissionLines: [String] = []
        var testLines: [String] = []
        /// The family being filled: an action, the conditions still to hand out, its performers.
        var family: (action: String, shape: ObjectShape?, conditions: [String], performers: Set<String>)?
        var actionCount = 0
        let tasksPerStep = 20
        let stepCount = max(1, (taskCount + tasksPerStep - 1) / tasksPerStep)
        let firstDay = CharterGenerator.day("2026-09-01"), lastBase = CharterGenerator.day("2027-05-01")
        var written = 0
        var body: [UInt8] = []
        swap(&body, &out)
        for step in 0..<stepCount {
            let after = step > 0 && random.chance(70) ? " apres e\(step - 1)" : ""
            line("")
            line("# ---------------------------------------------------------------- étape \(step)")
            line("etape e\(step) \"Point \(step) : \(sentence(4))\"\(after) {")
            var day = firstDay + random.below(lastBase - firstDay)
            var stepTasks: [String] = []
            for _ in 0..<min(tasksPerStep, taskCount - written) {
                let index = written
                written += 1
                let id = "t\(index)_\(random.pick(CharterGenerator.verbs))"
                line("  tache \(id) \"\(sentence(5).capitalizedFirst) (n°\(index))\" {")
                let people = random.distinct(6, of: actors.roles)
                let responsables = random.chance(20) ? Array(people[0..<2]) : [people[0]]
                var holders = Set(responsables)
                line("    responsable \(responsables.joined(separator: ", "))")
                if random.chance(30) { line("    approbateur \(random.chance(50) ? random.pick(actors.instances) : people[2])") }
                let hasAide = random.chance(25)
                if hasAide {
                    line("    aide \(people[3])")
                    holders.insert(people[3])
                }
                if random.chance(25) { line("    consulte \(people[4]), \(random.pick(actors.externals))") }
                if random.chance(40) { line("    informe \(people[5])") }

                // An action: the next condition of the current family, or a new family.
                // A family started is always finished, so its conditions cover every object (no W501).
                let unfinished = family.map { !$0.conditions.isEmpty } ?? false
                if unfinished || random.chance(70) {
                    if family == nil || family?.conditions.isEmpty == true {
                        if let finished = family { permissionLines += permissions(for: finished, everyone: everyone, testLines: &testLines) }
                        let shapeIndex = random.below(CharterGenerator.objects.count + 1)
                        let shape = shapeIndex < CharterGenerator.objects.count ? CharterGenerator.objects[shapeIndex] : nil
                        let name = "a\(actionCount)_\(random.pick(CharterGenerator.verbs))"
                        actionCount += 1
                        actionLines.append("action \(name) \"\(sentence(4).capitalizedFirst)\"" + (shape.map { " sur \($0.id)" } ?? ""))
                        var conditions = shape.map { partition(of: $0) } ?? [""]
                        if conditions.count > taskCount - index { conditions = [""] }
                        family = (name, shape, conditions, [])
                    }
                    if var current = family {
                        let condition = current.conditions.removeFirst()
                        current.performers.formUnion(holders)
                        family = current
                        line("    action \(current.action)" + (condition.isEmpty ? "" : " si \(condition)"))
                    }
                }
                let triggered = random.chance(5)
                if triggered {
                    line("    quand mouvement_eleve")
                    line("    delai \(random.within(1...10)) jours")
                } else if random.chance(75) {
                    day = CharterGenerator.schoolDay(onOrAfter: day + random.below(3))
                    line("    echeance \(dateExpression(for: day))")
                }
                // Prerequisites within the step only: deadlines never decrease along them.
                if !stepTasks.isEmpty, random.chance(50) {
                    let count = min(stepTasks.count, random.within(1...2))
                    line("    apres \(random.distinct(count, of: stepTasks.suffix(6).map { $0 }).joined(separator: ", "))")
                }
                if random.chance(10) { line("    en \(random.pick(actors.instances))") }
                if random.chance(30) { line("    note \"\(sentence(random.within(10...30)).capitalizedFirst).\"") }
                line("  }")
                stepTasks.append(id)
            }
            line("}")
        }
        if let finished = family { permissionLines += permissions(for: finished, everyone: everyone, testLines: &testLines) }
        swap(&body, &out)

        line("# ---------------------------------------------------------------- actions")
        for action in actionLines { line(action) }
        out += body
        line("")
        line("# ---------------------------------------------------------------- permissions")
        for permission in permissionLines { line(permission) }
        line("")
        for (index, chunk) in stride(from: 0, to: testLines.count, by: 4).enumerated() {
            line("test \"vérifications n°\(index)\" {")
            for assertion in testLines[chunk..<min(chunk + 4, testLines.count)] { line("  \(assertion)") }
            line("}")
        }
        return out
    }

    /// Some `autorise` and `interdit` rules for a finished action family, never against its performers.
    mutating func permissions(for family: (action: String, shape: ObjectShape?, conditions: [String], performers: Set<String>),
                              everyone: [String], testLines: inout [String]) -> [String] {
        var lines: [String] = []
        let outsiders = everyone.filter { !family.performers.contains($0) }
        if random.chance(20), !outsiders.isEmpty {
            let who = random.distinct(random.within(1...2), of: outsiders)
            let condition = family.shape.map { " si \(randomCondition(on: $0))" } ?? ""
            lines.append("interdit \(who.joined(separator: ", ")) \(family.action)\(condition)")
            if let shape = family.shape, random.chance(30) {
                testLines.append("refuse \(who[0]) \(family.action) \(shape.id)()")
            }
        }
        if random.chance(15) {
            let who = random.distinct(random.within(1...3), of: everyone)
            let condition = family.shape.map { " si \(randomCondition(on: $0))" } ?? ""
            lines.append("autorise \(who.joined(separator: ", ")) \(family.action)\(condition)")
        }
        if random.chance(10), let shape = family.shape, let enumeration = shape.enumerations.first {
            testLines.append("qui \(family.action) \(shape.id)(\(enumeration.name): \(enumeration.values[0])) = \(family.performers.sorted().first ?? "")")
        }
        return lines
    }
}

// MARK: - The rules charter

extension CharterGenerator {
    /// A valid charter with `ruleCount` permission rules over `actionCount` actions and a few hundred tasks.
    static func rulesCharter(rules ruleCount: Int, tasks taskCount: Int, actions actionCount: Int,
                             seed: UInt64 = 0xB0_5E5) -> [UInt8] {
        var generator = CharterGenerator(seed: seed)
        return generator.writeRulesCharter(rules: ruleCount, tasks: taskCount, actions: actionCount)
    }

    mutating func writeRulesCharter(rules ruleCount: Int, tasks taskCount: Int, actions actionCount: Int) -> [UInt8] {
        let actors = writeHeader(roles: 40, instances: 5, externals: 5)
        let everyone = actors.roles + actors.instances + actors.externals
        var actions: [(name: String, shape: ObjectShape?)] = []
        for index in 0..<actionCount {
            let shapeIndex = random.below(CharterGenerator.objects.count * 4 + 1)
            let shape = shapeIndex < CharterGenerator.objects.count * 4 ? CharterGenerator.objects[shapeIndex % 4] : nil
            let name = "a\(index)_\(random.pick(CharterGenerator.verbs))"
            actions.append((name, shape))
            line("action \(name) \"\(sentence(3).capitalizedFirst)\"" + (shape.map { " sur \($0.id)" } ?? ""))
        }
        // Tasks: each action is performed by the tasks of one partition.
        var performers = [Set<String>](repeating: [], count: actionCount)
        var written = 0, step = 0, next = 0
        while written < taskCount {
            line("etape e\(step) \"Étape \(step)\" {")
            for _ in 0..<10 where written < taskCount {
                let action = next % actionCount
                next += 1
                let conditions = actions[action].shape.map { partition(of: $0) } ?? [""]
                for condition in conditions where written < taskCount {
                    let people = random.distinct(2, of: actors.roles)
                    line("  tache t\(written) \"Tâche \(written)\" {")
                    line("    responsable \(people[0])")
                    performers[action].insert(people[0])
                    if random.chance(30) {
                        line("    aide \(people[1])")
                        performers[action].insert(people[1])
                    }
                    line("    action \(actions[action].name)" + (condition.isEmpty ? "" : " si \(condition)"))
                    line("  }")
                    written += 1
                }
            }
            line("}")
            step += 1
        }
        // Rules: forbids never name a performer of their action (that would be E500/W503).
        for _ in 0..<ruleCount {
            let action = random.below(actionCount)
            let (name, shape) = actions[action]
            var condition = ""
            if let shape, random.chance(75) { condition = " si \(randomCondition(on: shape))" }
            if random.chance(40) {
                let outsiders = everyone.filter { !performers[action].contains($0) }
                if performers[action].isEmpty, random.chance(5) {
                    line("interdit tous \(name)\(condition)")
                } else if !outsiders.isEmpty {
                    line("interdit \(random.distinct(random.within(1...3), of: outsiders).joined(separator: ", ")) \(name)\(condition)")
                }
            } else if random.chance(4) {
                line("autorise tous \(name)\(condition)")
            } else {
                line("autorise \(random.distinct(random.within(1...3), of: everyone).joined(separator: ", ")) \(name)\(condition)")
            }
        }
        return out
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }

    /// ASCII capitalisation of an identifier.
    var capitalized: String { capitalizedFirst }
}

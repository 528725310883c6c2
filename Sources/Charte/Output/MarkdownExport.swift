/// The charter as a Markdown document (GitHub-flavoured tables): the steps × roles table,
/// the RACI matrix, one sheet per actor, the deadline calendar and the permission rules.
///
/// Every text from the charter is escaped, so a label can neither break a table (`|`,
/// line breaks) nor turn into markup (`*`, `_`, `<b>`, links).
public enum MarkdownExport {
    /// The document, ending with a newline.
    public static func render(_ document: CharterDocument) -> String {
        var out: [String] = []
        out.append("# " + escape(document.title))
        out.append("")
        if !document.subtitle.isEmpty {
            out.append(escape(document.subtitle))
            out.append("")
        }
        out.append("Lettres : " + Letter.allCases.map { "**\($0.rawValue)** \($0.frenchName)" }.joined(separator: " · ")
                   + ". Dans le tableau par étape, une tâche sans lettre est tenue en responsable (R).")
        out.append("")
        out += stepTable(document.table)
        out += matrix(document.matrix)
        out += sheets(document.sheets)
        out += calendar(document.calendar)
        if !document.permissions.isEmpty {
            out.append("## 5. Permissions")
            out.append("")
            out += document.permissions.map { "- " + escape($0.text) }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Parts

    static func stepTable(_ table: StepRoleTable) -> [String] {
        var out = ["## 1. Qui fait quoi, étape par étape", ""]
        out.append(row([StepRoleTable.corner] + table.columns))
        out.append(separator(table.columns.count + 1))
        for step in table.rows {
            let cells = step.cells.map { entries in entries.map { escape($0.text) }.joined(separator: "<br>") }
            out.append("| " + ([escape(step.label)] + cells).joined(separator: " | ") + " |")
        }
        return out + [""]
    }

    static func matrix(_ matrix: RaciMatrix) -> [String] {
        var out = ["## 2. Matrice RACI", ""]
        out.append(row(["Étape", "Tâche"] + matrix.columns.map(\.label)))
        out.append(separator(matrix.columns.count + 2, centredFrom: 2))
        var previousStep: String?
        for task in matrix.rows {
            let step = task.step == previousStep ? "" : escape(task.stepLabel)
            previousStep = task.step
            let letters = task.letters.map { RaciMatrix.cellText($0) }
            out.append("| " + ([step, escape(task.label)] + letters).joined(separator: " | ") + " |")
        }
        return out + [""]
    }

    static func sheets(_ sheets: [RoleSheet]) -> [String] {
        var out = ["## 3. Fiches par rôle", ""]
        for sheet in sheets {
            out.append("### " + escape(sheet.label))
            out.append("")
            var facts = [sheet.kind.frenchName.prefix(1).uppercased() + sheet.kind.frenchName.dropFirst()]
            if !sheet.persons.isEmpty { facts.append("personnes : " + sheet.persons.joined(separator: ", ")) }
            if !sheet.members.isEmpty { facts.append("membres : " + sheet.members.joined(separator: ", ")) }
            out.append("*" + escape(facts.joined(separator: " · ")) + "*")
            out.append("")
            if !sheet.items.isEmpty {
                out.append(row(["Lettre", "Tâche", "Étape", "Échéance"]))
                out.append(separator(4))
                for item in sheet.items {
                    var task = escape(item.label)
                    if !item.responsables.isEmpty { task += " — avec " + escape(item.responsables.joined(separator: ", ")) }
                    if !item.places.isEmpty { task += " — en " + escape(item.places.joined(separator: ", ")) }
                    out.append("| " + ["**\(item.letter.rawValue)**", task, escape(item.step), escape(item.deadline.text)]
                        .joined(separator: " | ") + " |")
                }
                out.append("")
            }
            if !sheet.abilities.isEmpty {
                out.append("Peut faire :")
                out.append("")
                out += sheet.abilities.map { "- " + escape($0.text) }
                out.append("")
            }
            if !sheet.permissions.isEmpty {
                out.append("Règles qui le nomment :")
                out.append("")
                out += sheet.permissions.map { "- " + escape($0.text) }
                out.append("")
            }
        }
        return out
    }

    static func calendar(_ calendar: DeadlineCalendar) -> [String] {
        var out = ["## 4. Calendrier des échéances", ""]
        let timeline = calendar.timeline
        if !timeline.isEmpty {
            out.append(row(["Date", "Tâche", "Étape", "Responsable"]))
            out.append(separator(4))
            for entry in timeline {
                switch entry {
                case .task(let item):
                    out.append("| " + [item.date.map { escape(DateText.long($0)) } ?? "", escape(item.label), escape(item.step),
                                       escape(item.responsables.joined(separator: ", "))].joined(separator: " | ") + " |")
                case .holiday(let period):
                    let text = DateText.range(period.start, period.end)
                    out.append("| *\(escape(text))* | *\(escape(period.displayName))* |  |  |")
                }
            }
            out.append("")
        }
        if !calendar.recurring.isEmpty {
            out.append("À chaque événement :")
            out.append("")
            out += calendar.recurring.map { item in
                "- " + escape(item.label) + " (" + escape(item.responsables.joined(separator: ", ")) + ") : " + escape(item.deadline.text)
            }
            out.append("")
        }
        if !calendar.undated.isEmpty {
            out.append("Sans échéance :")
            out.append("")
            out += calendar.undated.map { item in
                "- " + escape(item.label) + " (" + escape(item.responsables.joined(separator: ", ")) + ")"
            }
            out.append("")
        }
        return out
    }

    // MARK: - Building blocks

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |"
    }

    static func separator(_ count: Int, centredFrom: Int = Int.max) -> String {
        "|" + (0..<count).map { $0 >= centredFrom ? ":-:" : "---" }.joined(separator: "|") + "|"
    }

    /// Escapes text for a Markdown table cell or paragraph: a backslash before the characters
    /// Markdown would read as syntax where they are, and only there (`_` inside a word, `&`
    /// before a space or `>` after the start stay as written, so the text reads as typed);
    /// line breaks as `<br>`.
    public static func escape(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\", "`", "*", "[", "]", "<", "|", "~":
                out.append("\\")
                out.append(character)
            case "_" where !(previous?.isLetter == true || previous?.isNumber == true)
                        || !(next?.isLetter == true || next?.isNumber == true):
                out += "\\_"
            case "&" where next?.isLetter == true || next == "#":
                out += "\\&"
            case ">" where index == 0, "#" where index == 0:
                out.append("\\")
                out.append(character)
            case "\n", "\r\n", "\r": out += "<br>"
            default:
                if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                   ControlCharacters.isEscaped(scalar) {
                    out += ControlCharacters.written(scalar)
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }
}

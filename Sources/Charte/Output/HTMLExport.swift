/// The charter as one self-contained HTML page to read on screen, on a phone, or print on A4
/// landscape: the steps × roles table, the RACI matrix, one sheet per actor, the deadline
/// calendar and the permission rules — and, on screen, the « Qui s'occupe de… ? » search and
/// the « Puis-je… ? » form (`HTMLQuestions`), whose answers are `charte peut`'s.
///
/// Everything is inline (CSS, the script, its data): no external resource, no `src`, so the
/// page works offline, from a USB key or the ENT. Every text from the charter goes through
/// `escape`, or into the data as JSON safe inside `<script>`, so a label such as `<b>` shows
/// as written.
public enum HTMLExport {
    /// The interactive page of a model, ending with a newline; `file` gives the rules' lines.
    static func render(_ charter: Charter, file: SourceFile?) -> String {
        render(CharterDocument(charter: charter),
               questions: (HTMLQuestions.panel(charter), HTMLQuestions.data(charter, file: file)))
    }

    /// The page of a document alone, without the questions panel and its script.
    public static func render(_ document: CharterDocument) -> String {
        render(document, questions: nil)
    }

    /// The page, with the questions' panel and data when given.
    static func render(_ document: CharterDocument, questions: (panel: String, data: String)?) -> String {
        var body = header(document)
        if let questions { body += questions.panel }
        body += stepTable(document.table)
        body += "</section>\n"
        body += matrix(document.matrix)
        body += sheets(document.sheets)
        body += calendar(document.calendar)
        if !document.permissions.isEmpty { body += permissions(document.permissions) }
        let css = HTMLStyle.css.replacing("TITLE", with: cssString(document.title)) + "\n" + HTMLStyle.screens
        let script = questions.map { "<script type=\"application/json\" id=\"charte-donnees\">\($0.data)</script>\n<script>\n\(HTMLScript.source)\n</script>\n" } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(document.title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        <footer>Document produit par charte à partir de la charte vérifiée. Lettres RACI : R responsable, A approbateur, S aide (soutien), C consulté, I informé.</footer>
        \(script)</body>
        </html>

        """
    }

    // MARK: - Parts

    static func header(_ document: CharterDocument) -> String {
        var out = "<section class=\"feuille\" id=\"tableau\">\n<header class=\"titre\">\n<div>\n"
        out += "<p class=\"surtitre\">Charte des rôles numériques</p>\n"
        out += "<h1>\(escape(document.establishment ?? "Établissement"))</h1>\n"
        if !document.subtitle.isEmpty { out += "<p class=\"meta\">\(escape(document.subtitle))</p>\n" }
        out += "</div>\n<ul class=\"legende\">\n"
        for letter in Letter.allCases {
            out += "<li>\(badge(letter)) \(escape(letter.frenchName))</li>\n"
        }
        return out + "</ul>\n</header>\n"
    }

    static func stepTable(_ table: StepRoleTable) -> String {
        var out = "<h2><span class=\"num\">1</span> Qui fait quoi, étape par étape"
        out += " <span class=\"aide\">une tâche sans lettre est tenue en responsable</span></h2>\n"
        out += "<table class=\"etapes\">\n<colgroup><col class=\"etape\">"
        out += String(repeating: "<col>", count: table.columns.count) + "</colgroup>\n"
        out += "<thead><tr><th class=\"coin\" scope=\"col\">\(escape(StepRoleTable.corner))</th>"
        out += table.columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr><th scope=\"row\">\(stepLabel(row.label))</th>"
            for (column, cell) in zip(table.columns, row.cells) {
                guard !cell.isEmpty else {
                    out += "<td></td>"
                    continue
                }
                // The column's name rides along, for the phone layout that shows cells as a list.
                out += "<td data-role=\"\(escape(column))\"><ul class=\"cases\">"
                for entry in cell {
                    let mark = entry.letter == .responsible ? "" : badge(entry.letter) + " "
                    out += "<li class=\"\(entry.letter.rawValue)\">\(mark)<span>\(escape(entry.label))</span></li>"
                }
                out += "</ul></td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func matrix(_ matrix: RaciMatrix) -> String {
        var out = "<section class=\"feuille\" id=\"raci\">\n<h2><span class=\"num\">2</span> Matrice RACI"
        out += " <span class=\"aide\">une ligne par tâche, une colonne par acteur</span></h2>\n"
        out += "<div class=\"defile\">\n<table class=\"raci\">\n<thead><tr><th scope=\"col\">Tâche</th>"
        for column in matrix.columns {
            out += "<th scope=\"col\" class=\"acteur \(column.kind.rawValue)\" title=\"\(escape(column.label))\">"
            out += "<span>\(escape(column.label))</span></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        var previousStep: String?
        for row in matrix.rows {
            if row.step != previousStep {
                out += "<tr class=\"etape\"><th colspan=\"\(matrix.columns.count + 1)\">\(escape(row.stepLabel))</th></tr>\n"
                previousStep = row.step
            }
            out += "<tr><td>\(escape(row.label))</td>"
            for letters in row.letters {
                if let first = letters.first {
                    out += "<td class=\"lettre \(first.rawValue)\">\(escape(RaciMatrix.cellText(letters)))</td>"
                } else {
                    out += "<td class=\"lettre\"></td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    static func sheets(_ sheets: [RoleSheet]) -> String {
        var out = ""
        for (index, sheet) in sheets.enumerated() {
            // Each role's sheet starts a page, so it can be handed out; instances and
            // external actors, with fewer tasks, follow one another.
            let starts = index == 0 || sheet.kind == .role
            if starts {
                if index > 0 { out += "</section>\n" }
                out += "<section class=\"feuille fiches\"\(index == 0 ? " id=\"fiches\"" : "")>\n"
                out += "<p class=\"rappel\"><span class=\"num\">3</span> Fiches par rôle</p>\n"
            }
            out += sheetArticle(sheet)
        }
        return sheets.isEmpty ? "" : out + "</section>\n"
    }

    static func sheetArticle(_ sheet: RoleSheet) -> String {
        var out = "<article class=\"fiche \(sheet.kind.rawValue)\">\n<header>\n<div>\n"
        out += "<h3>\(escape(sheet.label))</h3>\n"
        var facts = [sheet.kind.frenchName.prefix(1).uppercased() + sheet.kind.frenchName.dropFirst()]
        if !sheet.persons.isEmpty { facts.append("personnes : " + sheet.persons.joined(separator: ", ")) }
        if !sheet.members.isEmpty { facts.append("membres : " + sheet.members.joined(separator: ", ")) }
        out += "<p class=\"genre\">\(escape(facts.joined(separator: " · ")))</p>\n</div>\n<p class=\"compte\">"
        for letter in Letter.allCases {
            let count = sheet.items.filter { $0.letter == letter }.count
            if count > 0 { out += "<span>\(badge(letter)) \(count)</span>" }
        }
        out += "</p>\n</header>\n"
        if !sheet.items.isEmpty {
            out += "<table class=\"fiche\">\n<colgroup><col class=\"lettre\"><col><col class=\"etape\"><col class=\"quand\"></colgroup>\n"
            out += "<thead><tr><th scope=\"col\"></th><th scope=\"col\">Tâche</th><th scope=\"col\">Étape</th>"
            out += "<th scope=\"col\">Échéance</th></tr></thead>\n<tbody>\n"
            for item in sheet.items {
                var detail: [String] = []
                if !item.responsables.isEmpty { detail.append("avec " + item.responsables.joined(separator: ", ")) }
                if !item.places.isEmpty { detail.append("en " + item.places.joined(separator: ", ")) }
                out += "<tr class=\"\(item.letter.rawValue)\"><td>\(badge(item.letter))</td><td><span class=\"tache\">\(escape(item.label))</span>"
                if !detail.isEmpty { out += " <span class=\"detail\">\(escape(detail.joined(separator: " · ")))</span>" }
                if let note = item.note { out += "<span class=\"note\">\(escape(note))</span>" }
                let when = item.deadline.text
                out += "</td><td>\(escape(item.step))</td><td class=\"\(when.isEmpty ? "vide" : "")\">\(escape(when.isEmpty ? "—" : when))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if !sheet.abilities.isEmpty {
            out += "<p class=\"peut\">Peut faire :</p>\n<ul class=\"peut\">\n"
            out += sheet.abilities.map { "<li>\(escape($0.text))</li>\n" }.joined()
            out += "</ul>\n"
        }
        if !sheet.permissions.isEmpty {
            out += "<ul class=\"regles\">\n"
            out += sheet.permissions.map { "<li>\(escape($0.text))</li>\n" }.joined()
            out += "</ul>\n"
        }
        return out + "</article>\n"
    }

    static func calendar(_ calendar: DeadlineCalendar) -> String {
        var out = "<section class=\"feuille\" id=\"calendrier\">\n<h2><span class=\"num\">4</span> Calendrier des échéances</h2>\n"
        let timeline = calendar.timeline
        if !timeline.isEmpty {
            out += "<table class=\"calendrier\">\n<colgroup><col class=\"date\"><col><col class=\"etape\"><col class=\"qui\"></colgroup>\n"
            out += "<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Tâche</th><th scope=\"col\">Étape</th>"
            out += "<th scope=\"col\">Responsable</th></tr></thead>\n<tbody>\n"
            var month: String?
            for entry in timeline {
                if let date = entry.date, DateText.month(date) != month {
                    month = DateText.month(date)
                    out += "<tr class=\"mois\"><th colspan=\"4\">\(escape(DateText.month(date)))</th></tr>\n"
                }
                switch entry {
                case .task(let item):
                    out += "<tr><td class=\"date\">\(escape(item.date.map(DateText.long) ?? ""))</td>"
                    out += "<td>\(escape(item.label))</td><td>\(escape(item.step))</td>"
                    out += "<td>\(escape(item.responsables.joined(separator: ", ")))</td></tr>\n"
                case .holiday(let period):
                    out += "<tr class=\"vacances\"><td class=\"date\">\(escape(DateText.range(period.start, period.end)))</td>"
                    out += "<td colspan=\"3\">\(escape(period.displayName))</td></tr>\n"
                }
            }
            out += "</tbody>\n</table>\n"
        }
        if !calendar.recurring.isEmpty || !calendar.undated.isEmpty {
            out += "<div class=\"colonnes\">\n"
            if !calendar.recurring.isEmpty {
                out += "<div>\n<h3>À chaque événement</h3>\n<ul>\n"
                for item in calendar.recurring {
                    out += "<li>\(escape(item.label)) — \(escape(item.deadline.text)) "
                    out += "<small>(\(escape(item.responsables.joined(separator: ", "))))</small></li>\n"
                }
                out += "</ul>\n</div>\n"
            }
            if !calendar.undated.isEmpty {
                out += "<div>\n<h3>Sans échéance</h3>\n<ul>\n"
                for item in calendar.undated {
                    out += "<li>\(escape(item.label)) <small>(\(escape(item.responsables.joined(separator: ", "))))</small></li>\n"
                }
                out += "</ul>\n</div>\n"
            }
            out += "</div>\n"
        }
        return out + "</section>\n"
    }

    static func permissions(_ lines: [PermissionLine]) -> String {
        var out = "<section class=\"feuille suite\" id=\"permissions\">\n<h2><span class=\"num\">5</span> Permissions"
        out += " <span class=\"aide\">en plus des tâches, qui autorisent leurs responsables et aides</span></h2>\n"
        out += "<table class=\"permissions\">\n<colgroup><col class=\"genre\"><col><col><col></colgroup>\n"
        out += "<thead><tr><th scope=\"col\">Règle</th><th scope=\"col\">Acteurs</th><th scope=\"col\">Action</th>"
        out += "<th scope=\"col\">Condition</th></tr></thead>\n<tbody>\n"
        for line in lines {
            let kind = line.kind == .permit ? "Autorisé" : "Interdit"
            out += "<tr><td class=\"genre-\(line.kind.rawValue)\">\(kind)</td><td>\(escape(line.actors.joined(separator: ", ")))</td>"
            out += "<td>\(escape(line.action))</td><td>\(line.condition.map { "si " + escape($0) } ?? "toujours")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: - Building blocks

    /// A letter's badge.
    static func badge(_ letter: Letter) -> String {
        "<span class=\"l l-\(letter.rawValue)\" title=\"\(escape(letter.frenchName))\">\(letter.rawValue)</span>"
    }

    /// A step label, its `Point N :` prefix set apart when it has one.
    static func stepLabel(_ label: String) -> String {
        guard let range = label.firstRange(of: " : "), label.distance(from: label.startIndex, to: range.lowerBound) <= 12 else {
            return escape(label)
        }
        return "<small>\(escape(String(label[..<range.lowerBound])))</small>\(escape(String(label[range.upperBound...])))"
    }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if ControlCharacters.isEscaped(scalar, keepingLineBreaks: true) {
                    out += ControlCharacters.written(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A CSS string literal holding any text safely inside a `<style>` element: every
    /// character other than letters, digits and spaces is written as a CSS escape.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar == " " || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out + "\""
    }
}

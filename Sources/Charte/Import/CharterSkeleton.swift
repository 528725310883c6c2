/// A charter skeleton generated from a steps × roles table (`charte importer`): one role
/// per column, one step per row, one task per filled cell with the column's role as
/// responsable and the cell's text as label and note, and comments saying what to refine.
///
/// The text checks clean (no error, no warning): a column without any filled cell and a
/// row without any are written as comments rather than as an unused role or an empty step.
public struct CharterSkeleton: Sendable {
    /// A role made from a column.
    public struct Role: Sendable, Hashable {
        /// The identifier derived from the column's name.
        public let id: String
        /// The column's name.
        public let label: String
        /// Whether any cell of the column is filled (otherwise the role is only a comment).
        public let isUsed: Bool
    }

    /// A task made from a filled cell.
    public struct Task: Sendable, Hashable {
        /// The task's identifier: the step's first words, then the role's.
        public let id: String
        /// The responsable role.
        public let role: Role
        /// The cell's text.
        public let text: String
        /// Other roles the text names: candidates for `aide`, `consulte` or `informe`.
        public let mentions: [Role]
    }

    /// A step made from a row.
    public struct Step: Sendable, Hashable {
        /// The identifier derived from the step's name.
        public let id: String
        /// The row's first cell.
        public let label: String
        /// The row's line in the file.
        public let line: Int
        /// One task per filled cell, in column order.
        public let tasks: [Task]
    }

    /// The roles, in column order.
    public let roles: [Role]
    /// The steps, in row order.
    public let steps: [Step]
    /// The charter, in canonical layout.
    public let text: String

    /// Builds the skeleton of a table read from the file `source` (named in a comment).
    public init(table: RoleTable, source: String) {
        var identifiers = IdentifierMaker()
        let roles = table.roles.enumerated().map { column, name in
            Role(id: identifiers.make(from: name, kind: "role"), label: CharterSkeleton.clean(name),
                 isUsed: table.rows.contains { !$0.cells[column].isEmpty })
        }
        var steps: [Step] = []
        for row in table.rows {
            let id = identifiers.make(from: row.step, kind: "etape")
            var tasks: [Task] = []
            for (column, cell) in row.cells.enumerated() where !cell.isEmpty {
                let role = roles[column]
                let text = CharterSkeleton.clean(cell)
                let mentions = roles.filter { $0 != role && $0.isUsed && CharterSkeleton.text(text, names: $0.label) }
                let name = IdentifierMaker.shortSlug(row.step, words: 3) + "_" + IdentifierMaker.shortSlug(role.label, words: 2)
                tasks.append(Task(id: identifiers.make(from: name, kind: "tache"), role: role,
                                  text: text, mentions: mentions))
            }
            steps.append(Step(id: id, label: CharterSkeleton.clean(row.step), line: row.line, tasks: tasks))
        }
        self.roles = roles
        self.steps = steps
        let raw = CharterSkeleton.write(table: table, roles: roles, steps: steps, source: source)
        self.text = Formatter.format(text: raw).text ?? raw
    }

    // MARK: - Writing

    private static func write(table: RoleTable, roles: [Role], steps: [Step], source: String) -> String {
        let quoted = ExpressionPrinter.quoted
        var out = "# Charte générée par « charte importer » à partir de « \(comment(baseName(source))) ».\n"
        for line in table.title { out += "# Titre du tableau : \(comment(line))\n" }
        out += """
            #
            # Chaque colonne du tableau est devenue un rôle, chaque ligne une étape, et chaque case
            # remplie une tâche dont le rôle de la colonne est responsable ; le texte de la case est
            # à la fois le libellé et la note de la tâche. Pour affiner cette charte :
            #   - découpez en plusieurs tâches une case qui décrit plusieurs choses ;
            #   - raccourcissez les libellés (le texte d'origine reste dans la note) ;
            #   - ajoutez qui approuve (approbateur), aide (aide), est consulté (consulte) ou informé (informe) ;
            #   - déclarez les objets et les actions (objet, action), puis reliez-les aux tâches (action … si …) ;
            #   - déclarez un calendrier, les échéances (echeance) et l'ordre des tâches et des étapes (apres) ;
            #   - écrivez les permissions (autorise, interdit) et des tests (test).
            # « charte verifier » signale ce qui manque, « charte fmt » remet la charte en forme.

            # etablissement "Nom de l'établissement"

            # ---------------------------------------------------------------- rôles (colonnes du tableau)


            """
        for role in roles {
            if role.isUsed {
                out += "role \(role.id) \(quoted(role.label))\n"
            } else {
                out += "# role \(role.id) \(comment(quoted(role.label)))  -- colonne sans case remplie : utilisez ce rôle ou supprimez-le\n"
            }
        }
        out += "\n# ---------------------------------------------------------------- étapes (lignes du tableau)\n"
        for step in steps {
            out += "\n"
            guard !step.tasks.isEmpty else {
                out += "# etape \(step.id) \(comment(quoted(step.label)))  -- ligne \(step.line) sans case remplie : ajoutez-lui des tâches\n"
                continue
            }
            out += "# Ligne \(step.line) du tableau.\n"
            out += "etape \(step.id) \(quoted(step.label)) {\n"
            for (index, task) in step.tasks.enumerated() {
                if index > 0 { out += "\n" }
                out += "  # Case « \(comment(task.role.label)) » : une ou plusieurs tâches ? actions, approbateur, échéance ?\n"
                if !task.mentions.isEmpty {
                    let names = task.mentions.map { "« \(comment($0.label)) » (\($0.id))" }.joined(separator: ", ")
                    out += "  # Le texte cite aussi \(names) : aide, consulte ou informe ?\n"
                }
                out += "  tache \(task.id) \(quoted(task.text)) {\n"
                out += "    responsable \(task.role.id)\n"
                out += "    note \(quoted(task.text))\n"
                out += "  }\n"
            }
            out += "}\n"
        }
        return out
    }

    // MARK: - Text

    /// Whether `text` names `label` as whole words, ignoring case, accents and punctuation.
    static func text(_ text: String, names label: String) -> Bool {
        let needle = words(label)
        return needle != "  " && words(text).contains(needle)
    }

    /// ` mot mot ` — folded words between single spaces, for whole-word search.
    private static func words(_ text: String) -> String {
        " " + IdentifierMaker.slug(text).split(separator: "_").joined(separator: " ") + " "
    }

    /// The text without invisible bidirectional controls (they would be a warning, W601).
    static func clean(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text.unicodeScalars.filter { !Lexer.isBidiControl($0) })
        return String(view)
    }

    /// Text made safe for a comment: on one line, without control characters.
    private static func comment(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in clean(text).unicodeScalars {
            view.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return String(view)
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

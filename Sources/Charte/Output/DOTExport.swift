/// The charter as a Graphviz graph: one cluster per step, one node per task (coloured by
/// its first responsable, with a legend), an edge per task `apres`, and a dashed edge
/// between clusters per step `apres`. Every identifier and label is a quoted, escaped
/// DOT string. Render with `dot -Tsvg charte.dot > charte.svg`.
public enum DOTExport {
    /// Fill colours given to responsables in declaration order (pale, so black text reads).
    static let palette = ["#cfe2ff", "#ffe5b4", "#d4edda", "#f8d7da", "#e2d9f3", "#d1ecf1",
                          "#fff3cd", "#e7d4c0", "#dee2e6", "#f0d9e8", "#d9f0e4", "#e8e8c8"]

    /// The graph, ending with a newline.
    static func render(_ charter: Charter) -> String {
        let title = charter.establishment.map { "Charte des rôles numériques — \($0.name)" } ?? "Charte des rôles numériques"
        var responsables: [Int] = []
        for task in charter.tasks {
            if let first = task.responsables.first, !responsables.contains(first) { responsables.append(first) }
        }
        responsables.sort()
        func colour(_ actor: Int) -> String {
            palette[(responsables.firstIndex(of: actor) ?? 0) % palette.count]
        }
        func actorName(_ actor: Int) -> String { charter.actors[actor].label ?? charter.actors[actor].id }

        var out = "digraph charte {\n"
        out += "  graph [rankdir=LR, compound=true, newrank=true, fontname=\"Helvetica\", labelloc=t, fontsize=16, "
        out += "label=\(quote(title))];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n"
        out += "  edge [color=\"#555555\"];\n"
        for step in charter.steps {
            out += "\n  subgraph \(quote("cluster_" + step.id)) {\n"
            out += "    label=\(quote(step.label ?? step.id)); style=\"rounded\"; color=\"#8c8c8c\"; fontsize=12;\n"
            for index in step.tasks {
                let task = charter.tasks[index]
                var label = task.label ?? task.id
                let names = task.responsables.map(actorName)
                if !names.isEmpty { label += "\n(" + names.joined(separator: ", ") + ")" }
                let fill = task.responsables.first.map(colour) ?? "#ffffff"
                out += "    \(quote("tache_" + task.id)) [label=\(quote(label)), fillcolor=\(quote(fill))];\n"
            }
            out += "  }\n"
        }
        out += "\n"
        for step in charter.steps {
            guard let head = step.tasks.first else { continue }
            for before in step.after {
                guard let tail = charter.steps[before].tasks.last else { continue }
                out += "  \(quote("tache_" + charter.tasks[tail].id)) -> \(quote("tache_" + charter.tasks[head].id))"
                out += " [style=dashed, color=\"#b0b0b0\", ltail=\(quote("cluster_" + charter.steps[before].id)), "
                out += "lhead=\(quote("cluster_" + step.id))];\n"
            }
        }
        for task in charter.tasks {
            for before in task.after {
                out += "  \(quote("tache_" + charter.tasks[before].id)) -> \(quote("tache_" + task.id));\n"
            }
        }
        if !responsables.isEmpty {
            out += "\n  subgraph \"cluster_legende\" {\n    label=\"Responsables\"; style=\"rounded\"; color=\"#8c8c8c\"; fontsize=12;\n"
            for actor in responsables {
                out += "    \(quote("legende_" + charter.actors[actor].id)) [label=\(quote(actorName(actor))), "
                out += "fillcolor=\(quote(colour(actor)))];\n"
            }
            out += "  }\n"
        }
        return out + "}\n"
    }

    /// A DOT quoted string: quotes and backslashes escaped, line breaks as `\n`.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default:
                if ControlCharacters.isEscaped(scalar) {
                    out += ControlCharacters.written(scalar).replacing("\\", with: "\\\\")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

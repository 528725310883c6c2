/// The outline of a charter (`textDocument/documentSymbol`): its declarations, with the
/// steps' tasks, the object types' attributes and the calendar's dates beneath them.
enum EditorSymbols {
    /// The protocol's symbol kinds used here.
    enum Kind: Int {
        case module = 2, namespace = 3, package = 4, `class` = 5, method = 6, field = 8, interface = 11,
             function = 12, constant = 14, object = 19, `struct` = 23, event = 24, `operator` = 25
    }

    /// The symbols of a document.
    static func symbols(of document: EditorDocument, encoding: PositionEncoding) -> JSON {
        let file = document.file
        func symbol(_ name: String, detail: String?, _ kind: Kind, span: Span, selection: Span, children: [JSON] = []) -> JSON {
            var members: [(String, JSON)] = [("name", .string(name.isEmpty ? "?" : name))]
            if let detail { members.append(("detail", .string(detail))) }
            members += [("kind", .int(kind.rawValue)), ("range", file.range(of: span, encoding: encoding)),
                        ("selectionRange", file.range(of: selection, encoding: encoding))]
            if !children.isEmpty { members.append(("children", .array(children))) }
            return .object(members)
        }
        var result: [JSON] = []
        for declaration in document.loaded.tree.declarations {
            switch declaration {
            case .establishment(let decl):
                result.append(symbol(decl.label.value, detail: "établissement", .package, span: decl.span, selection: decl.label.span))
            case .calendar(let decl):
                let entries = decl.entries.map { entry in
                    symbol(entry.name.text, detail: file.text((entry.name.span.end)..<entry.span.end).trimmedBlanks,
                           .constant, span: entry.span, selection: entry.name.span)
                }
                result.append(symbol(decl.label?.value ?? "calendrier", detail: "calendrier", .module, span: decl.span,
                                     selection: decl.label?.span ?? decl.span, children: entries))
            case .actor(let decl):
                result.append(symbol(decl.name.text, detail: decl.label?.value, decl.kind == .instance ? .interface : .class,
                                     span: decl.span, selection: decl.name.span))
            case .object(let decl):
                let attributes = decl.attributes.map { attribute in
                    symbol(attribute.name.text, detail: nil, .field, span: attribute.span, selection: attribute.name.span)
                }
                result.append(symbol(decl.name.text, detail: decl.label?.value, .struct, span: decl.span, selection: decl.name.span,
                                     children: attributes))
            case .action(let decl):
                result.append(symbol(decl.name.text, detail: decl.label?.value, .function, span: decl.span, selection: decl.name.span))
            case .event(let decl):
                result.append(symbol(decl.name.text, detail: decl.label?.value, .event, span: decl.span, selection: decl.name.span))
            case .step(let decl):
                let tasks = decl.tasks.map { task in
                    symbol(task.name.text, detail: task.label?.value, .method, span: task.span, selection: task.name.span)
                }
                result.append(symbol(decl.name.text, detail: decl.label?.value, .namespace, span: decl.span, selection: decl.name.span,
                                     children: tasks))
            case .permission(let decl):
                var actors = decl.everyone ? "tous" : decl.actors.map(\.text).joined(separator: ", ")
                if !decl.exceptions.isEmpty { actors += " sauf " + decl.exceptions.map(\.text).joined(separator: ", ") }
                result.append(symbol("\(decl.kind.rawValue) \(actors) \(decl.action.text)", detail: nil, .operator,
                                     span: decl.span, selection: decl.action.span))
            case .test(let decl):
                result.append(symbol(decl.label.value, detail: "test", .module, span: decl.span, selection: decl.label.span))
            case .deputy(let decl):
                result.append(symbol("suppleance \(decl.deputised.text) par \(decl.deputy.text)", detail: "suppléance", .event,
                                     span: decl.span, selection: decl.deputised.span))
            case .incompatibility(let decl):
                result.append(symbol("incompatibles " + decl.names.map(\.text).joined(separator: ", "), detail: nil, .operator,
                                     span: decl.span, selection: decl.names.first?.span ?? decl.span))
            case .adaptation(let decl):
                result.append(symbol(file.text(decl.span.start..<min(decl.span.end, decl.span.start + 60)).split(separator: "\n").first.map(String.init) ?? "",
                                     detail: "modèle", .module, span: decl.span, selection: decl.span))
            case .requirement(let decl):
                result.append(symbol("exige \(decl.prior.text) avant \(decl.action.text)", detail: "exigence", .operator,
                                     span: decl.span, selection: decl.action.span))
            case .thresholds(let decl):
                let items = decl.items.map { item in
                    symbol(item.name.text, detail: item.value.map(String.init), .constant, span: item.span, selection: item.name.span)
                }
                result.append(symbol("seuils", detail: "seuils", .module, span: decl.span, selection: decl.span, children: items))
            }
        }
        return .array(result)
    }
}

extension String {
    /// The text without leading and trailing blanks.
    var trimmedBlanks: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" || last == "\n" { text = text.dropLast() }
        return String(text)
    }
}

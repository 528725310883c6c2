import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

@Suite("Escaping in exports")
struct ExportEscapingTests {
    // MARK: - HTML

    @Test func htmlEscapesEveryText() throws {
        let html = HTMLExport.render(try ExportSupport.hostile(), file: nil)
        // The page's own two scripts (its data, its code), and no other.
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(html.components(separatedBy: "</script>").count == 3, "a label cannot close the script elements")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<b>Étape"))
        #expect(!html.contains("<i>1</i>"))
        #expect(!html.contains("</style><img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Cie&quot;"))
        #expect(html.contains("&lt;b&gt;Étape&lt;/b&gt;"))
        #expect(html.contains("&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.components(separatedBy: "<style>").count == 2)
        #expect(html.components(separatedBy: "</style>").count == 2, "a label cannot close the style element")
    }

    @Test func htmlIsSelfContained() throws {
        for (html, isHostile) in [(HTMLExport.render(try ExportSupport.hostile(), file: nil), true),
                                  (HTMLExport.render(try ExportSupport.exportFixture().charter, file: nil), false)] {
            // Inline scripts only: the data (JSON) and the code, nothing loaded.
            #expect(html.lowercased().components(separatedBy: "<script").count == 3)
            #expect(html.contains("<script type=\"application/json\" id=\"charte-donnees\">"))
            #expect(!html.lowercased().contains("<img"))
            // The ExportSupport.hostile charter shows `src=` as escaped text; the fixture has none at all.
            #expect(isHostile || !html.contains("src="))
            #expect(!html.contains("http:"))
            #expect(!html.contains("https:"))
            #expect(!html.contains("@import"))
            #expect(!html.contains("url("))
            #expect(!html.contains("<link"))
            #expect(html.contains("@page { size: A4 landscape;"))
        }
    }

    @Test(arguments: [
        ("Collège", "\"Collège\""),
        ("a\"b\\c", "\"a\\22 b\\5c c\""),
        ("</style>", "\"\\3c \\2f style\\3e \""),
    ])
    func cssStrings(text: String, css: String) {
        #expect(HTMLExport.cssString(text) == css)
    }

    @Test(arguments: [("a & b", "a &amp; b"), ("<x y=\"1\">", "&lt;x y=&quot;1&quot;&gt;"), ("l'été", "l&#39;été")])
    func htmlEscape(text: String, escaped: String) {
        #expect(HTMLExport.escape(text) == escaped)
    }

    // MARK: - CSV and TSV

    @Test(arguments: [
        ("=SOMME(A1:A9)", "'=SOMME(A1:A9)"), ("+33 1", "'+33 1"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"),
        ("\tx", "'\tx"), ("\rx", "'\rx"), ("Point 1 : =", "Point 1 : ="), ("", ""), ("'déjà", "'déjà"),
    ])
    func formulaInjectionIsNeutralised(cell: String, neutralised: String) {
        #expect(DelimitedExport.neutralise(cell) == neutralised)
    }

    @Test(arguments: [
        ("simple", "simple"), ("a,b", "\"a,b\""), ("dit \"oui\"", "\"dit \"\"oui\"\"\""),
        ("deux\nlignes", "\"deux\nlignes\""), ("retour\r", "retour\\u{0D}"), ("échap\u{1B}[2K", "échap\\u{1B}[2K"),
    ])
    func csvQuoting(field: String, quoted: String) {
        #expect(DelimitedExport.csvField(field) == quoted)
    }

    @Test func hostileCSVParsesBackToTheSameCells() throws {
        let csv = DelimitedExport.render(try ExportSupport.hostile(), dialect: .csv, view: .tableau)
        let rows = ExportSupport.parseCSV(csv)
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.count == 6 })
        #expect(rows[0] == ["LES ETAPES", "'=SOMME(A1:A9)", "'+33 1 23 45 67 89", "'-2+3", "'@cmd|' /C calc'!A0",
                            "</style><img src=x onerror=alert(1)>"])
        #expect(rows[1][0] == "<b>Étape</b> \"une\"")
        #expect(rows[1][1] == "Tâche <i>1</i>, \"citée\"\nsur deux lignes\tet tabulée")
        #expect(rows[1][2] == "Tâche <i>1</i>, \"citée\"\nsur deux lignes\tet tabulée (S)")
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func tsvNeverHoldsATabOrANewlineInACell() throws {
        let tsv = DelimitedExport.render(try ExportSupport.hostile(), dialect: .tsv, view: .tableau)
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines.dropLast().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 6 })
        #expect(lines[1].contains("Tâche <i>1</i>, \"citée\" sur deux lignes et tabulée (S)"))
    }

    // MARK: - DOT and Markdown

    @Test(arguments: [("simple", "\"simple\""), ("dit \"oui\"", "\"dit \\\"oui\\\"\""), ("a\\b", "\"a\\\\b\""),
                      ("deux\nlignes", "\"deux\\nlignes\"")])
    func dotQuoting(text: String, quoted: String) {
        #expect(DOTExport.quote(text) == quoted)
    }

    @Test func dotLabelsCannotEndTheirString() throws {
        let dot = DOTExport.render(try ExportSupport.hostile())
        #expect(dot.contains("label=\"Tâche <i>1</i>, \\\"citée\\\"\\nsur deux lignes\tet tabulée\\n(=SOMME(A1:A9))\""))
        // Every line of a statement has balanced quotes once escaped quotes are removed.
        for line in dot.split(separator: "\n") {
            let unescaped = line.replacing("\\\\", with: "").replacing("\\\"", with: "")
            #expect(unescaped.filter { $0 == "\"" }.count % 2 == 0, "unbalanced: \(line)")
        }
    }

    @Test(arguments: [("a | b", "a \\| b"), ("*gras* et _it_", "\\*gras\\* et \\_it\\_"), ("<b>x</b>", "\\<b>x\\</b>"), ("snake_case et 4 > 3", "snake_case et 4 > 3"), ("> cité", "\\> cité"),
                      ("[lien](http://x)", "\\[lien\\](http://x)"), ("deux\nlignes", "deux<br>lignes"), ("a & b", "a & b"), ("&amp;", "\\&amp;")])
    func markdownEscape(text: String, escaped: String) {
        #expect(MarkdownExport.escape(text) == escaped)
    }

    @Test func markdownTablesKeepTheirColumns() throws {
        let markdown = MarkdownExport.render(CharterDocument(charter: try ExportSupport.hostile()))
        let lines = markdown.split(separator: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("| LES ETAPES") })
        let tableLines = [lines[header], lines[header + 2]]
        for line in tableLines {
            let unescaped = line.replacing("\\|", with: "")
            #expect(unescaped.filter { $0 == "|" }.count == 7, "6 cells: \(line)")
        }
        // Every `<` is escaped, except the `<br>` that stands for a line break inside a cell.
        let unescaped = markdown.replacing("\\<", with: "").replacing("<br>", with: "")
        #expect(!unescaped.contains("<"))
    }
}


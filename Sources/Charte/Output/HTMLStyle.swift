/// The style sheet of the HTML export, inlined in the page: readable on screen, printed on
/// A4 landscape with a running footer, page breaks between parts, no external resource.
enum HTMLStyle {
    /// The CSS, with `TITLE` standing for the footer's CSS string.
    static let css = """
    :root {
      --encre: #1b1f2a; --pale: #5b6475; --filet: #d5d9e0; --fond: #f3f4f7; --accent: #1d3f8f;
      --R: #1d3f8f; --A: #b45309; --S: #15803d; --C: #0e7490; --I: #6b7280;
      --R-clair: #dfe7f7; --A-clair: #fcecd9; --S-clair: #dcf3e3; --C-clair: #d6eff4; --I-clair: #eef0f3;
    }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; background: var(--fond); color: var(--encre);
      font: 10pt/1.4 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
    main { max-width: 1180px; margin: 24px auto; }
    .feuille { background: #fff; padding: 28px 34px; margin-bottom: 24px; border-radius: 6px;
      box-shadow: 0 1px 3px rgba(0,0,0,.12); }
    header.titre { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 14px;
      display: flex; justify-content: space-between; align-items: flex-end; gap: 24px; }
    .surtitre { margin: 0; text-transform: uppercase; letter-spacing: .12em; font-size: 8pt; color: var(--accent);
      font-weight: 700; }
    h1 { margin: 2px 0 2px; font-size: 20pt; line-height: 1.15; }
    .meta { margin: 0; color: var(--pale); font-size: 9pt; }
    .legende { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px;
      font-size: 8.5pt; color: var(--pale); justify-content: flex-end; max-width: 46%; }
    .legende li { white-space: nowrap; }
    h2 { font-size: 13pt; margin: 0 0 10px; color: var(--accent); display: flex; align-items: baseline; gap: 8px; }
    h2 .num { display: inline-block; min-width: 1.6em; text-align: center; background: var(--accent); color: #fff;
      border-radius: 3px; font-size: 10pt; padding: 1px 4px; }
    h2 .aide { font-size: 8.5pt; font-weight: 400; color: var(--pale); }
    h3 { font-size: 10.5pt; margin: 14px 0 6px; }
    .l { display: inline-block; width: 1.45em; height: 1.45em; line-height: 1.45em; text-align: center;
      border-radius: 3px; font-size: 7.5pt; font-weight: 700; color: #fff; vertical-align: 1px; flex: none; }
    .l-R { background: var(--R); } .l-A { background: var(--A); } .l-S { background: var(--S); }
    .l-C { background: var(--C); } .l-I { background: var(--I); }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid var(--filet); padding: 4px 6px; vertical-align: top; text-align: left; }
    thead th { background: var(--accent); color: #fff; font-size: 8.5pt; font-weight: 600; vertical-align: bottom; }
    tr { break-inside: avoid; }
    /* 1. Steps × roles */
    table.etapes { table-layout: fixed; font-size: 7.5pt; line-height: 1.2; }
    table.etapes td, table.etapes tbody th { padding: 3px 5px; }
    ul.cases li { break-inside: avoid; }
    table.etapes col.etape { width: 12%; }
    table.etapes thead th.coin { background: #142c66; letter-spacing: .06em; }
    table.etapes tbody th { background: #f5f7fb; font-weight: 600; }
    table.etapes tbody th small { display: block; color: var(--accent); font-size: 7.5pt; font-weight: 700;
      text-transform: uppercase; letter-spacing: .04em; }
    table.etapes tbody tr:nth-child(even) td { background: #fbfbfd; }
    ul.cases { list-style: none; margin: 0; padding: 0; }
    ul.cases li { margin: 0 0 2px; display: flex; gap: 3px; }
    ul.cases li:last-child { margin-bottom: 0; }
    ul.cases li.R { font-weight: 600; }
    ul.cases li:not(.R) { color: #3c4454; font-size: 7pt; }
    ul.cases .l { width: 1.35em; height: 1.35em; line-height: 1.35em; font-size: 6.5pt; }
    /* 2. RACI matrix */
    table.raci { font-size: 8pt; line-height: 1.25; }
    table.raci thead th.acteur { width: 2.6em; padding: 4px 2px; text-align: center; }
    table.raci thead th.acteur span { writing-mode: vertical-rl; transform: rotate(180deg);
      display: inline-block; max-height: 12em; text-align: left; }
    table.raci thead th.acteur.instance { background: #34508f; }
    table.raci thead th.acteur.externe { background: #55607a; }
    table.raci tr.etape { break-after: avoid; }
    table.raci tr.etape th { background: #eef2fa; color: var(--accent); font-size: 8.5pt; padding: 3px 6px; }
    table.raci td { padding: 2px 6px; }
    table.raci td.lettre { text-align: center; font-weight: 700; padding: 2px 0; }
    td.lettre.R { background: var(--R-clair); color: var(--R); } td.lettre.A { background: var(--A-clair); color: var(--A); }
    td.lettre.S { background: var(--S-clair); color: var(--S); } td.lettre.C { background: var(--C-clair); color: var(--C); }
    td.lettre.I { background: var(--I-clair); color: var(--I); }
    /* 3. Sheets */
    .rappel { margin: 0 0 8px; color: var(--accent); font-weight: 700; font-size: 9pt; }
    .rappel .num { display: inline-block; min-width: 1.6em; text-align: center; background: var(--accent); color: #fff;
      border-radius: 3px; font-size: 8pt; padding: 0 4px; margin-right: 4px; }
    .fiche + .fiche { margin-top: 18px; }
    .fiche header { display: flex; justify-content: space-between; align-items: flex-end; gap: 16px;
      border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-bottom: 6px; break-after: avoid; }
    .fiche.instance header { border-bottom-color: #34508f; } .fiche.externe header { border-bottom-color: #55607a; }
    .fiche h3 { margin: 0; font-size: 14pt; }
    .fiche .genre { margin: 0; color: var(--pale); font-size: 8.5pt; }
    .fiche .compte { margin: 0; display: flex; gap: 10px; font-size: 8.5pt; color: var(--pale); }
    table.fiche { font-size: 8.5pt; line-height: 1.3; }
    table.fiche col.lettre { width: 2.4em; } table.fiche col.etape { width: 22%; } table.fiche col.quand { width: 17%; }
    table.fiche thead th { background: #f1f3f8; color: var(--pale); font-weight: 600; }
    table.fiche td { border-left: 0; border-right: 0; }
    table.fiche tr.R .tache { font-weight: 600; }
    table.fiche .detail { color: var(--pale); font-size: 7.5pt; }
    table.fiche .note { display: block; color: #4b5363; font-size: 7.5pt; font-style: italic; margin-top: 2px; }
    table.fiche td.vide { color: var(--pale); }
    .fiche ul.regles { margin: 6px 0 0; padding: 0 0 0 16px; font-size: 8pt; color: #3c4454; }
    .fiche p.peut { margin: 6px 0 0; font-size: 8pt; font-weight: 600; color: #3c4454; }
    .fiche ul.peut { margin: 2px 0 0; padding: 0 0 0 16px; font-size: 8pt; color: #3c4454; }
    /* 4. Calendar */
    table.calendrier { font-size: 8.5pt; }
    table.calendrier col.date { width: 19%; } table.calendrier col.etape { width: 22%; }
    table.calendrier col.qui { width: 19%; }
    table.calendrier tr.mois th { background: #eef2fa; color: var(--accent); text-transform: capitalize; font-size: 9pt; }
    table.calendrier tr.vacances td { background: repeating-linear-gradient(135deg, #f6f6f6 0 6px, #efefef 6px 12px);
      color: var(--pale); font-style: italic; }
    table.calendrier td.date { white-space: nowrap; }
    .colonnes { margin-top: 12px; }
    .colonnes > div + div { margin-top: 8px; }
    .colonnes h3 { break-after: avoid; }
    .colonnes ul { margin: 0; padding-left: 16px; font-size: 8.5pt; }
    .colonnes li { margin-bottom: 3px; break-inside: avoid; }
    .colonnes li small { color: var(--pale); }
    /* 5. Permissions */
    table.permissions { font-size: 8.5pt; }
    table.permissions col.genre { width: 11%; }
    .genre-interdit { color: #b42318; font-weight: 700; } .genre-autorise { color: #15803d; font-weight: 700; }
    code { font: 8pt/1.2 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f1f3f6; padding: 0 3px;
      border-radius: 2px; }
    footer { color: var(--pale); font-size: 8pt; text-align: center; margin: 0 0 24px; }
    @page { size: A4 landscape; margin: 11mm 12mm 13mm;
      @bottom-left { content: TITLE; font: 7.5pt sans-serif; color: #6b7280; }
      @bottom-right { content: "page " counter(page) " / " counter(pages); font: 7.5pt sans-serif; color: #6b7280; } }
    @media print {
      body { background: #fff; font-size: 9pt; }
      main { max-width: none; margin: 0; }
      .feuille { box-shadow: none; border-radius: 0; padding: 0; margin: 0; }
      .feuille + .feuille { break-before: page; }
      .fiche + .fiche { margin-top: 14px; }
      .feuille + .feuille.suite { break-before: auto; margin-top: 22px; }
      thead { display: table-header-group; }
      h2, h3 { break-after: avoid; }
      footer { display: none; }
    }
    """
}

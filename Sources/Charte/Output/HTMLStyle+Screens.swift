extension HTMLStyle {
    /// The questions panel, and the page on a phone (390 px wide): one column, the wide tables
    /// read as lists (each cell carries its column's name) or scroll sideways (the RACI
    /// matrix). On paper the panel is left out and nothing else changes.
    static let screens = """
    /* Questions (screen only) */
    .questions { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; margin: 0 0 18px; }
    .questions[hidden] { display: none; }
    .question { background: #f5f7fb; border: 1px solid var(--filet); border-radius: 6px; padding: 12px 14px; margin: 0; min-width: 0; }
    .question h2 { font-size: 11.5pt; margin-bottom: 8px; }
    .champs { margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 8px 12px; border: 0; padding: 0; min-width: 0; }
    .champs[hidden] { display: none; }
    .champs legend { font-size: 8.5pt; color: var(--pale); padding: 0; margin-bottom: 4px; }
    .champs label { display: flex; flex-direction: column; gap: 2px; font-size: 8.5pt; font-weight: 600; color: #3c4454;
      flex: 1 1 10em; min-width: 0; }
    .champs input, .champs select { font: inherit; font-weight: 400; font-size: 10pt; padding: 5px 6px; min-height: 2.2em;
      border: 1px solid #aeb5c2; border-radius: 4px; background: #fff; color: var(--encre); width: 100%; }
    .champs input:focus, .champs select:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
    #q-mots { font-size: 11pt; }
    .question .compte { margin: 0 0 6px; color: var(--pale); font-size: 8.5pt; }
    ol.resultats { list-style: none; margin: 0; padding: 0; max-height: 28em; overflow-y: auto; }
    ol.resultats > li { background: #fff; border: 1px solid var(--filet); border-radius: 4px; padding: 6px 8px; margin-bottom: 6px; }
    ol.resultats .tache { display: block; }
    ol.resultats .etape { display: block; color: var(--pale); font-size: 8pt; }
    ol.resultats ul.qui { list-style: none; margin: 4px 0 0; padding: 0; font-size: 8.5pt; }
    ol.resultats ul.qui li { margin: 2px 0; }
    .reponse { border-radius: 4px; padding: 0; }
    .reponse.autorise, .reponse.refuse, .reponse.indetermine, .reponse.hors, .reponse.erreur {
      padding: 8px 10px; border: 1px solid var(--filet); background: #fff; border-left-width: 5px; }
    .reponse.autorise { border-left-color: #15803d; } .reponse.refuse { border-left-color: #b42318; }
    .reponse.indetermine { border-left-color: #b45309; } .reponse.hors, .reponse.erreur { border-left-color: var(--pale); }
    .reponse p { margin: 0 0 4px; }
    .reponse .verdict { font-size: 12pt; font-weight: 700; }
    .reponse.autorise .verdict { color: #15803d; } .reponse.refuse .verdict { color: #b42318; }
    .reponse.indetermine .verdict { color: #b45309; }
    .reponse .par { font-weight: 600; color: #3c4454; font-size: 8.5pt; margin-top: 6px; }
    .reponse ul.regles { margin: 0; padding-left: 16px; font-size: 9pt; }
    .reponse ul.regles small { color: var(--pale); }
    .defile { overflow-x: auto; }
    @media (max-width: 760px) {
      body { font-size: 10.5pt; }
      main { margin: 0; }
      .feuille { padding: 14px 12px; margin-bottom: 10px; border-radius: 0; }
      header.titre { flex-direction: column; align-items: flex-start; gap: 8px; }
      .legende { max-width: none; justify-content: flex-start; }
      h1 { font-size: 16pt; }
      h2 { flex-wrap: wrap; }
      .questions { grid-template-columns: 1fr; }
      /* The steps × roles table as a list: a step, then each role's tasks. */
      table.etapes, table.etapes tbody, table.etapes tr, table.etapes th, table.etapes td { display: block; width: auto; }
      table.etapes thead, table.etapes colgroup { display: none; }
      table.etapes { font-size: 9.5pt; line-height: 1.3; }
      table.etapes tbody th { font-size: 10.5pt; border-bottom: 0; }
      table.etapes tbody th small { font-size: 8pt; }
      table.etapes td { border-top: 0; }
      table.etapes td:empty { display: none; }
      table.etapes td::before { content: attr(data-role); display: block; font-weight: 700; color: var(--accent); font-size: 8.5pt; }
      ul.cases li:not(.R) { font-size: 9pt; }
      ul.cases .l { width: 1.45em; height: 1.45em; line-height: 1.45em; font-size: 7.5pt; }
      table.raci thead th:first-child, table.raci td:first-child { position: sticky; left: 0; background: #fff; min-width: 11em; }
      table.raci thead th:first-child { background: var(--accent); }
      /* Sheets, calendar and permissions: one row, one block. */
      .fiche header { flex-direction: column; align-items: flex-start; gap: 4px; }
      table.fiche colgroup, table.fiche thead, table.calendrier colgroup, table.calendrier thead,
      table.permissions colgroup, table.permissions thead { display: none; }
      table.fiche, table.fiche tbody, table.calendrier, table.calendrier tbody,
      table.permissions, table.permissions tbody { display: block; }
      table.fiche tr { display: grid; grid-template-columns: 2.2em 1fr; border-bottom: 1px solid var(--filet); padding: 4px 0; }
      table.fiche td { border: 0; padding: 1px 4px; }
      table.fiche td:nth-child(n+3) { grid-column: 2; color: var(--pale); font-size: 8pt; }
      table.fiche td.vide { display: none; }
      table.calendrier tr, table.permissions tr { display: block; border-bottom: 1px solid var(--filet); padding: 4px 0; }
      table.calendrier td, table.calendrier th, table.permissions td { display: block; border: 0; padding: 1px 4px; }
      table.calendrier td:nth-child(n+3) { display: inline; color: var(--pale); font-size: 8pt; }
      table.calendrier td:nth-child(3)::after { content: " · "; }
      table.permissions td:first-child { display: inline; }
      table.permissions td:nth-child(2) { display: inline; font-weight: 600; }
    }
    @media print {
      .questions { display: none !important; }
      .defile { overflow: visible; }
    }
    """
}

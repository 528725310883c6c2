/// The script of the HTML page, inlined: it reads the JSON of `HTMLQuestions.data` and runs the
/// search and the « Puis-je… ? » form. It evaluates no rule: each answer is looked up in the
/// decisions `HTMLDecisions` computed with `peut`'s own function. Plain ES2020, no library,
/// nothing fetched; it writes text with `textContent` only, never HTML.
enum HTMLScript {
    static let source = #"""
    (function () {
      'use strict';
      var D = JSON.parse(document.getElementById('charte-donnees').textContent);
      function $(id) { return document.getElementById(id); }
      function el(name, cls, text) {
        var e = document.createElement(name);
        if (cls) { e.className = cls; }
        if (text !== undefined) { e.textContent = text; }
        return e;
      }
      function plier(t) {
        return t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
          .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/[’‘]/g, "'");
      }
      // Words: folded, split at blanks and punctuation (a hyphen, a slash and an apostrophe too).
      function mots(t) { return plier(t).split(/[\s,;:.!?'"()«»\/\-]+/).filter(function (m) { return m.length > 0; }); }
      var LETTRES = ['R', 'A', 'S', 'C', 'I'];
      var NOMS = { R: 'responsable', A: 'approbateur', S: 'aide', C: 'consulté', I: 'informé' };
      function badge(l) { var b = el('span', 'l l-' + l, l); b.title = NOMS[l]; return b; }

      // Qui s'occupe de… ?
      var TACHES = D.taches.map(function (t) {
        var noms = [];
        t.lettres.forEach(function (acteurs) { acteurs.forEach(function (a) { noms.push(D.acteurs[a][1]); }); });
        return { t: t, foin: ' ' + mots([t.libelle, t.note, D.etapes[t.etape][1]].concat(noms).join(' ')).join(' ') };
      });
      function chercher() {
        var q = mots($('q-mots').value), role = $('q-role').value, etape = $('q-etape').value;
        var liste = $('q-resultats'), compte = $('q-compte');
        liste.textContent = '';
        if (q.length === 0 && role === '' && etape === '') {
          compte.textContent = 'Tapez un ou plusieurs mots (sans souci des accents), ou choisissez un rôle ou une étape.';
          return;
        }
        var trouvees = TACHES.filter(function (x) {
          if (etape !== '' && x.t.etape !== Number(etape)) { return false; }
          if (role !== '' && !x.t.lettres.some(function (l) { return l.indexOf(Number(role)) >= 0; })) { return false; }
          // Each word typed begins a word of the task: « licence » finds « licences », « eleve » not « relève ».
          return q.every(function (m) { return x.foin.indexOf(' ' + m) >= 0; });
        });
        compte.textContent = trouvees.length === 0 ? 'Aucune tâche ne correspond.'
          : trouvees.length === 1 ? '1 tâche' : trouvees.length + ' tâches';
        trouvees.forEach(function (x) {
          var li = el('li');
          li.appendChild(el('strong', 'tache', x.t.libelle));
          var quand = D.etapes[x.t.etape][1] + (x.t.echeance ? ' · ' + x.t.echeance : '');
          li.appendChild(el('span', 'etape', quand));
          var qui = el('ul', 'qui');
          LETTRES.forEach(function (l, i) {
            if (x.t.lettres[i].length === 0) { return; }
            var ligne = el('li');
            ligne.appendChild(badge(l));
            ligne.appendChild(document.createTextNode(' ' + x.t.lettres[i].map(function (a) { return D.acteurs[a][1]; }).join(', ')));
            qui.appendChild(ligne);
          });
          li.appendChild(qui);
          liste.appendChild(li);
        });
      }

      // Puis-je… ?
      var REFS = {};
      D.acteurs.forEach(function (a, i) { REFS[a[0]] = { index: i, nom: a[1] }; });
      D.personnes.forEach(function (p, i) { REFS[p[0]] = { index: D.acteurs.length + i, nom: p[0] }; });
      var ACTIONS = {};
      D.actions.forEach(function (a) { ACTIONS[a.id] = a; });
      var AIDES = { nombre: 'un nombre entier, par exemple 12', montant: 'un montant en euros, par exemple 4000 ou 1250,50',
        date: 'une date, par exemple 2026-09-01 ou 01/09/2026', texte: 'un texte' };

      function champs() {
        var action = ACTIONS[$('p-action').value], zone = $('p-objet');
        zone.textContent = '';
        if (!action || action.objet === null) { zone.hidden = true; return; }
        var objet = D.objets[action.objet];
        zone.hidden = false;
        zone.appendChild(el('legend', '', 'Sur quoi ? ' + objet.libelle + ' (laissez « je ne sais pas » si vous ne savez pas)'));
        objet.attributs.forEach(function (a, i) {
          var label = el('label', '', a[4] + ' ');
          var champ;
          if (a[1] === 'enum' || a[1] === 'booleen') {
            champ = el('select');
            var choix = a[1] === 'enum' ? a[2].map(function (v, j) { return [v, a[5][j]]; }) : [['vrai', 'oui'], ['faux', 'non']];
            [['', 'je ne sais pas']].concat(choix).forEach(function (c) {
              var o = el('option', '', c[1]);
              o.value = c[0];
              champ.appendChild(o);
            });
          } else {
            champ = el('input');
            champ.type = a[1] === 'date' ? 'date' : 'text';
            if (a[1] === 'nombre') { champ.inputMode = 'numeric'; }
            if (a[1] === 'montant') { champ.inputMode = 'decimal'; }
            champ.placeholder = 'je ne sais pas';
          }
          champ.id = 'p-attr-' + i;
          champ.dataset.nom = a[0];
          champ.addEventListener(champ.tagName === 'SELECT' ? 'change' : 'input', repondre);
          label.appendChild(champ);
          zone.appendChild(label);
        });
      }

      // The key of a typed value as the decisions compare it, null when it does not read.
      function cle(type, brut) {
        var t = brut.replace(/[\s\u00a0\u202f]/g, '');
        var m;
        if (type === 'nombre') { return /^-?\d+$/.test(t) ? BigInt(t) : null; }
        if (type === 'montant') {
          t = t.replace(/€$/, '').replace(',', '.');
          m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
          if (!m) { return null; }
          var cents = BigInt(m[2]) * 100n + BigInt(((m[3] || '') + '00').slice(0, 2));
          return m[1] === '-' ? -cents : cents;
        }
        if (type === 'date') {
          m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) || /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
          if (!m) { return null; }
          var a = m[1].length === 4 ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
          var jour = new Date(Date.UTC(Number(a[0]), Number(a[1]) - 1, Number(a[2])));
          if (jour.getUTCFullYear() !== Number(a[0]) || jour.getUTCMonth() !== Number(a[1]) - 1 || jour.getUTCDate() !== Number(a[2])) { return null; }
          return BigInt(a[0] + a[1] + a[2]);
        }
        return null;
      }

      function montrer(zone, decision, titre, phrase, details) {
        zone.textContent = '';
        zone.className = 'reponse ' + decision;
        zone.appendChild(el('p', 'verdict', titre));
        if (phrase) { zone.appendChild(el('p', '', phrase)); }
        (details || []).forEach(function (d) { zone.appendChild(d); });
      }

      function repondre() {
        var zone = $('p-reponse');
        var ref = REFS[$('p-acteur').value], action = ACTIONS[$('p-action').value];
        zone.dataset.decision = ''; zone.dataset.manquants = ''; zone.dataset.regles = '';
        if (!ref || !action) { zone.textContent = ''; return; }
        if (action.hors) {
          zone.dataset.decision = 'hors';
          montrer(zone, 'hors', 'Pas de réponse ici', 'Pour « ' + action.libelle + ' », ' + action.hors +
            ' : posez la question avec charte peut.');
          return;
        }
        var objet = action.objet === null ? null : D.objets[action.objet];
        var slots = {};
        var erreur = null;
        (objet ? objet.attributs : []).forEach(function (a, i) {
          var champ = $('p-attr-' + i), brut = champ ? champ.value.trim() : '';
          if (brut === '' || erreur) { return; }
          if (a[1] === 'enum') { slots[i] = a[2].indexOf(brut); return; }
          if (a[1] === 'booleen') { slots[i] = brut === 'vrai' ? 1 : 0; return; }
          if (a[1] === 'texte') { slots[i] = brut.normalize('NFC'); return; }
          var k = cle(a[1], brut);
          if (k === null) { erreur = 'La valeur de « ' + a[0] + ' » ne se lit pas : écrivez ' + AIDES[a[1]] + '.'; return; }
          slots[i] = k;
        });
        if (erreur) { zone.dataset.decision = 'erreur'; montrer(zone, 'erreur', 'Valeur à corriger', erreur); return; }
        var index = 0, pas = 1;
        action.lus.forEach(function (lu) {
          var attr = lu[0], genre = lu[1], v = slots[attr], slot, taille;
          if (genre === 'fini') {
            taille = lu[2] + 1;
            slot = v === undefined ? lu[2] : v;
          } else if (genre === 'texte') {
            taille = lu[2].length + 2;
            if (v === undefined) { slot = 0; } else {
              var n = lu[2].map(function (t) { return t.normalize('NFC'); }).indexOf(v);
              slot = n >= 0 ? 1 + n : 1 + lu[2].length;
            }
          } else {
            var coupes = lu[2].map(function (c) { return BigInt(c); });
            taille = 2 * coupes.length + 2;
            if (v === undefined) { slot = 0; } else {
              slot = 1 + 2 * coupes.length;
              for (var c = 0; c < coupes.length; c++) {
                if (v < coupes[c]) { slot = 1 + 2 * c; break; }
                if (v === coupes[c]) { slot = 2 + 2 * c; break; }
              }
            }
          }
          index += slot * pas;
          pas *= taille;
        });
        var numero = action.reponses[ref.index * pas + index];
        if (numero === undefined || numero < 0) {
          zone.dataset.decision = 'hors';
          montrer(zone, 'hors', 'Pas de réponse ici', 'Posez la question avec charte peut.');
          return;
        }
        var d = D.decisions[numero];
        var regles = d[2].map(function (r) { return D.regles[r]; });
        zone.dataset.decision = d[0];
        zone.dataset.manquants = d[1].join(',');
        zone.dataset.regles = regles.map(function (r) { return r[0] + ':' + r[1] + ':' + r[2]; }).join(';');
        var qui = '« ' + ref.nom + ' »', quoi = '« ' + action.libelle + ' »';
        var liste = el('ul', 'regles');
        regles.forEach(function (r) {
          var li = el('li', r[0], r[3]);
          if (r[2] > 0) { li.appendChild(el('small', '', ' — ligne ' + r[2] + ' de la charte')); }
          liste.appendChild(li);
        });
        if (d[0] === 'autorise') {
          montrer(zone, 'autorise', 'Oui : autorisé', qui + ' peut ' + quoi + (objet ? ' dans ce cas.' : '.'), [el('p', 'par', 'Parce que :'), liste]);
        } else if (d[0] === 'refuse') {
          montrer(zone, 'refuse', 'Non : refusé', qui + ' ne peut pas ' + quoi + (objet ? ' dans ce cas.' : '.'), [el('p', 'par', 'Décidé par :'), liste]);
        } else {
          var manque = d[1].map(function (nom) {
            var a = (objet ? objet.attributs : []).filter(function (x) { return x[0] === nom; })[0];
            return a ? a[3] : nom;
          });
          montrer(zone, 'indetermine', 'Ça dépend : indéterminé',
            'Il manque ' + manque.join(', ') + ' : la réponse en dépend. ' + (manque.length > 1 ? 'Précisez-les' : 'Précisez-le') + ' ci-dessus.',
            [el('p', 'par', 'Règles en jeu :'), liste]);
        }
      }

      $('q-mots').addEventListener('input', chercher);
      $('q-role').addEventListener('change', chercher);
      $('q-etape').addEventListener('change', chercher);
      $('p-acteur').addEventListener('change', repondre);
      $('p-action').addEventListener('change', function () { champs(); repondre(); });
      ['recherche', 'puis-je'].forEach(function (id) { $(id).addEventListener('submit', function (e) { e.preventDefault(); }); });
      $('questions').hidden = false;
      chercher();
      champs();
      repondre();
      window.charte = { chercher: chercher, champs: champs, repondre: repondre };
    })();
    """#
}

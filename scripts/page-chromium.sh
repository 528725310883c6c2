#!/usr/bin/env bash
# The interactive HTML page in headless Chromium.
#
#   scripts/page-chromium.sh              PageChromiumTests: every « Puis-je… ? » answer of the
#                                         bundled charters against charte peut, and the search
#   scripts/page-chromium.sh --captures   instead rewrites docs/exemple-charte.html and its three
#                                         screenshots (desktop 1280 px, phone 390 px, A4 print)
#
# Chromium comes from the Debian package `chromium`, installed with apt-get when missing and
# when run as root. Without it the check is skipped with a message, except in CI (CI=true),
# where a missing browser fails. CHARTE_CHROMIUM=PATH picks another browser.
set -euo pipefail
cd "$(dirname "$0")/.."

find_chromium() {
    if [[ -n "${CHARTE_CHROMIUM:-}" && "${CHARTE_CHROMIUM}" != 1 ]]; then
        [[ -x "$CHARTE_CHROMIUM" ]] && { echo "$CHARTE_CHROMIUM"; return 0; }
        return 1
    fi
    local name
    for name in chromium chromium-browser google-chrome; do
        command -v "$name" && return 0
    done
    return 1
}

if ! browser=$(find_chromium); then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "page : Chromium absent, installation du paquet Debian chromium (apt-get)…"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || true
    fi
    if ! browser=$(find_chromium); then
        if [[ "${CI:-}" == true ]]; then
            echo "page : Chromium introuvable et impossible à installer : le test de la page ne peut pas tourner" >&2
            exit 1
        fi
        echo "page : Chromium introuvable et impossible à installer ici : test de la page sauté"
        exit 0
    fi
fi
echo "page : $("$browser" --version 2>/dev/null | head -1)"

if [[ "${1:-}" != --captures ]]; then
    CHARTE_CHROMIUM="$browser" swift test --filter PageChromiumTests
    exit 0
fi

# The example page and its screenshots. Each capture loads a copy of the page with a few
# lines of script appended (a search typed, a question asked), or with its print style
# applied to the screen for the A4 capture (297 mm = 1123 px wide at 96 px per inch).
swift build --product charte >/dev/null
.build/debug/charte exporter rules/etablissement-exemple.charte --format html -o docs/exemple-charte.html
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
demo='<script>
(function () {
  function fire(e, kind) { e.dispatchEvent(new Event(kind)); }
  var q = document.getElementById("q-mots"); q.value = "licences manuels"; fire(q, "input");
  var a = document.getElementById("p-acteur"); a.value = "gestionnaire"; fire(a, "change");
  var b = document.getElementById("p-action"); b.value = "attribuer_licence"; fire(b, "change");
  var c = document.getElementById("p-attr-0"); c.value = "manuel"; fire(c, "change");
})();
</script>
</body>'
python3 - "$work" "$demo" <<'PY'
import sys, pathlib
work, demo = sys.argv[1], sys.argv[2]
page = pathlib.Path("docs/exemple-charte.html").read_text(encoding="utf-8")
pathlib.Path(work, "ecran.html").write_text(page.replace("</body>", demo, 1), encoding="utf-8")
# The print style on screen, with the A4 page's margins around it.
printed = page.replace("@media print {", "@media all {").replace("</style>", "body { padding: 11mm 12mm; }\n</style>", 1)
pathlib.Path(work, "impression.html").write_text(printed, encoding="utf-8")
PY
shoot() {
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$work/profil" --virtual-time-budget=5000 \
        --screenshot="$1" --window-size="$2" "file://$work/$3" >/dev/null 2>&1
}
shoot docs/exemple-charte-bureau.png 1280,1400 ecran.html
shoot docs/exemple-charte-telephone.png 390,1600 ecran.html
shoot docs/exemple-charte-impression.png 1123,794 impression.html
ls -l docs/exemple-charte*

#!/usr/bin/env bash
# Builds and runs one libFuzzer target of Charte.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#
# TARGET is a file Fuzz/TARGET.swift (charte, requete, csv, fmt…). The target is compiled
# together with every library source (Sources/Charte/**/*.swift) and Fuzz/Support.swift,
# with `swiftc -sanitize=fuzzer,address`, into .build-fuzz/TARGET. The corpus lives in
# .build-fuzz/corpus/TARGET (kept between runs, so fuzzing time adds up) and is seeded
# from the repository's charters, tests' fixtures and Fuzz/seeds/TARGET.
# FUZZ_CORPUS=DIR uses another corpus folder (CI starts from the seeds alone); FUZZ_OPT=-Onone
# builds without optimisation (four times faster to build, into .build-fuzz/TARGET-Onone).
# Crashing inputs go to .build-fuzz/artifacts/TARGET/. Exit status: 0 when the time ran out
# without a finding, non-zero on a crash, a violated property, a timeout or an
# out-of-memory (libFuzzer's own status), 2 on a usage or build error.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 2 || ! "$2" =~ ^[0-9]+$ ]]; then
    echo "usage : scripts/fuzz.sh CIBLE SECONDES [options libFuzzer…]" >&2
    echo "cibles : $(ls Fuzz/*.swift | xargs -n1 basename | sed 's/\.swift$//' | grep -v '^Support$' | tr '\n' ' ')" >&2
    exit 2
fi
target="$1"; seconds="$2"; shift 2
entry="Fuzz/$target.swift"
if [[ ! -f "$entry" || "$target" == Support ]]; then
    echo "fuzz.sh : cible inconnue « $target » (pas de $entry)" >&2
    exit 2
fi

build=.build-fuzz
optimisation="${FUZZ_OPT:--O}"
binary="$build/$target"
[[ "$optimisation" == -O ]] || binary="$build/$target${optimisation}"  # e.g. .build-fuzz/charte-Onone
corpus="${FUZZ_CORPUS:-$build/corpus/$target}"
seeds="$build/seeds/$target"
artifacts="$build/artifacts/$target"
mkdir -p "$build" "$corpus" "$artifacts"

# MARK: - Build (only when a source is newer than the binary)
mapfile -t sources < <(find Sources/Charte -name '*.swift' | sort)
sources+=(Fuzz/Support.swift "$entry")
if [[ ! -x "$binary" ]] || [[ -n "$(find "${sources[@]}" -newer "$binary" -print -quit)" ]]; then
    echo "fuzz.sh : compilation de $binary" >&2
    if ! swiftc -sanitize=fuzzer,address -parse-as-library "$optimisation" -g \
            -module-name CharteFuzz -o "$binary.tmp" "${sources[@]}" \
            2> >(grep -v "Cannot export local symbol" >&2); then
        echo "fuzz.sh : échec de la compilation" >&2
        exit 2
    fi
    mv "$binary.tmp" "$binary"
fi

# MARK: - Seeds
rm -rf "$seeds"
mkdir -p "$seeds"
copy_seeds() {  # copy_seeds PATTERN DIRECTORY…
    local pattern="$1"; shift
    local dir
    for dir in "$@"; do
        [[ -d "$dir" ]] || continue
        find "$dir" -type f -name "$pattern" -print0 | while IFS= read -r -d '' file; do
            cp "$file" "$seeds/$(echo "$file" | tr '/' '_')"
        done
    done
}
case "$target" in
    charte|fmt) copy_seeds '*.charte' rules Tests/CharteTests/Fixtures; max_len=32768 ;;
    requete)    max_len=4200 ;;
    csv)        copy_seeds '*.csv' rules Tests/CharteTests/Fixtures; max_len=16384 ;;
    *)          max_len=16384 ;;
esac
copy_seeds '*' "Fuzz/seeds/$target"

options=(-max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2560
         -artifact_prefix="$artifacts/" -print_final_stats=1)
[[ -f "Fuzz/$target.dict" ]] && options+=(-dict="Fuzz/$target.dict")

# MARK: - Run
echo "fuzz.sh : $target pendant $seconds s (max_len $max_len)" >&2
status=0
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$binary" "${options[@]}" "$@" "$corpus" "$seeds" || status=$?
if [[ $status -ne 0 ]]; then
    echo "fuzz.sh : $target a trouvé un problème (statut $status) ; entrées dans $artifacts/" >&2
    ls -1 "$artifacts" >&2 || true
fi
exit $status

#!/usr/bin/env bash
# Regenerate the extra clips the coaching tests compose calls from:
#
#   tests/fixtures/coach/monotone-*.wav   TTS sentences with their pitch movement flattened to 15 %
#                                         of the original around its median (Praat PSOLA)
#   tests/fixtures/coach/agitated-*.wav   a Dutch customer voice raised in pitch and faster
#   tests/fixtures/coach/bc-*.wav         backchannels: "mm hmm", "yeah", "okay", "ja", "oké"
#   tests/fixtures/coach/manifest.json    what each clip is
#
# The sentences flattened are the 175 wpm / x1.0 clips of tests/fixtures/tts (made by
# make-test-audio.sh), so the flat and the natural versions say the same words at the same speed.
# Needs: espeak-ng, praat, sox, soxi. Deterministic; scratch files go to a temporary directory.
# All clips are 16 kHz mono 16-bit, trimmed to the sound like the tts fixtures.
set -euo pipefail
export LC_ALL=C.UTF-8

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TTS_DIR=tests/fixtures/tts
OUT=tests/fixtures/coach
SR=16000
BUDGET=600000 # bytes for the whole folder

for tool in espeak-ng praat sox soxi; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 1; }
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
rm -rf "$OUT"
mkdir -p "$OUT"

SOX=(sox -D -R -V1)
OUTFMT=(-r "$SR" -c 1 -b 16 -e signed-integer)

# Same trimming as make-test-audio.sh: drop sound below 0.5 % of full scale at both ends.
trim_to_fixture() { # in out [extra sox effects]
  local in=$1 out=$2; shift 2
  "${SOX[@]}" "$in" "${OUTFMT[@]}" "$out" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse rate -v "$SR" "$@"
}

# Pitch flattening with Praat: the pitch tier of a Manipulation object is pulled towards its
# median (keep 15 % of each point's distance in semitones), then resynthesised by overlap-add.
# The words, timing and loudness stay; only the melody goes.
cat >"$TMP/flatten.praat" <<'EOF'
form Flatten
  sentence In
  sentence Out
  real Keep 0.15
endform
sound = Read from file: in$
pitch = To Pitch: 0, 60, 400
median = Get quantile: 0, 0, 0.5, "Hertz"
selectObject: sound
manipulation = To Manipulation: 0.01, 60, 400
tier = Extract pitch tier
Formula: "'median' * 2 ^ (keep * log2(self / 'median'))"
selectObject: manipulation
plusObject: tier
Replace pitch tier
selectObject: manipulation
flat = Get resynthesis (overlap-add)
Save as WAV file: out$
EOF

MANIFEST=()
row() { # file kind source text
  MANIFEST+=("  {\"file\": \"$1\", \"kind\": \"$2\", \"source\": \"$3\", \"text\": \"$4\", \"durationSec\": $(soxi -D "$OUT/$1")}")
}
tts_text() { node -e 'const m=require(process.argv[1]);console.log(m.find(r=>r.file===process.argv[2]).text)' "$PWD/$TTS_DIR/manifest.json" "$1"; }

echo "== monotone (pitch flattened to 15 %)"
for src in espeak-en-s1-175wpm espeak-en-s3-175wpm espeak-nl-s1-175wpm festival-en-s2-x1.0; do
  praat --run "$TMP/flatten.praat" "$PWD/$TTS_DIR/$src.wav" "$TMP/flat.wav" 0.15 >/dev/null
  trim_to_fixture "$TMP/flat.wav" "$OUT/monotone-$src.wav"
  row "monotone-$src.wav" monotone "$src.wav" "$(tts_text "$src.wav")"
done

# Agitated customer: espeak-ng's Dutch voice 6 semitones higher (pitch 50 -> 75 on espeak's
# scale) and faster (175 -> 210 wpm). Loudness is left to the tests (they add gain), so the
# clip stays clear of clipping.
echo "== agitated"
AGITATED=(
  "Dit is nu al de derde keer dat ik bel, en niemand helpt me!"
  "Ik wil gewoon dat het vandaag nog wordt opgelost!"
)
i=0
for text in "${AGITATED[@]}"; do
  i=$((i + 1))
  espeak-ng -v nl -p 75 -s 210 -w "$TMP/raw.wav" "$text"
  trim_to_fixture "$TMP/raw.wav" "$OUT/agitated-nl-$i.wav"
  row "agitated-nl-$i.wav" agitated "espeak-ng nl -p 75 -s 210" "$text"
done

echo "== backchannels"
bc() { # voice tag text
  espeak-ng -v "$1" -w "$TMP/raw.wav" "$3"
  trim_to_fixture "$TMP/raw.wav" "$OUT/bc-$2.wav"
  row "bc-$2.wav" backchannel "espeak-ng $1" "$3"
}
bc en-us en-mmhmm "mm hmm"
bc en-us en-yeah "yeah"
bc en-us en-okay "okay"
bc nl nl-ja "ja"
bc nl nl-oke "oké"

{
  echo "["
  n=${#MANIFEST[@]}
  for ((k = 0; k < n; k++)); do
    if ((k < n - 1)); then echo "${MANIFEST[k]},"; else echo "${MANIFEST[k]}"; fi
  done
  echo "]"
} >"$OUT/manifest.json"

for f in "$OUT"/*.wav; do printf '  %-40s %6.3f s\n' "${f##*/}" "$(soxi -D "$f")"; done
bytes=$(du -cb "$OUT"/* | tail -1 | cut -f1)
echo "  total $bytes bytes (budget $BUDGET)"
((bytes <= BUDGET)) || { echo "error: over budget" >&2; exit 1; }

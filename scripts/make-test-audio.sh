#!/usr/bin/env bash
# Regenerate the synthetic test audio and the demo samples from scratch.
#
#   tests/fixtures/tts/   short TTS sentences at three speeds + manifest.json
#   samples/              practice-call.wav/.json (stereo call with ground truth)
#                         agent-mono.wav/.json (single speaker with pauses)
#
# Everything is synthesised, so the "right answers" (syllables, speech
# intervals, overlaps, silences) are known exactly rather than hand-labelled.
# Needs: espeak-ng, festival (with its default English voice), sox, soxi.
# Output is deterministic: running it twice gives byte-identical files.
# Scratch files go to a temporary directory that is removed on exit.
set -euo pipefail

# The IPA cross-check of the syllable count greps for multi-byte vowels.
export LC_ALL=C.UTF-8

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TTS_DIR=tests/fixtures/tts
SAMPLE_DIR=samples
SR=16000

# Size budgets (bytes) for the committed audio.
TTS_BUDGET=2200000
SAMPLES_BUDGET=1600000

for tool in espeak-ng festival sox soxi; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 1; }
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Start clean so that renamed or dropped clips do not linger.
rm -rf "$TTS_DIR"
mkdir -p "$TTS_DIR" "$SAMPLE_DIR"
rm -f "$SAMPLE_DIR"/practice-call.wav "$SAMPLE_DIR"/practice-call.json \
      "$SAMPLE_DIR"/agent-mono.wav "$SAMPLE_DIR"/agent-mono.json

# sox flags used everywhere:
#   -D  no dither, so digital silence stays exactly zero and runs are repeatable
#   -R  repeatable random numbers (the noise floor is the same on every run)
#   -V1 only real errors (the silence effect is chatty otherwise)
SOX=(sox -D -R -V1)
OUTFMT=(-r "$SR" -c 1 -b 16 -e signed-integer)
# The null input (-n) defaults to 48 kHz, which would make "trim 0 Ns" and
# "synth Ns" count 48 kHz samples; give it our rate explicitly.
NULL_IN=(-r "$SR" -c 1 -n)

# ---------------------------------------------------------------- helpers

# JSON string literal (texts here never contain control characters).
json_str() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

word_count() { wc -w <<<"$1" | tr -d ' '; }

# Sample count -> seconds. 1/16000 s needs 7 decimals to be exact; trailing
# zeros are stripped so 1.5 prints as 1.5.
sec() {
  awk -v n="$1" -v sr="$SR" 'BEGIN {
    s = sprintf("%.7f", n / sr); sub(/0+$/, "", s); sub(/\.$/, "", s); print s }'
}

samples_of() { soxi -s "$1"; }

# Convert to mono 16 kHz 16-bit and cut leading and trailing silence.
# "silence 1 0.01 0.5%" drops audio until 10 ms stay above 0.5% of full
# scale; running it again on the reversed signal trims the tail the same
# way. No fades: the clip starts and ends on the speech itself.
trim_to_fixture() { # in out [extra sox effects]
  local in=$1 out=$2; shift 2
  "${SOX[@]}" "$in" "${OUTFMT[@]}" "$out" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse rate -v "$SR" "$@"
}

# Syllables as espeak-ng actually speaks them (same voice, speed and text as
# the audio). With --sep=' ' espeak prints one token per phoneme, so a
# diphthong or triphthong such as aI, EI, aU or aI3 is ONE token and needs
# no merging; stress marks (' , % =) are glued to the vowel they stress.
# Rule on the -x mnemonics: a token is a syllable nucleus when, after
# removing stress marks, it starts with one of espeak's vowel symbols
#   a e i o u A E I O U V W Y y 0 3 8 @ &
# (this covers @L "little", @- "wouldn't", i@3 "we're", Dutch y, 8 and Wy)
# or it is a syllabic consonant n- or m- ("button" b'V?n-). r- is a plain
# rhotic, not a nucleus. Pause tokens (_! _| _: ;) never count.
espeak_syllables_x() { # voice speed text
  espeak-ng -q -v "$1" -s "$2" -x --sep=' ' "$3" \
    | tr -s ' \n' '\n\n' | sed "s/^[',%=]*//" \
    | { grep -c -E '^([aeiouAEIOUVWYy038@&]|[nm]-$)' || true; }
}
# Independent cross-check on the IPA output: tokens holding an IPA vowel
# letter or the syllabic-consonant mark (U+0329). The two must agree.
espeak_syllables_ipa() { # voice speed text
  espeak-ng -q -v "$1" -s "$2" --ipa --sep=' ' "$3" \
    | tr -s ' \n' '\n\n' \
    | { grep -c -E '[iyɨʉɯuɪʏʊeøɘɵɤoəɛœɜɞʌɔæɐaɶɑɒɚɝᵻᵿ]|'$'\u0329' || true; }
}
espeak_syllables() {
  local x ipa
  x=$(espeak_syllables_x "$@")
  ipa=$(espeak_syllables_ipa "$@")
  if [[ $x != "$ipa" ]]; then
    echo "error: syllable rules disagree ($x from -x, $ipa from --ipa) for [$1] $3" >&2
    exit 1
  fi
  echo "$x"
}

# ------------------------------------------------ tests/fixtures/tts clips

MANIFEST_ROWS=()
add_manifest_row() { # file synth voice speed speedUnit text syllables
  local file=$1 synth=$2 voice=$3 speed=$4 unit=$5 text=$6 syl=$7
  local dur
  dur=$(soxi -D "$TTS_DIR/$file")
  MANIFEST_ROWS+=("  {\"file\": $(json_str "$file"), \"synth\": $(json_str "$synth"), \"voice\": $(json_str "$voice"), \"speed\": $speed, \"speedUnit\": $(json_str "$unit"), \"text\": $(json_str "$text"), \"syllables\": $syl, \"words\": $(word_count "$text"), \"durationSec\": $dur}")
}

# Sentences are 10-11 mostly short words: about 2.5-3.5 s at the normal
# speed, which keeps 24 clips (8 sentences x 3 speeds) inside the budget.
EN_SENTENCES=(
  "Thank you for calling, how can I help you today?"
  "Could you read me the number on the back, please?"
  "I am sorry it took so long to fix this problem."
)
NL_SENTENCES=(
  "Goedemiddag, u spreekt met Sanne, hoe kan ik u helpen?"
  "Ik zie dat uw pakket morgen bij u wordt bezorgd."
)
FESTIVAL_SENTENCES=(
  "The shop opens at nine and it closes at six."
  "Please hold the line while I check your order now."
  "We will mail you the new bill by the end of the day."
)
ESPEAK_WPM=(120 175 260)       # slow, espeak default, fast
# Duration_Stretch > 1 is slower. Note kal_diphone's own default is 1.1,
# so 1.0 here is about 10% faster than festival out of the box.
FESTIVAL_STRETCH=(1.4 1.0 0.7)

echo "== espeak-ng phonemes (-x mnemonics) and syllable counts at 175 wpm"
make_espeak_set() { # voice tag sentence...
  local voice=$1 tag=$2; shift 2
  local i=0 text wpm file syl
  for text in "$@"; do
    i=$((i + 1))
    printf '  [%s] %s\n      %s\n      -> %s syllables, %s words\n' "$voice" "$text" \
      "$(espeak-ng -q -v "$voice" -s 175 -x "$text" | tr '\n' ' ')" \
      "$(espeak_syllables "$voice" 175 "$text")" "$(word_count "$text")"
    for wpm in "${ESPEAK_WPM[@]}"; do
      file="espeak-$tag-s$i-${wpm}wpm.wav"
      espeak-ng -v "$voice" -s "$wpm" -w "$TMP/raw.wav" "$text"
      trim_to_fixture "$TMP/raw.wav" "$TTS_DIR/$file"
      syl=$(espeak_syllables "$voice" "$wpm" "$text")
      add_manifest_row "$file" espeak-ng "$voice" "$wpm" wpm "$text" "$syl"
    done
  done
}
make_espeak_set en-us en "${EN_SENTENCES[@]}"
make_espeak_set nl nl "${NL_SENTENCES[@]}"

# festival: one scheme script per clip synthesises the utterance, saves the
# wave and prints the size of the Syllable relation of that same utterance,
# so the count is what festival's lexicon and letter-to-sound rules produced.
echo "== festival syllable counts"
i=0
for text in "${FESTIVAL_SENTENCES[@]}"; do
  i=$((i + 1))
  [[ $text != *[\"\\]* ]] || { echo "error: quote or backslash in festival text" >&2; exit 1; }
  for stretch in "${FESTIVAL_STRETCH[@]}"; do
    file="festival-en-s$i-x$stretch.wav"
    cat >"$TMP/say.scm" <<EOF
(Parameter.set 'Duration_Stretch $stretch)
(set! utt (utt.synth (Utterance Text "$text")))
(utt.save.wave utt "$TMP/raw.wav" 'riff)
(format t "VOICE %s\n" current-voice)
(format t "SYLLABLES %d\n" (length (utt.relation.items utt 'Syllable)))
(format t "WORDS %d\n" (length (utt.relation.items utt 'Word)))
(format t "SYLWORDS")
(mapcar (lambda (s) (format t " %s" (item.feat s "R:SylStructure.parent.name"))) (utt.relation.items utt 'Syllable))
(format t "\n")
EOF
    out=$(festival -b "$TMP/say.scm")
    voice=$(awk '/^VOICE /{print $2}' <<<"$out")
    syl=$(awk '/^SYLLABLES /{print $2}' <<<"$out")
    fwords=$(awk '/^WORDS /{print $2}' <<<"$out")
    [[ -n $syl && -n $voice ]] || { echo "error: festival gave no syllable count" >&2; exit 1; }
    # Festival's own tokenisation must agree with the plain word count.
    [[ $fwords == "$(word_count "$text")" ]] \
      || { echo "error: festival saw $fwords words in: $text" >&2; exit 1; }
    if [[ $stretch == 1.0 ]]; then
      printf '  [%s] %s\n      syllable -> word:%s\n      -> %s syllables, %s words\n' \
        "$voice" "$text" "$(sed -n 's/^SYLWORDS//p' <<<"$out")" "$syl" "$fwords"
    fi
    # festival's diphone voice peaks right at full scale (32766) on some
    # sentences; a fixed -3 dB keeps it clear of anything a clip detector
    # would flag. Same gain for every festival clip.
    trim_to_fixture "$TMP/raw.wav" "$TTS_DIR/$file" vol 0.7
    add_manifest_row "$file" festival "$voice" "$stretch" durationStretch "$text" "$syl"
  done
done

{
  echo "["
  n=${#MANIFEST_ROWS[@]}
  for ((k = 0; k < n; k++)); do
    if ((k < n - 1)); then echo "${MANIFEST_ROWS[k]},"; else echo "${MANIFEST_ROWS[k]}"; fi
  done
  echo "]"
} >"$TTS_DIR/manifest.json"

# ------------------------------------------------------------ samples/

AGENT_VOICE=nl+m3
CUSTOMER_VOICE=nl+f3
LONG_SILENCE_MS=4000 # the "long silence" after the agent's question

# Noise floor: white noise at about -60 dBFS RMS (sox's whitenoise is
# uniform, so RMS = peak/sqrt(3); peak 0.0017 gives RMS 0.001), so "silent"
# channels are not pure zeros but still far below any speech.
NOISE_VOL=0.0017

# Synthesise one utterance at espeak's default speed, trimmed like the
# fixtures; the clip's path is left in CLIP (not echoed: a subshell would
# lose the counter that keeps clip names unique).
CLIP_N=0
synth_turn() { # voice text
  CLIP_N=$((CLIP_N + 1))
  CLIP="$TMP/turn$CLIP_N.wav"
  espeak-ng -v "$1" -w "$TMP/raw.wav" "$2"
  trim_to_fixture "$TMP/raw.wav" "$CLIP"
}

ms() { echo $(($1 * SR / 1000)); } # milliseconds -> samples

# Channel timelines: parallel arrays of start sample, clip path, text.
declare -a A_START=() A_CLIP=() A_TEXT=() C_START=() C_CLIP=() C_TEXT=()
A_END=0 # end sample of the latest agent clip
C_END=0 # end sample of the latest customer clip

place() { # a|c start_sample voice text  (sets LAST_START, LAST_END)
  local who=$1 start=$2 voice=$3 text=$4 clip len
  synth_turn "$voice" "$text"
  clip=$CLIP
  len=$(samples_of "$clip")
  if [[ $who == a ]]; then
    ((start >= A_END)) || { echo "error: agent clips overlap at $start" >&2; exit 1; }
    A_START+=("$start"); A_CLIP+=("$clip"); A_TEXT+=("$text"); A_END=$((start + len))
  else
    ((start >= C_END)) || { echo "error: customer clips overlap at $start" >&2; exit 1; }
    C_START+=("$start"); C_CLIP+=("$clip"); C_TEXT+=("$text"); C_END=$((start + len))
  fi
  LAST_START=$start
  LAST_END=$((start + len))
}

# Lay clips on a zero background at exact sample positions, pad to total.
render_channel() { # out total start... -- clip...
  local out=$1 total=$2; shift 2
  local -a starts=() clips=() parts=()
  while [[ $1 != -- ]]; do starts+=("$1"); shift; done
  shift
  clips=("$@")
  local cursor=0 k gap
  for k in "${!starts[@]}"; do
    gap=$((starts[k] - cursor))
    if ((gap > 0)); then
      "${SOX[@]}" "${NULL_IN[@]}" "${OUTFMT[@]}" "$TMP/gap$k-$out" trim 0 "${gap}s"
      parts+=("$TMP/gap$k-$out")
    fi
    parts+=("${clips[k]}")
    cursor=$((starts[k] + $(samples_of "${clips[k]}")))
  done
  ((total >= cursor)) || { echo "error: timeline longer than total" >&2; exit 1; }
  "${SOX[@]}" "${parts[@]}" "$TMP/$out" pad 0 "$((total - cursor))s"
}

# Two independent noise channels: one long run cut in two halves (sox's
# stereo whitenoise would put the same samples on both channels).
make_noise() { # out total channels
  local out=$1 total=$2 ch=$3
  "${SOX[@]}" "${NULL_IN[@]}" "${OUTFMT[@]}" "$TMP/noise-long.wav" synth "$((total * ch))s" whitenoise vol "$NOISE_VOL"
  if ((ch == 1)); then
    cp "$TMP/noise-long.wav" "$out"
  else
    "${SOX[@]}" "$TMP/noise-long.wav" "$TMP/noise-l.wav" trim 0 "${total}s"
    "${SOX[@]}" "$TMP/noise-long.wav" "$TMP/noise-r.wav" trim "${total}s" "${total}s"
    "${SOX[@]}" -M "$TMP/noise-l.wav" "$TMP/noise-r.wav" "$out"
  fi
}

intervals_json() { # indent starts... -- clips... -- texts...
  local ind=$1; shift
  local -a starts=() clips=() texts=()
  while [[ $1 != -- ]]; do starts+=("$1"); shift; done; shift
  while [[ $1 != -- ]]; do clips+=("$1"); shift; done; shift
  texts=("$@")
  local k n=${#starts[@]} end sep
  for k in "${!starts[@]}"; do
    end=$((starts[k] + $(samples_of "${clips[k]}")))
    sep=","; ((k == n - 1)) && sep=""
    echo "$ind{\"start\": $(sec "${starts[k]}"), \"end\": $(sec "$end"), \"text\": $(json_str "${texts[k]}")}$sep"
  done
}

# ---- practice-call.wav: agent left, customer right, Dutch service call.
# Gaps between turns are a natural 0.5-0.7 s; the special events are placed
# relative to the clip they react to.
place a "$(ms 300)" "$AGENT_VOICE" "Goedemiddag, met Daan van de klantenservice, waarmee kan ik helpen?"
place c "$((LAST_END + $(ms 700)))" "$CUSTOMER_VOICE" "Hallo, mijn laatste rekening is veel hoger dan normaal."
C_TURN_START=$LAST_START C_TURN_END=$LAST_END
# Backchannel: a short agent "ja" 1.8 s into the customer's turn, while she
# keeps talking (it overlaps her speech and does not take the turn).
place a "$((C_TURN_START + $(ms 1800)))" "$AGENT_VOICE" "ja"
BC_START=$LAST_START BC_END=$LAST_END BC_IDX=$((${#A_START[@]} - 1))
((BC_END < C_TURN_END)) || { echo "error: backchannel outlasts the customer turn" >&2; exit 1; }
place a "$((C_TURN_END + $(ms 600)))" "$AGENT_VOICE" "Dat is vervelend. Mag ik uw klantnummer?"
place c "$((LAST_END + $(ms 600)))" "$CUSTOMER_VOICE" "Ja, dat is vier acht twee zes negen."
place a "$((LAST_END + $(ms 500)))" "$AGENT_VOICE" "Dank u. Heeft u de nieuwe rekening al bekeken?"
Q_END=$LAST_END Q_TEXT="Dank u. Heeft u de nieuwe rekening al bekeken?"
# Long silence: nobody speaks for 4 s after the agent's question.
place c "$((Q_END + $(ms $LONG_SILENCE_MS)))" "$CUSTOMER_VOICE" "Nee, nog niet, ik zag alleen het bedrag in de mail."
LS_END=$LAST_START INT_C_START=$LAST_START INT_C_END=$LAST_END
# Interruption: the agent starts 1.0 s before the customer has finished.
place a "$((INT_C_END - $(ms 1000)))" "$AGENT_VOICE" "Ik zie het al, u betaalt twee keer het abonnement."
INT_A_START=$LAST_START INT_A_IDX=$((${#A_START[@]} - 1))
place c "$((LAST_END + $(ms 600)))" "$CUSTOMER_VOICE" "O, gelukkig. Krijg ik dat geld terug?"
place a "$((LAST_END + $(ms 500)))" "$AGENT_VOICE" "Ja, binnen vijf dagen staat het terug op uw rekening."
CALL_TOTAL=$((LAST_END + $(ms 400)))

render_channel agent.wav "$CALL_TOTAL" "${A_START[@]}" -- "${A_CLIP[@]}"
render_channel customer.wav "$CALL_TOTAL" "${C_START[@]}" -- "${C_CLIP[@]}"
"${SOX[@]}" -M "$TMP/agent.wav" "$TMP/customer.wav" "$TMP/speech.wav"
make_noise "$TMP/noise2.wav" "$CALL_TOTAL" 2
# -v 1 on each input: sum the signals instead of sox's default averaging.
"${SOX[@]}" -m -v 1 "$TMP/speech.wav" -v 1 "$TMP/noise2.wav" "$TMP/call-16k.wav"
# The demo call is telephone audio, as call recorders store it: 8 kHz. It also keeps the
# committed file small. Times are unchanged (the ground truth below stays exact to 1/8000 s).
sox -q "$TMP/call-16k.wav" -r 8000 "$SAMPLE_DIR/practice-call.wav"

# Overlaps, computed from the placed intervals (not typed in by hand), then
# checked against the two we built on purpose.
OVERLAPS=()
for a in "${!A_START[@]}"; do
  a0=${A_START[a]} a1=$((a0 + $(samples_of "${A_CLIP[a]}")))
  for c in "${!C_START[@]}"; do
    c0=${C_START[c]} c1=$((c0 + $(samples_of "${C_CLIP[c]}")))
    lo=$((a0 > c0 ? a0 : c0)) hi=$((a1 < c1 ? a1 : c1))
    if ((lo < hi)); then
      if ((a == BC_IDX)); then kind=backchannel
      elif ((a == INT_A_IDX)); then kind=interruption
      else echo "error: unplanned overlap at $(sec "$lo") s" >&2; exit 1; fi
      OVERLAPS+=("{\"start\": $(sec "$lo"), \"end\": $(sec "$hi"), \"kind\": \"$kind\"}")
    fi
  done
done
((${#OVERLAPS[@]} == 2)) || { echo "error: expected 2 overlaps, got ${#OVERLAPS[@]}" >&2; exit 1; }

{
  echo "{"
  echo "  \"file\": \"practice-call.wav\","
  echo "  \"sampleRate\": $SR,"
  echo "  \"durationSec\": $(sec "$CALL_TOTAL"),"
  echo "  \"language\": \"nl\","
  echo "  \"note\": \"Intervals are the exact extents of the trimmed TTS clips (end exclusive, sample-accurate). Pauses inside one utterance (after commas) are part of its interval. Both channels carry white noise at about -60 dBFS RMS throughout.\","
  echo "  \"channels\": ["
  echo "    {\"channel\": 0, \"side\": \"left\", \"role\": \"agent\", \"voice\": \"espeak-ng $AGENT_VOICE\", \"speech\": ["
  intervals_json "      " "${A_START[@]}" -- "${A_CLIP[@]}" -- "${A_TEXT[@]}"
  echo "    ]},"
  echo "    {\"channel\": 1, \"side\": \"right\", \"role\": \"customer\", \"voice\": \"espeak-ng $CUSTOMER_VOICE\", \"speech\": ["
  intervals_json "      " "${C_START[@]}" -- "${C_CLIP[@]}" -- "${C_TEXT[@]}"
  echo "    ]}"
  echo "  ],"
  echo "  \"overlaps\": [$(IFS=,; echo "${OVERLAPS[*]}" | sed 's/},{/}, {/g')],"
  echo "  \"interruption\": {\"by\": \"agent\", \"channel\": 0, \"start\": $(sec "$INT_A_START"), \"interruptedEnd\": $(sec "$INT_C_END"), \"overlapSec\": $(sec $((INT_C_END - INT_A_START)))},"
  echo "  \"backchannel\": {\"by\": \"agent\", \"channel\": 0, \"start\": $(sec "$BC_START"), \"end\": $(sec "$BC_END"), \"text\": \"ja\", \"duringCustomerTurn\": {\"start\": $(sec "$C_TURN_START"), \"end\": $(sec "$C_TURN_END")}},"
  echo "  \"longSilence\": {\"start\": $(sec "$Q_END"), \"end\": $(sec "$LS_END"), \"durationSec\": $(sec $((LS_END - Q_END))), \"silentChannel\": 1, \"afterAgentQuestion\": $(json_str "$Q_TEXT"), \"note\": \"neither channel has speech in this span\"}"
  echo "}"
} >"$SAMPLE_DIR/practice-call.json"

# ---- agent-mono.wav: one speaker, pauses of 0.5-2 s between sentences.
declare -a M_START=() M_CLIP=() M_TEXT=()
M_SENTENCES=(
  "Goedemiddag, met Daan van de klantenservice."
  "Ik heb uw gegevens voor me."
  "Uw pakket komt morgen tussen negen en twaalf uur."
  "Kan ik verder nog iets voor u doen?"
  "Dan wens ik u een fijne dag."
)
M_PAUSES_MS=(800 1500 600 2000) # after sentence 1..4
cursor=$(ms 300)
for k in "${!M_SENTENCES[@]}"; do
  synth_turn "$AGENT_VOICE" "${M_SENTENCES[k]}"
  clip=$CLIP
  M_START+=("$cursor"); M_CLIP+=("$clip"); M_TEXT+=("${M_SENTENCES[k]}")
  cursor=$((cursor + $(samples_of "$clip")))
  if ((k < ${#M_PAUSES_MS[@]})); then cursor=$((cursor + $(ms "${M_PAUSES_MS[k]}"))); fi
done
MONO_TOTAL=$((cursor + $(ms 300)))
render_channel mono-speech.wav "$MONO_TOTAL" "${M_START[@]}" -- "${M_CLIP[@]}"
make_noise "$TMP/noise1.wav" "$MONO_TOTAL" 1
"${SOX[@]}" -m -v 1 "$TMP/mono-speech.wav" -v 1 "$TMP/noise1.wav" "$SAMPLE_DIR/agent-mono.wav"
{
  echo "{"
  echo "  \"file\": \"agent-mono.wav\","
  echo "  \"sampleRate\": $SR,"
  echo "  \"durationSec\": $(sec "$MONO_TOTAL"),"
  echo "  \"voice\": \"espeak-ng $AGENT_VOICE\","
  pauses=()
  for p in "${M_PAUSES_MS[@]}"; do pauses+=("$(sec "$(ms "$p")")"); done
  echo "  \"pausesBetweenSentencesSec\": [$(IFS=,; echo "${pauses[*]}" | sed 's/,/, /g')],"
  echo "  \"speech\": ["
  intervals_json "    " "${M_START[@]}" -- "${M_CLIP[@]}" -- "${M_TEXT[@]}"
  echo "  ]"
  echo "}"
} >"$SAMPLE_DIR/agent-mono.json"

# ------------------------------------------------------------ checks

fail=0
# Every file must be real speech: not silent, not clipped.
check_levels() { # file
  local st peak rms
  st=$(sox "$1" -n stat 2>&1)
  peak=$(awk '/Maximum amplitude/{mx=$3} /Minimum amplitude/{mn=-$3} END{print (mx>mn?mx:mn)}' <<<"$st")
  rms=$(awk '/RMS +amplitude/{print $3}' <<<"$st")
  if ! awk -v p="$peak" -v r="$rms" 'BEGIN{exit !(p < 0.99 && r > 0.01)}'; then
    echo "  BAD LEVELS $1: peak $peak rms $rms"
    fail=1
  fi
}
# A trimmed clip must start and end on sound, not on silence.
check_trim() { # file
  local head tail
  head=$(sox "$1" -n trim 0 0.02 stat 2>&1 | awk '/Maximum amplitude/{print $3}')
  tail=$(sox "$1" -n reverse trim 0 0.02 stat 2>&1 | awk '/Maximum amplitude/{print $3}')
  if ! awk -v h="$head" -v t="$tail" 'BEGIN{exit !(h > 0.005 && t > 0.005)}'; then
    echo "  BAD TRIM $1: first 20 ms peak $head, last 20 ms peak $tail"
    fail=1
  fi
}
for f in "$TTS_DIR"/*.wav; do check_levels "$f"; check_trim "$f"; done
for f in "$SAMPLE_DIR"/practice-call.wav "$SAMPLE_DIR"/agent-mono.wav; do check_levels "$f"; done
# The silent channel during the long silence holds only the noise floor.
ls_rms=$(sox "$SAMPLE_DIR/practice-call.wav" -n remix 2 trim "$(sec "$Q_END")" 3.9 stat 2>&1 | awk '/RMS +amplitude/{print $3}')

# Validate the JSON if a parser is around (node ships with the project).
if command -v node >/dev/null; then
  for j in "$TTS_DIR/manifest.json" "$SAMPLE_DIR/practice-call.json" "$SAMPLE_DIR/agent-mono.json"; do
    node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$j" \
      || { echo "  BAD JSON $j"; fail=1; }
  done
fi

# ------------------------------------------------------------ summary

echo
echo "== tests/fixtures/tts"
printf '  %-32s %8s %5s %5s\n' file seconds syl words
awk -F'"' '/"file"/ {
  for (i = 1; i <= NF; i++) {
    if ($i == "file") f = $(i + 2)
  }
  match($0, /"syllables": [0-9]+/); s = substr($0, RSTART + 13, RLENGTH - 13)
  match($0, /"words": [0-9]+/); w = substr($0, RSTART + 9, RLENGTH - 9)
  match($0, /"durationSec": [0-9.]+/); d = substr($0, RSTART + 15, RLENGTH - 15)
  printf "  %-32s %8.3f %5s %5s\n", f, d, s, w }' "$TTS_DIR/manifest.json"

echo
echo "== speed check (trimmed duration relative to the normal setting)"
for base in "$TTS_DIR"/espeak-*-175wpm.wav; do
  stem=${base%-175wpm.wav}
  awk -v s="$(soxi -D "$stem-120wpm.wav")" -v n="$(soxi -D "$base")" -v f="$(soxi -D "$stem-260wpm.wav")" -v name="${stem##*/}" \
    'BEGIN { printf "  %-18s 120wpm x%.2f (ideal %.2f)   260wpm x%.2f (ideal %.2f)\n", name, s/n, 175/120, f/n, 175/260 }'
done
for base in "$TTS_DIR"/festival-*-x1.0.wav; do
  stem=${base%-x1.0.wav}
  awk -v s="$(soxi -D "$stem-x1.4.wav")" -v n="$(soxi -D "$base")" -v f="$(soxi -D "$stem-x0.7.wav")" -v name="${stem##*/}" \
    'BEGIN { printf "  %-18s stretch1.4 x%.2f   stretch0.7 x%.2f\n", name, s/n, f/n }'
done

echo
echo "== samples"
for f in "$SAMPLE_DIR"/practice-call.wav "$SAMPLE_DIR"/agent-mono.wav; do
  printf '  %-28s %6.2f s  %s ch  %s Hz  %s\n' "${f##*/}" "$(soxi -D "$f")" "$(soxi -c "$f")" "$(soxi -r "$f")" "$(soxi -b "$f")-bit"
done
echo "  long-silence customer channel RMS: $ls_rms (noise floor)"

echo
tts_bytes=$(du -sb "$TTS_DIR" | cut -f1)
smp_bytes=$(du -cb "$SAMPLE_DIR"/practice-call.* "$SAMPLE_DIR"/agent-mono.* | tail -1 | cut -f1)
report_size() { # label bytes budget
  local flag=ok
  (($2 <= $3)) || flag="OVER BUDGET"
  printf '  %-22s %9d bytes (%s KiB on disk), budget %d: %s\n' "$1" "$2" "$4" "$3" "$flag"
}
report_size "tests/fixtures/tts" "$tts_bytes" "$TTS_BUDGET" "$(du -sk "$TTS_DIR" | cut -f1)"
report_size "samples" "$smp_bytes" "$SAMPLES_BUDGET" "$(du -sk "$SAMPLE_DIR" | cut -f1)"

if ((fail)); then
  echo "error: some checks failed (see above)" >&2
  exit 1
fi
echo "done."

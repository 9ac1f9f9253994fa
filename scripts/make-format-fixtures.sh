#!/bin/sh
# Regenerates tests/fixtures/formats/: the same 4 s stereo call in every format the review reads,
# and two video files (with and without sound). Needs ffmpeg (with libmp3lame, libopus,
# libvorbis, libvpx) and Node.
set -eu
cd "$(dirname "$0")/.."
out=tests/fixtures/formats
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
npx tsx scripts/make-format-fixtures.ts "$tmp/voice.wav"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
ff -i "$tmp/voice.wav" -c:a libmp3lame -b:a 64k "$out/voice.mp3"
ff -i "$tmp/voice.wav" -c:a aac -b:a 64k "$out/voice.m4a"
ff -i "$tmp/voice.wav" -c:a libopus -b:a 32k "$out/voice.opus"
ff -i "$tmp/voice.wav" -c:a libvorbis -q:a 1 "$out/voice.ogg"
# FLAC is lossless, so large: at 16 kHz it stays small enough to keep in the tree.
ff -i "$tmp/voice.wav" -ar 16000 -c:a flac "$out/voice.flac"
# Video: 4 s of a 64×48 test picture, without and with the call as its sound.
ff -f lavfi -i testsrc=size=64x48:rate=10:duration=4 -c:v libvpx -b:v 50k "$out/video-only.webm"
ff -f lavfi -i testsrc=size=64x48:rate=10:duration=4 -i "$tmp/voice.wav" -c:v libvpx -b:v 50k -c:a libopus -b:a 32k -shortest "$out/video-with-sound.webm"
ls -l "$out"

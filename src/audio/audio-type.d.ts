/**
 * Types for `audio-type` (no types of its own): the format sniffer audio-decode itself uses, so that
 * a file is handed to the decoder that will recognise it.
 */
declare module 'audio-type' {
  /** The format name audio-decode uses for these bytes (e.g. 'mp3', 'oga', 'opus'), if any. */
  export default function audioType(bytes: Uint8Array): string | undefined;
}

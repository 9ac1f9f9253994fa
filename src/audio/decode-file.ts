/**
 * Opens a recording on disk as an AudioStream, choosing the reader by the file's first bytes, not
 * its name: PCM and float WAV through the streaming WAV reader, everything else (and WAV encodings
 * that reader does not decode, such as A-law, µ-law and ADPCM) through audio-decode.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import audioType from 'audio-type';
import { AudioInputError } from './audio-input-error.ts';
import type { AudioStream } from './audio-stream.ts';
import { DECODABLE_FORMATS, isDecodableFormat, openDecodedStream, type DecodableFormat } from './decoded-stream.ts';
import { fileBytes } from './file-bytes.ts';
import { planFaststart } from './mp4-faststart.ts';
import { pcmLayoutOf } from './pcm-decode.ts';
import { looksLikeWav, WaveFormatTag, type WavFormat } from './wav-header.ts';
import { createWavStream, readRange, readWavFileHeader } from './wav-reader.ts';

/** Bytes read to recognise the format (tracker modules put their signature at byte 1080). */
const SNIFF_BYTES = 4096;

const SUPPORTED = 'WAV, MP3, Ogg Vorbis, Ogg Opus, FLAC, M4A/AAC or WebM';

/** WAV encodings the streaming reader leaves to audio-decode, whose WAV decoder reads them. */
const DECODER_WAV_ENCODINGS: Readonly<Record<number, string>> = {
  [WaveFormatTag.alaw]: 'A-law',
  [WaveFormatTag.mulaw]: 'µ-law',
  [WaveFormatTag.adpcm]: 'MS ADPCM',
  [WaveFormatTag.imaAdpcm]: 'IMA ADPCM',
};

export async function openAudioFile(path: string): Promise<AudioStream> {
  const size = await regularFileSize(path);
  const handle = await openOrExplain(path);
  let handedOver = false;
  try {
    const head = await readRange(handle, { offset: 0, length: Math.min(size, SNIFF_BYTES) });
    if (looksLikeWav(head)) {
      const header = await readWavFileHeader(handle, size);
      const layout = pcmLayoutOf(header.format);
      if (layout) {
        handedOver = true;
        return createWavStream(handle, header, layout);
      }
      const encoding = DECODER_WAV_ENCODINGS[header.format.formatTag];
      if (!encoding) throw unsupportedWavEncoding(header.format);
      return await openDecodedStream(fileBytes(path), 'wav', `WAV ${encoding}`);
    }
    const format = audioType(head);
    if (format !== undefined && isDecodableFormat(format)) {
      return await openDecodedStream(await decoderInput(path, handle, size, format), format, DECODABLE_FORMATS[format]);
    }
    throw new AudioInputError(
      `this is not an audio file Luister can read${format ? ` (it looks like ${format.toUpperCase()})` : ''}; it reads ${SUPPORTED}. Convert it to WAV first (ffmpeg -i IN OUT.wav)`,
    );
  } finally {
    if (!handedOver) await handle.close();
  }
}

function unsupportedWavEncoding(format: WavFormat): AudioInputError {
  const tag = `0x${format.formatTag.toString(16).padStart(4, '0')}`;
  return new AudioInputError(
    `this WAV file holds audio in an encoding Luister does not read (format ${tag}, ${format.bitsPerSample} bits); convert it to 16-bit PCM first (ffmpeg -i IN -c:a pcm_s16le OUT.wav)`,
  );
}

/** The bytes to decode: the file as it is, except for an MP4 whose index has to come first to stream. */
async function decoderInput(path: string, handle: FileHandle, size: number, format: DecodableFormat): Promise<AsyncIterable<Uint8Array>> {
  if (format !== 'm4a') return fileBytes(path);
  return fileBytes(path, (await planFaststart(size, (range) => readRange(handle, range))) ?? undefined);
}

/** The file's size, after making sure it is a regular, non-empty file (a FIFO would block forever). */
async function regularFileSize(path: string): Promise<number> {
  const info = await stat(path).catch((error: unknown) => {
    throw fileSystemError(error);
  });
  if (info.isDirectory()) throw new AudioInputError('this is a folder, not a recording; give the path of an audio file');
  if (!info.isFile()) throw new AudioInputError('this is not a regular file (a device or pipe?); give the path of an audio file');
  if (info.size === 0) throw new AudioInputError('the file is empty (0 bytes); give a recording with audio in it');
  return info.size;
}

async function openOrExplain(path: string): Promise<FileHandle> {
  return open(path, 'r').catch((error: unknown) => {
    throw fileSystemError(error);
  });
}

function fileSystemError(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new AudioInputError('no such file; check the path');
  if (code === 'EACCES' || code === 'EPERM') return new AudioInputError('permission denied; make the file readable or copy it somewhere readable');
  if (code === 'ENOTDIR') return new AudioInputError('part of the path is not a folder; check the path');
  if (code === 'ELOOP' || code === 'ENAMETOOLONG') return new AudioInputError(`the path cannot be opened (${code}); check the path`);
  return error instanceof Error ? error : new Error(String(error));
}

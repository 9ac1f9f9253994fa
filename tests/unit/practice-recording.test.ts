/** The recorder's main-thread side: chunks of at most a second, in order, retried, bounded. */
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage/storage-errors.ts';
import { ChunkWriter, type WriteProblem } from '../../src/ui/practice/chunk-writer.ts';
import { ListenerBag } from '../../src/ui/practice/listener-bag.ts';
import { MemoryRecordingSink, type RecordingSink } from '../../src/ui/practice/recording-sink.ts';
import { SpeechTotal, speechSecondsUntil, talkShare } from '../../src/ui/practice/talk-share.ts';

const RATE = 1000;

/** `blocks` blocks of `length` samples; channel c holds c * 100000 + the sample's index. */
function feed(writer: ChunkWriter, blocks: number, length: number, channels = 2): void {
  let n = 0;
  const block = Array.from({ length: channels }, () => new Float32Array(length));
  for (let b = 0; b < blocks; b++) {
    for (let c = 0; c < channels; c++) for (let i = 0; i < length; i++) block[c][i] = c * 100000 + n + i;
    writer.push(block, length);
    n += length;
  }
}

describe('chunk writer', () => {
  it('cuts blocks into chunks of at most a second and writes them in order, the rest at the end', async () => {
    const sink = new MemoryRecordingSink();
    const { id } = await sink.createSession({ kind: 'practice', name: 't', sampleRate: RATE, channels: 2 });
    const writer = new ChunkWriter({ sink, sessionId: id, channelCount: 2, sampleRate: RATE, chunkLength: RATE });
    feed(writer, 25, 96); // 2400 samples: two full chunks and 400 over
    const result = await writer.finish();
    const chunks = sink.sessions.get(id)?.chunks ?? [];
    expect(chunks.map((c) => c[0].length)).toEqual([1000, 1000, 400]);
    expect(result).toEqual({ chunks: 3, samples: 2400, lostSamples: 0, full: false });
    // Sample-exact and channels kept apart.
    expect(chunks[1][0][0]).toBe(1000);
    expect(chunks[2][1][399]).toBe(100000 + 2399);
    expect(writer.secondsWritten).toBeCloseTo(2.4);
  });

  it('writes while recording: a full chunk goes out before the call ends', async () => {
    const sink = new MemoryRecordingSink();
    const { id } = await sink.createSession({ kind: 'practice', name: 't', sampleRate: RATE, channels: 1 });
    const writer = new ChunkWriter({ sink, sessionId: id, channelCount: 1, sampleRate: RATE, chunkLength: RATE });
    feed(writer, 11, 100, 1);
    await new Promise((r) => setTimeout(r, 0));
    expect(writer.chunksWritten).toBe(1);
    expect(sink.sessions.get(id)?.chunks).toHaveLength(1);
  });

  it('keeps a failed chunk and retries it before the next, so the indices have no hole', async () => {
    const written: number[] = [];
    let failures = 1;
    const sink: RecordingSink = {
      createSession: async () => ({ id: 's' }),
      appendAudioChunk: async (_id, index) => {
        if (index === 1 && failures-- > 0) throw new Error('busy');
        written.push(index);
      },
      finishSession: async () => undefined,
    };
    const problems: WriteProblem[] = [];
    const writer = new ChunkWriter({ sink, sessionId: 's', channelCount: 1, sampleRate: RATE, chunkLength: RATE, onProblem: (p) => problems.push(p) });
    feed(writer, 35, 100, 1);
    const result = await writer.finish();
    expect(written).toEqual([0, 1, 2, 3]);
    expect(problems.map((p) => p.kind)).toEqual(['retrying']);
    expect(result.lostSamples).toBe(0);
  });

  it('says a full disk is full, and counts what it could not store', async () => {
    const sink: RecordingSink = {
      createSession: async () => ({ id: 's' }),
      appendAudioChunk: async () => {
        throw new StorageError('full', 'quota exceeded');
      },
      finishSession: async () => undefined,
    };
    const problems: WriteProblem[] = [];
    const writer = new ChunkWriter({ sink, sessionId: 's', channelCount: 1, sampleRate: RATE, chunkLength: RATE, maxPendingSec: 2, onProblem: (p) => problems.push(p) });
    feed(writer, 50, 100, 1); // 5 s, at most 2 s held
    const result = await writer.finish();
    expect(problems.some((p) => p.kind === 'full')).toBe(true);
    expect(problems.at(-1)?.kind).toBe('lost');
    expect(result).toEqual({ chunks: 0, samples: 0, lostSamples: 5000, full: true });
  });

  it('keeps the chunks written before the disk filled up, and says up to where the recording is intact', async () => {
    const written: number[] = [];
    const sink: RecordingSink = {
      createSession: async () => ({ id: 's' }),
      appendAudioChunk: async (_id, index) => {
        if (index >= 3) throw new StorageError('full', 'quota exceeded');
        written.push(index);
      },
      finishSession: async () => undefined,
    };
    const problems: WriteProblem[] = [];
    const writer = new ChunkWriter({ sink, sessionId: 's', channelCount: 1, sampleRate: RATE, chunkLength: RATE, onProblem: (p) => problems.push(p) });
    feed(writer, 55, 100, 1); // 5.5 s: chunks 0–2 fit, 3, 4 and the last half second do not
    const result = await writer.finish();
    expect(written).toEqual([0, 1, 2]);
    expect(result).toEqual({ chunks: 3, samples: 3000, lostSamples: 2500, full: true });
    const full = problems.find((p) => p.kind === 'full');
    expect(full?.savedSeconds).toBe(3);
    expect(problems.at(-1)).toMatchObject({ kind: 'lost', seconds: 2.5, savedSeconds: 3 });
  });
});

describe('listener bag', () => {
  it('removes every listener and runs every cleanup, newest first, even when one throws', () => {
    const target = new EventTarget();
    const bag = new ListenerBag();
    let heard = 0;
    const order: string[] = [];
    bag.listen(target, 'ping', () => heard++);
    bag.add(() => order.push('first'));
    bag.add(() => {
      throw new Error('already gone');
    });
    bag.add(() => order.push('last'));
    target.dispatchEvent(new Event('ping'));
    expect(bag.size).toBe(4);
    bag.dispose();
    target.dispatchEvent(new Event('ping'));
    expect(heard).toBe(1);
    expect(order).toEqual(['last', 'first']);
    expect(bag.size).toBe(0);
  });
});

describe('talk share', () => {
  it('is the agent share of all speech, open segments up to now included', () => {
    const agent = speechSecondsUntil([{ start: 0, end: 3 }], 5, 6);
    const customer = speechSecondsUntil([{ start: 3, end: 5 }], null, 6);
    expect(agent).toBeCloseTo(4);
    expect(talkShare(agent, customer)).toBeCloseTo(4 / 6);
    expect(talkShare(0, 0)).toBeNull();
  });

  it('adds only new segments on each call', () => {
    const total = new SpeechTotal();
    const speech = [{ start: 0, end: 1 }];
    expect(total.at(speech, null, 2)).toBeCloseTo(1);
    speech.push({ start: 2, end: 2.5 });
    expect(total.at(speech, 3, 3.5)).toBeCloseTo(2);
  });
});

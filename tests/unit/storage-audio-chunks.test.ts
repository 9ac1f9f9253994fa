/** Cutting recordings into stored chunks and joining them again. */
import { describe, expect, it } from 'vitest';
import { chunkLength, chunkProblem, chunksOf, joinChunks } from '../../src/storage/audio-chunks.ts';
import { agentFiguresOf } from '../../src/storage/agent-figures.ts';

describe('audio chunks', () => {
  const rate = 8000;
  const left = Float32Array.from({ length: 2.5 * rate }, (_, i) => Math.sin(i));
  const right = Float32Array.from({ length: 2.5 * rate }, (_, i) => Math.cos(i));

  it('cuts into chunks of at most a second, each owning just its samples', () => {
    const chunks = [...chunksOf([left, right], rate)];
    expect(chunks.map((c) => c[0].length)).toEqual([8000, 8000, 4000]);
    for (const chunk of chunks) {
      expect(chunk).toHaveLength(2);
      // A copy, not a view: storing it clones only these samples.
      expect(chunk[0].buffer.byteLength).toBe(chunk[0].length * 4);
    }
  });

  it('joins chunks back into the same samples', () => {
    const [l, r] = joinChunks([...chunksOf([left, right], rate)], 2);
    expect(l).toEqual(left);
    expect(r).toEqual(right);
    expect(joinChunks([], 1)).toEqual([new Float32Array(0)]);
  });

  it('says what is wrong with a chunk', () => {
    expect(chunkLength(44100)).toBe(44100);
    expect(chunkProblem([new Float32Array(8000)], 1, rate)).toBeNull();
    expect(chunkProblem([new Float32Array(8001)], 1, rate)).toMatch(/at most 1 s/);
    expect(chunkProblem([new Float32Array(10)], 2, rate)).toMatch(/expected 2 channels/);
    expect(chunkProblem([new Float32Array(10), new Float32Array(9)], 2, rate)).toMatch(/same length/);
    expect(chunkProblem([new Float32Array(0)], 1, rate)).toMatch(/empty/);
  });

  it('takes the trend figures from the agent, when there is one', () => {
    expect(agentFiguresOf(null)).toBeUndefined();
    const summary = { speechSec: 10, talkShare: 0.4, meanF0Hz: 120, pitchSdSemitones: 2.5, syllables: 50, speechRate: 4, articulationRate: 5 };
    const speaker = { frames: { hopSec: 0.01, startSec: 0, f0Hz: [], levelDb: [] }, speech: [], summary, tone: [] };
    expect(agentFiguresOf({ schema: 'luister-report/1', durationSec: 10, sampleRate: 8000, speakers: { agent: speaker }, events: [] })).toEqual({
      talkShare: 0.4,
      pitchSdSemitones: 2.5,
      articulationRate: 5,
    });
  });
});

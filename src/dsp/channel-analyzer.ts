import {
  FRAMES_PER_SEC,
  HOP_SEC,
  LEVEL_FLOOR_DB,
  MAX_SAMPLE_RATE,
  MIN_SAMPLE_RATE,
  mergeSettings,
  type CoreSettings,
  type DeepPartial,
} from './config.ts';
import type { CoreOutput } from './core-output.ts';
import { Decimator, decimationFactorFor } from './decimator.ts';
import { FrameField } from './frame-layout.ts';
import { NoiseFloor } from './noise-floor.ts';
import { YinPitchDetector, integrationWindowSec, type PitchEstimate } from './pitch.ts';
import { SpectralAnalyzer, spectralSizeFor, type SpectralFeatures } from './spectral.ts';
import { SyllableNucleusDetector } from './syllables.ts';
import { VoiceActivityDetector } from './vad.ts';
import { LowRateStream, lowRateDelay } from './low-rate-stream.ts';
import { ZeroCrossingStream } from './zero-crossings.ts';

export interface ChannelAnalyzerOptions {
  /** Largest block `process` will be given; sizes the scratch buffers. */
  maxBlock?: number;
  /** Overrides of the defaults, applied in order (e.g. the call's, then the speaker's own). */
  settings?: DeepPartial<CoreSettings> | DeepPartial<CoreSettings>[];
}

/**
 * The streaming analysis of one voice channel, the single DSP core that every host runs.
 *
 * Built for one input rate; decimates to about 16 kHz; emits a frame every 10 ms, frame i centred
 * at exactly i·10 ms of input (the decimator's delay is compensated, fractional hops are rounded
 * per frame so nothing drifts). Feeding the same samples in any block sizes gives the same
 * numbers. Nothing is allocated after construction.
 */
export class ChannelAnalyzer {
  readonly sampleRate: number;
  readonly analysisRate: number;
  readonly maxBlock: number;
  readonly settings: CoreSettings;
  /**
   * Most frames one `process` call of `maxBlock` samples, or one `finish` call, can emit: size a
   * CoreOutput with it.
   */
  readonly maxFramesPerBlock: number;

  private readonly decimator: Decimator;
  private readonly pitch: YinPitchDetector;
  /** The signal at half the analysis rate for pitch when the analysis runs near 16 kHz; else null. */
  private readonly pitchStream: LowRateStream | null;
  private readonly spectral: SpectralAnalyzer;
  private readonly noiseFloor: NoiseFloor;
  private readonly highBandFloor: NoiseFloor;
  private readonly bandFloor: NoiseFloor;
  private readonly vad: VoiceActivityDetector;
  private readonly syllables: SyllableNucleusDetector;
  private readonly decimated: Float64Array;
  private readonly zeros: Float64Array;

  /** Newest `span` analysis samples, written twice so the window is one contiguous run. */
  private readonly ring: Float64Array;
  /** Zero crossings of the analysis signal, in step with `ring`. */
  private readonly crossings: ZeroCrossingStream;
  private readonly span: number;
  /** Centre offset of the frame window within `span`. */
  private readonly before: number;
  private ringPos = 0;
  private produced = 0;
  private inputSamples = 0;
  private nextFrame = 0;
  private nextFrameReadyAt = 0;

  private readonly pitchStart: number;
  private readonly spectralStart: number;
  private readonly levelStart: number;
  private readonly levelLength: number;
  /** From the samples produced when a frame is due to its first pitch-rate sample's centre. */
  private readonly pitchFirstOffset: number;
  private readonly pitchResult: PitchEstimate = { f0Hz: 0, voicing: 0 };
  private readonly spectralResult: SpectralFeatures = {
    centroidHz: 0,
    spreadHz: 0,
    flatness: 0,
    rolloffHz: 0,
    bandDb: 0,
    highBandDb: 0,
  };

  constructor(sampleRate: number, options: ChannelAnalyzerOptions = {}) {
    if (!Number.isFinite(sampleRate) || sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
      throw new RangeError(`sample rate ${sampleRate} Hz is outside ${MIN_SAMPLE_RATE}–${MAX_SAMPLE_RATE} Hz`);
    }
    this.sampleRate = sampleRate;
    this.settings = Array.isArray(options.settings) ? mergeSettings(...options.settings) : mergeSettings(options.settings);
    this.maxBlock = options.maxBlock ?? 8192;
    const factor = decimationFactorFor(sampleRate);
    this.analysisRate = sampleRate / factor;
    this.decimator = new Decimator(factor);
    this.decimated = new Float64Array(Math.ceil(this.maxBlock / factor) + 1);
    this.zeros = new Float64Array(this.maxBlock);

    const s = this.settings;
    // Pitch at about 8 kHz: a 512-point FFT instead of 1024, the largest cost of a frame. Not
    // lower: at 5.3 kHz (a 256-point FFT, 10-20 % faster overall) voices above 400 Hz without
    // their fundamental fell an octave on a fifth of their frames.
    const pitchFactor = this.analysisRate >= 14000 ? 2 : 1;
    this.pitch = new YinPitchDetector(this.analysisRate / pitchFactor, s.pitch);
    const pitchLength = this.pitch.frameLength;
    // Half-length of the pitch stream's low-pass, in analysis samples.
    const pitchFilterHalf = pitchFactor > 1 ? lowRateDelay(pitchFactor) : 0;
    // Analysis samples the pitch window depends on, and the one its centre falls on, from the first.
    const pitchInput = pitchFactor * (pitchLength - 1) + 2 * pitchFilterHalf + 1;
    const pitchCentre = pitchFactor * Math.floor(pitchLength / 2) + pitchFilterHalf;
    const spectralSize = spectralSizeFor(this.analysisRate);
    this.spectral = new SpectralAnalyzer(
      this.analysisRate,
      spectralSize,
      s.rolloffFraction,
      s.syllables.bandLowHz,
      Math.min(s.syllables.bandHighHz, this.analysisRate * 0.45),
    );
    // Frames whose level or spectral window reaches before the first sample.
    // The level's window is the pitch detector's integration window (25 ms), at the analysis rate.
    this.levelLength = Math.ceil(this.analysisRate * integrationWindowSec(s.pitch));
    const partialFrames = Math.ceil(Math.max(spectralSize, this.levelLength) / 2 / (this.analysisRate / FRAMES_PER_SEC));
    this.noiseFloor = new NoiseFloor(FRAMES_PER_SEC, s.vad.floorMemorySec, s.vad.initialFloorDb, partialFrames);
    this.highBandFloor = new NoiseFloor(FRAMES_PER_SEC, s.vad.floorMemorySec, s.vad.initialFloorDb, partialFrames);
    this.bandFloor = new NoiseFloor(FRAMES_PER_SEC, s.vad.floorMemorySec, s.vad.initialFloorDb, partialFrames);
    this.vad = new VoiceActivityDetector(s.vad, this.noiseFloor.calibrationFrames);
    this.syllables = new SyllableNucleusDetector(s.syllables, HOP_SEC);

    this.before = Math.max(pitchCentre, pitchInput - pitchCentre, Math.ceil(spectralSize / 2));
    this.span = 2 * this.before + 1;
    this.ring = new Float64Array(2 * this.span);
    this.crossings = new ZeroCrossingStream(this.span);
    this.pitchStart = this.before - pitchCentre;
    this.spectralStart = this.before - spectralSize / 2;
    this.levelStart = this.before - Math.floor(this.levelLength / 2);
    this.pitchFirstOffset = this.pitchStart + pitchFilterHalf - this.span;

    const hopInput = sampleRate / FRAMES_PER_SEC;
    // `finish` flushes the frames still waiting for their window's second half: one latency's worth.
    const pendingAtFinish = Math.ceil(this.latencySec * FRAMES_PER_SEC) + 1;
    this.maxFramesPerBlock = Math.max(Math.ceil(this.maxBlock / hopInput) + 1, pendingAtFinish);
    this.nextFrameReadyAt = this.readyAt(0);
    if (pitchFactor > 1) {
      this.pitchStream = new LowRateStream(pitchFactor, pitchLength, this.span + pitchFactor);
    } else {
      this.pitchStream = null;
    }
  }

  /** Total latency from a sample's arrival to the frame centred on it, in seconds. */
  get latencySec(): number {
    return (this.span - this.before + this.decimator.delayOutput) / this.analysisRate;
  }

  /** Frames emitted so far. */
  get frameIndex(): number {
    return this.nextFrame;
  }

  /** True while the voice activity detector is inside a speech segment. */
  get speaking(): boolean {
    return this.vad.speaking;
  }

  /** Analyses `input[start..end)`; frames and events are appended to `out`. */
  process(input: ArrayLike<number>, start: number, end: number, out: CoreOutput): void {
    if (end - start > this.maxBlock) blockTooLarge(end - start, this.maxBlock);
    this.inputSamples += end - start;
    const count = this.decimator.process(input, start, end, this.decimated);
    for (let i = 0; i < count; i++) this.pushAnalysisSample(this.decimated[i], out);
  }

  /**
   * Ends the stream: pads with silence until every frame whose centre lies inside the input has
   * been emitted, and closes an open speech segment.
   */
  finish(out: CoreOutput): void {
    const totalFrames = Math.ceil((this.inputSamples * FRAMES_PER_SEC) / this.sampleRate);
    const padBlock = Math.min(this.maxBlock, Math.ceil(this.sampleRate / FRAMES_PER_SEC));
    while (this.nextFrame < totalFrames) {
      // The padding runs through the decimator too, so its filter tail reaches the last frames.
      const count = this.decimator.process(this.zeros, 0, padBlock, this.decimated);
      for (let i = 0; i < count && this.nextFrame < totalFrames; i++) this.pushAnalysisSample(this.decimated[i], out);
    }
    this.vad.finish(this.noiseFloor.value(), this.highBandFloor.value(), this.bandFloor.value(), out);
  }

  private pushAnalysisSample(x: number, out: CoreOutput): void {
    const span = this.span;
    this.ring[this.ringPos] = x;
    this.ring[this.ringPos + span] = x;
    this.crossings.push(x, this.ringPos);
    this.pitchStream?.push(this.ring, this.ringPos + span);
    this.ringPos = this.ringPos + 1 === span ? 0 : this.ringPos + 1;
    this.produced++;
    if (this.produced === this.nextFrameReadyAt) {
      this.emitFrame(out);
      this.nextFrame++;
      this.nextFrameReadyAt = this.readyAt(this.nextFrame);
    }
  }

  /** Analysis samples needed before frame i's window (centred on i·10 ms of input) is complete. */
  private readyAt(frame: number): number {
    const centre = Math.round((frame * this.analysisRate) / FRAMES_PER_SEC) + this.decimator.delayOutput;
    return centre - this.before + this.span;
  }

  private emitFrame(out: CoreOutput): void {
    // After the write, ringPos points at the oldest sample: the window is ring[ringPos .. +span).
    const base = this.ringPos;
    const ring = this.ring;
    this.spectral.analyze(ring, base + this.spectralStart, this.spectralResult);
    let sumSquares = 0;
    const levelFrom = base + this.levelStart;
    for (let j = 0; j < this.levelLength; j++) sumSquares += ring[levelFrom + j] * ring[levelFrom + j];
    const meanSquare = sumSquares / this.levelLength;
    // One expression that is always a double: a branch yielding the integer LEVEL_FLOOR_DB made V8
    // keep levelDb as a generic number, boxed once a frame. The 1e-30 keeps log10(0) finite and is
    // below a double's precision for any level above the floor.
    const levelDb = Math.max(LEVEL_FLOOR_DB, 10 * Math.log10(meanSquare + 1e-30));

    // The frame record is written first: the stages below read and write it in place.
    const at = out.claimFrame(this.nextFrame);
    const frames = out.frames;
    const spectral = this.spectralResult;
    frames[at + FrameField.levelDb] = levelDb;
    frames[at + FrameField.centroidHz] = spectral.centroidHz;
    frames[at + FrameField.spreadHz] = spectral.spreadHz;
    frames[at + FrameField.flatness] = spectral.flatness;
    frames[at + FrameField.rolloffHz] = spectral.rolloffHz;
    const spectralSize = this.spectral.size;
    frames[at + FrameField.zcrHz] = (this.crossings.within(base + this.spectralStart, spectralSize) * this.analysisRate) / spectralSize;
    frames[at + FrameField.bandDb] = spectral.bandDb;
    frames[at + FrameField.highBandDb] = spectral.highBandDb;
    this.noiseFloor.update(frames, at + FrameField.levelDb, at + FrameField.floorDb);
    this.highBandFloor.update(frames, at + FrameField.highBandDb, at + FrameField.highFloorDb);
    this.bandFloor.update(frames, at + FrameField.bandDb, at + FrameField.bandFloorDb);

    // Pitch only where the channel stands clear of its floor: periodic hum is not a voice, so a
    // pitch below that would be dropped anyway. Skipping it there saves the frame's largest cost
    // in every pause.
    const pitch = this.pitchResult;
    if (levelDb > frames[at + FrameField.floorDb] + this.settings.vad.voicedOnsetDb) {
      const pitchStream = this.pitchStream;
      if (pitchStream) {
        // The stream's sample grid is `factor` analysis samples apart: the window starts on the
        // grid point at or before its exact start, at most 0.2 ms early.
        const first = pitchStream.alignDown(this.produced + this.pitchFirstOffset);
        this.pitch.estimate(pitchStream.ring, pitchStream.startFor(first), pitch);
      } else {
        this.pitch.estimate(ring, base + this.pitchStart, pitch);
      }
    } else {
      pitch.f0Hz = 0;
      pitch.voicing = 0;
    }
    const voiced = pitch.f0Hz > 0;
    frames[at + FrameField.f0Hz] = pitch.f0Hz;
    frames[at + FrameField.voicing] = pitch.voicing;

    this.vad.push(frames, at, this.nextFrame, voiced, this.noiseFloor.calibrated, out);
    this.syllables.push(frames, at, voiced, out);
  }
}

/** Kept out of `process` so the hot path holds no allocation, even on its error branch. */
function blockTooLarge(length: number, maxBlock: number): never {
  throw new RangeError(`block of ${length} samples exceeds maxBlock ${maxBlock}`);
}

import type { SpeakerTrack } from '../analysis/speaker-track.ts';
import { FRAMES_PER_SEC, HOP_SEC, type DeepPartial } from '../dsp/config.ts';
import { TypedEmitter } from '../live/emitter.ts';
import type { SpeakerRole } from '../report/report-types.ts';
import { AgitationTracker } from './agitation.ts';
import type { CalibratedEvent, CoachEvent, CoachEventMap, CoachSink, OngoingEvent, ToneState, VoiceBaseline } from './coach-events.ts';
import { FloorTracker, type TurnStats } from './floor.ts';
import { GapTracker } from './gaps.ts';
import { mergeNorms, type CoachNorms } from './norms.ts';
import { OverlapTracker } from './overlaps.ts';
import { SighDetector } from './sighs.ts';
import { SpeakerActivity } from './speaker-activity.ts';
import { frameOf, SpeechCursor } from './speech-cursor.ts';
import { ToneTracker } from './tone.ts';
import { updateProfile, type VoiceProfile } from './voice-profile.ts';

export interface CoachOptions {
  /** Overrides of the norms (src/coach/norms.ts), e.g. a team's own silence threshold. */
  norms?: DeepPartial<CoachNorms>;
  /** The agent's stored profile: their tone is judged against it from the start of the call. */
  agentProfile?: VoiceProfile;
}

/** A speaker and the track the core fills for them (as RecordingAnalyzer.tracks() gives them). */
export interface CoachTrack {
  role: SpeakerRole;
  track: SpeakerTrack;
}

/** Everything the coach found, for the report and for tests. */
export interface CoachResult {
  events: CoachEvent[];
  tone: ToneState[];
  baselines: Partial<Record<SpeakerRole, VoiceBaseline>>;
  turns: Partial<Record<SpeakerRole, TurnStats>>;
  /** Frames judged (the whole stream once finished). */
  frames: number;
  /** Core decisions that came later than the coach's delay (0 means live equals offline). */
  lateDecisions: number;
}

interface Lane {
  role: SpeakerRole;
  activity: SpeakerActivity;
  cursor: SpeechCursor;
  /** Syllable nuclei of this track taken so far. */
  syllablesTaken: number;
  tone: ToneTracker | null;
  agitation: AgitationTracker | null;
  sighs: SighDetector | null;
}

/**
 * The coach: turns what the core measured into what an active-listening coach would point at,
 * live and for a recording, with one implementation.
 *
 * It judges the call frame by frame, `decisionDelaySec` behind the newest frame every channel has,
 * so that nothing it has judged can change when more audio arrives. `advance` judges as far as the
 * tracks allow and can be called as often as convenient (every batch, every second); `finish` ends
 * the stream. Offline is the same processor given the finished tracks at once, so for the same
 * audio it gives exactly the same events, in the same order, with the same decision times.
 *
 * Per speaker: pauses (and for two speakers silences, dead air, overlaps, interruptions,
 * backchannels and turn-taking); for the agent their tone; for the customer sighs and agitation.
 */
export class CallCoach extends TypedEmitter<CoachEventMap> implements CoachSink {
  readonly norms: CoachNorms;
  private readonly lanes: Lane[];
  private readonly gaps: GapTracker;
  private readonly floor: FloorTracker | null;
  private readonly overlaps: OverlapTracker | null;
  private readonly delayFrames: number;
  private readonly profile: VoiceProfile | undefined;
  private tracks: readonly CoachTrack[] = [];
  private next = 0;
  private finished = false;
  private lateSyllables = 0;
  private readonly events: CoachEvent[] = [];
  private readonly toneStates: ToneState[] = [];
  private readonly baselines: Partial<Record<SpeakerRole, VoiceBaseline>> = {};

  constructor(roles: readonly SpeakerRole[], options: CoachOptions = {}) {
    super();
    if (roles.length < 1 || roles.length > 2 || new Set(roles).size !== roles.length) {
      throw new RangeError(`the coach takes one or two different speakers, got ${roles.join(', ')}`);
    }
    this.norms = mergeNorms(options.norms);
    this.profile = options.agentProfile;
    this.delayFrames = Math.round(this.norms.timing.decisionDelaySec * FRAMES_PER_SEC);
    const toneSink = { tone: (s: ToneState) => this.tone(s), calibrated: (e: CalibratedEvent) => this.calibrated(e) };
    this.lanes = roles.map((role) => ({
      role,
      activity: new SpeakerActivity(role),
      cursor: new SpeechCursor(),
      syllablesTaken: 0,
      tone: role === 'agent' ? new ToneTracker(role, this.norms.tone, this.profile, toneSink) : null,
      agitation: role === 'customer' ? new AgitationTracker(role, this.norms.agitation, this, toneSink.calibrated) : null,
      sighs: role === 'customer' ? new SighDetector(role, this.norms.sigh, this) : null,
    }));
    const speakers = this.lanes.map((l) => l.activity);
    this.gaps = new GapTracker(this.norms.turns, speakers, this);
    this.floor = speakers.length === 2 ? new FloorTracker(speakers) : null;
    this.overlaps = this.floor ? new OverlapTracker(this.norms.turns, speakers, this.floor, this) : null;
  }

  /** Frames judged so far. */
  get framesJudged(): number {
    return this.next;
  }

  /**
   * Judges every frame that all tracks hold, less the decision delay. `framesAvailable` can hold
   * the judging back further (e.g. to what has been played out).
   */
  advance(tracks: readonly CoachTrack[], framesAvailable = Infinity): void {
    if (this.finished) throw new Error('the coach has finished; start a new one for a new call');
    this.tracks = tracks;
    const available = Math.min(framesAvailable, this.framesHeld());
    for (; this.next < available - this.delayFrames; this.next++) this.step(this.next, (this.next + this.delayFrames) * HOP_SEC);
  }

  /** Ends the stream: judges the last frames with the tracks as they are now (finished). */
  finish(tracks: readonly CoachTrack[] = this.tracks): CoachResult {
    if (!this.finished) {
      this.tracks = tracks;
      const total = this.framesHeld();
      const now = Math.max(0, total - 1) * HOP_SEC;
      for (; this.next < total; this.next++) this.step(this.next, now);
      this.overlaps?.finish(now);
      this.floor?.finish();
      for (const lane of this.lanes) {
        lane.agitation?.finish(now);
        const track = this.trackOf(lane);
        if (track) lane.sighs?.finish(track, now);
      }
      this.finished = true;
    }
    return this.result();
  }

  /** What has been found so far; events in order of their start. */
  result(): CoachResult {
    const turns: CoachResult['turns'] = {};
    if (this.floor) for (const role of Object.keys(this.floor.stats) as SpeakerRole[]) turns[role] = structuredClone(this.floor.stats[role]);
    return {
      events: [...this.events].sort((a, b) => a.start - b.start || a.end - b.end),
      tone: [...this.toneStates],
      baselines: { ...this.baselines },
      turns,
      frames: this.next,
      lateDecisions: this.lanes.reduce((sum, l) => sum + l.cursor.lateDecisions, this.lateSyllables),
    };
  }

  /** The agent's profile updated with this call (the given one unchanged before calibration). */
  updatedProfile(): VoiceProfile | undefined {
    const baseline = this.baselines.agent;
    return baseline ? updateProfile(this.profile, baseline) : this.profile;
  }

  event(event: CoachEvent): void {
    this.events.push(event);
    this.emit('event', event);
  }

  ongoing(event: OngoingEvent): void {
    this.emit('ongoing', event);
  }

  private tone(state: ToneState): void {
    this.toneStates.push(state);
    this.emit('tone', state);
  }

  private calibrated(event: CalibratedEvent): void {
    this.baselines[event.role] = event.baseline;
    this.emit('calibrated', event);
  }

  private framesHeld(): number {
    let held = Infinity;
    for (const lane of this.lanes) held = Math.min(held, this.trackOf(lane)?.frameCount ?? 0);
    return held;
  }

  private trackOf(lane: Lane): SpeakerTrack | undefined {
    return this.tracks.find((t) => t.role === lane.role)?.track;
  }

  private step(frame: number, now: number): void {
    const tracks = this.lanes.map((lane) => this.trackOf(lane));
    this.lanes.forEach((lane, i) => {
      const track = tracks[i];
      lane.activity.update(frame, track ? lane.cursor.isSpeech(track, frame) : false);
    });
    this.gaps.step(frame, now);
    this.overlaps?.step(frame, now);
    const time = frame * HOP_SEC;
    this.lanes.forEach((lane, i) => {
      const track = tracks[i];
      if (!track) return;
      const syllables = this.takeSyllables(lane, track, frame);
      if (lane.activity.speaking) {
        const f0 = track.fields.f0Hz.get(frame);
        const level = track.fields.levelDb.get(frame);
        const pause = this.gaps.pauseEnded[i];
        lane.tone?.pushSpeech(time, f0, level, pause, syllables, now);
        lane.agitation?.pushSpeech(time, f0, level, pause, syllables, now);
      }
      lane.sighs?.step(track, frame, now);
    });
  }

  /** Syllable nuclei at `frame`; any left from earlier frames came later than the delay. */
  private takeSyllables(lane: Lane, track: SpeakerTrack, frame: number): number {
    const times = track.syllableTimes;
    let count = 0;
    while (lane.syllablesTaken < times.length) {
      const at = frameOf(times[lane.syllablesTaken]);
      if (at > frame) break;
      if (at < frame) this.lateSyllables++;
      else count++;
      lane.syllablesTaken++;
    }
    return count;
  }
}

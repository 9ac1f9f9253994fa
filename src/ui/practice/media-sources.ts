/**
 * Opening what the call listens to: the agent's microphone and, optionally, a customer source
 * (a second input device, a shared tab's audio, or a scenario recording), and turning the
 * browser's errors into messages the agent can act on.
 */
import { pnote, type PracticeNote } from './practice-text.ts';

/**
 * The browser's voice processing. All off by default: echo cancellation, noise suppression and
 * automatic gain change level, pitch and pauses, so with them on the measurements describe the
 * processing as much as the voice.
 */
export interface ProcessingSettings {
  echoCancellation: boolean;
  noiseSuppression: boolean;
  autoGainControl: boolean;
}

export const HONEST_PROCESSING: Readonly<ProcessingSettings> = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };

export type CustomerChoice =
  | { kind: 'none' }
  | { kind: 'device'; deviceId: string }
  | { kind: 'tab' }
  | { kind: 'file'; file: File | null }
  | { kind: 'sample'; url: string };

export type CustomerKind = CustomerChoice['kind'];
export const CUSTOMER_KINDS: readonly CustomerKind[] = ['none', 'device', 'tab', 'file', 'sample'];

/** A customer source once opened: live tracks, or an encoded recording still to be decoded. */
export type OpenedCustomer =
  | { kind: 'stream'; stream: MediaStream; source: 'device' | 'tab' }
  | { kind: 'recording'; data: ArrayBuffer };

/** A failure with a message for the agent; `cause` keeps the browser's error for the console. */
export class PracticeProblem extends Error {
  override readonly name = 'PracticeProblem';
  readonly note: PracticeNote;

  constructor(note: PracticeNote, options?: { cause?: unknown }) {
    super(note.key, options);
    this.note = note;
  }
}

export interface InputDevice {
  deviceId: string;
  /** Empty until the page has microphone permission. */
  label: string;
}

/** The audio inputs the browser lists; names are empty before permission is granted. */
export async function listInputDevices(): Promise<InputDevice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'audioinput' && d.deviceId !== '' && d.deviceId !== 'default' && d.deviceId !== 'communications')
    .map((d) => ({ deviceId: d.deviceId, label: d.label }));
}

export function audioConstraints(deviceId: string, processing: ProcessingSettings): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    echoCancellation: processing.echoCancellation,
    noiseSuppression: processing.noiseSuppression,
    autoGainControl: processing.autoGainControl,
    channelCount: { ideal: 1 },
  };
}

export function mediaSupported(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === 'function' && typeof AudioWorkletNode === 'function';
}

/** Opens the agent's microphone; rejects with a PracticeProblem. */
export async function openMicrophone(deviceId: string, processing: ProcessingSettings): Promise<MediaStream> {
  if (!mediaSupported()) throw new PracticeProblem(pnote('practiceCall.error.unsupported'));
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: audioConstraints(deviceId, processing), video: false });
  } catch (error) {
    throw new PracticeProblem(describeMediaError(error, 'microphone'), { cause: error });
  }
}

/** Opens the customer source (asking for a tab or device where needed); null for none. */
export async function openCustomer(choice: CustomerChoice, processing: ProcessingSettings, microphoneId: string): Promise<OpenedCustomer | null> {
  switch (choice.kind) {
    case 'none':
      return null;
    case 'device': {
      // The same device twice would analyse the agent as the customer as well.
      if (choice.deviceId === '' || choice.deviceId === microphoneId) throw new PracticeProblem(pnote('practiceCall.error.sameDevice'));
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ audio: audioConstraints(choice.deviceId, processing), video: false });
        return { kind: 'stream', stream, source: 'device' };
      } catch (error) {
        throw new PracticeProblem(describeMediaError(error, 'device'), { cause: error });
      }
    }
    case 'tab':
      return { kind: 'stream', stream: await openTabAudio(), source: 'tab' };
    case 'file': {
      if (!choice.file) throw new PracticeProblem(pnote('practiceCall.error.noFile'));
      try {
        return { kind: 'recording', data: await choice.file.arrayBuffer() };
      } catch (error) {
        throw new PracticeProblem(pnote('practiceCall.error.file', { detail: messageOf(error) }), { cause: error });
      }
    }
    case 'sample': {
      try {
        const response = await fetch(choice.url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return { kind: 'recording', data: await response.arrayBuffer() };
      } catch (error) {
        throw new PracticeProblem(pnote('practiceCall.error.file', { detail: messageOf(error) }), { cause: error });
      }
    }
  }
}

/**
 * A shared tab's audio. Browsers only offer tab audio together with video, so video is asked for
 * and kept (stopping it can end the whole capture in some browsers); only the audio is analysed.
 */
async function openTabAudio(): Promise<MediaStream> {
  if (typeof navigator.mediaDevices?.getDisplayMedia !== 'function') throw new PracticeProblem(pnote('practiceCall.error.unsupported'));
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getDisplayMedia({ audio: true, video: true });
  } catch (error) {
    throw new PracticeProblem(describeMediaError(error, 'tab'), { cause: error });
  }
  if (stream.getAudioTracks().length === 0) {
    stopStream(stream);
    throw new PracticeProblem(pnote('practiceCall.error.tabNoAudio'));
  }
  return stream;
}

/** The message for a getUserMedia / getDisplayMedia failure. */
export function describeMediaError(error: unknown, source: 'microphone' | 'device' | 'tab'): PracticeNote {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      // Cancelling the tab picker is reported as a refusal too.
      return source === 'tab' ? pnote('practiceCall.error.tabCancelled') : pnote('practiceCall.error.permission');
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return source === 'tab' ? pnote('practiceCall.error.tabNoAudio') : pnote('practiceCall.error.noDevice');
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return pnote('practiceCall.error.deviceGone');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return pnote('practiceCall.error.busy');
    case 'SecurityError':
    case 'NotSupportedError':
      return pnote('practiceCall.error.unsupported');
    default:
      return pnote('practiceCall.error.engine', { detail: messageOf(error) });
  }
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export function messageOf(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return error.message || error.name;
  return String(error);
}

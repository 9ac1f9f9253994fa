/**
 * The audio side of one practice call: an AudioContext, the sources, the analysis worklet (via
 * src/live) and the recorder worklet on the same two channels, agent and customer.
 *
 *   microphone ─ agent input ─┐                         ┌─ analysis worklet ─┐
 *                             ├─ merger (0 agent, 1 customer) ─┤                    ├─ muted gain ─ destination
 *   customer ─────────────────┘                         └─ recorder worklet ─┘
 *   (scenario recording also ─ destination, so the agent hears it)
 *
 * The context is held suspended while the graph is built, so both worklets see the first sample
 * of the call in the same render quantum: recording and measurements share one clock.
 *
 * The agent input is a unity gain that stays for the whole call: switching microphones mid-call
 * only moves the connection into it, so the worklets, the recording and the clock run on
 * without a break.
 */
import { startLiveAnalysis, type LiveAnalysis } from '../../live/analysis-node.ts';
import type { LiveGraph } from '../../live/live-graph.ts';
import type { SpeakerRole } from '../../report/report-types.ts';
import { messageOf, PracticeProblem, stopStream, type OpenedCustomer } from './media-sources.ts';
import { pnote } from './practice-text.ts';
import { loadRecorderWorklet, RecorderNode } from './recorder-node.ts';

/** How long to wait for the worklets to hand over their last frames and samples at the end, ms. */
const DRAIN_TIMEOUT_MS = 2000;
/** How long `run` waits for the context to start before reporting it suspended, ms. */
const RESUME_TIMEOUT_MS = 1500;

export interface CallEngineInput {
  microphone: MediaStream;
  customer: OpenedCustomer | null;
}

export interface CallEngine {
  readonly ctx: AudioContext;
  readonly analysis: LiveAnalysis;
  readonly recorder: RecorderNode;
  readonly roles: readonly SpeakerRole[];
  /** The agent's microphone now (replaced by `replaceMicrophone`). */
  readonly microphone: MediaStream;
  /** The customer's live stream (device or tab), null for a recording or no customer. */
  readonly customerStream: MediaStream | null;
  /** Starts the call: the context runs and a scenario recording starts playing. */
  run(): Promise<void>;
  /**
   * Feeds the call from `stream` instead of the current microphone, in one step, and stops the old
   * microphone's tracks. The new stream is the engine's from now on (closed with it).
   */
  replaceMicrophone(stream: MediaStream): void;
  /** Lets both worklets hand over what they still hold; they stop afterwards. */
  drain(): Promise<void>;
  /** Undoes everything: connections, playback, media tracks, the context. Safe to call twice. */
  close(): Promise<void>;
}

/** Builds the call's audio graph; on failure, closes what it made (the streams stay the caller's). */
export async function startCallEngine(input: CallEngineInput): Promise<CallEngine> {
  const ctx = new AudioContext({ latencyHint: 'interactive' });
  try {
    if (ctx.state === 'running') await ctx.suspend();
    const agentNode = ctx.createMediaStreamSource(input.microphone);
    const agentInput = new GainNode(ctx);
    agentNode.connect(agentInput);
    const customer = input.customer ? await customerNode(ctx, input.customer) : null;
    const [graph] = await Promise.all([startLiveAnalysis(ctx, agentInput, customer?.node), loadRecorderWorklet(ctx)]);
    const recorder = new RecorderNode(ctx, graph.analysis.roles.length);
    (graph.merger ?? agentInput).connect(recorder.node);
    recorder.node.connect(graph.sink);
    return new Engine(ctx, graph, recorder, input, { node: agentNode, input: agentInput }, customer);
  } catch (error) {
    void ctx.close().catch(() => undefined);
    if (error instanceof PracticeProblem) throw error;
    throw new PracticeProblem(pnote('practiceCall.error.engine', { detail: messageOf(error) }), { cause: error });
  }
}

/** The microphone's source node and the call-long node it feeds. */
interface AgentNodes {
  node: MediaStreamAudioSourceNode;
  input: GainNode;
}

interface CustomerNode {
  node: AudioNode;
  playback: AudioBufferSourceNode | null;
}

async function customerNode(ctx: AudioContext, customer: OpenedCustomer): Promise<CustomerNode> {
  if (customer.kind === 'stream') return { node: ctx.createMediaStreamSource(customer.stream), playback: null };
  let decoded: AudioBuffer;
  try {
    decoded = await ctx.decodeAudioData(customer.data);
  } catch (error) {
    throw new PracticeProblem(pnote('practiceCall.error.file', { detail: messageOf(error) }), { cause: error });
  }
  // A stereo recording follows the project's convention (agent left, customer right): the
  // customer is channel 1. A mono recording is all customer.
  const channel = decoded.numberOfChannels >= 2 ? 1 : 0;
  const mono = new AudioBuffer({ length: decoded.length, sampleRate: decoded.sampleRate, numberOfChannels: 1 });
  mono.copyToChannel(decoded.getChannelData(channel), 0);
  const playback = new AudioBufferSourceNode(ctx, { buffer: mono });
  const gain = new GainNode(ctx);
  playback.connect(gain);
  // The agent hears the customer; the analysis and the recorder take the same signal.
  gain.connect(ctx.destination);
  return { node: gain, playback };
}

class Engine implements CallEngine {
  readonly ctx: AudioContext;
  readonly analysis: LiveAnalysis;
  readonly recorder: RecorderNode;
  readonly roles: readonly SpeakerRole[];
  microphone: MediaStream;
  readonly customerStream: MediaStream | null;
  private readonly graph: LiveGraph<LiveAnalysis>;
  private readonly agent: AgentNodes;
  private readonly customer: CustomerNode | null;
  private closed = false;

  constructor(
    ctx: AudioContext,
    graph: LiveGraph<LiveAnalysis>,
    recorder: RecorderNode,
    input: CallEngineInput,
    agent: AgentNodes,
    customer: CustomerNode | null,
  ) {
    this.ctx = ctx;
    this.graph = graph;
    this.analysis = graph.analysis;
    this.recorder = recorder;
    this.roles = graph.analysis.roles;
    this.microphone = input.microphone;
    this.customerStream = input.customer?.kind === 'stream' ? input.customer.stream : null;
    this.agent = agent;
    this.customer = customer;
  }

  replaceMicrophone(stream: MediaStream): void {
    if (this.closed) {
      stopStream(stream);
      return;
    }
    const next = this.ctx.createMediaStreamSource(stream);
    // Connect first: for the quantum in between both feed the input, rather than neither.
    next.connect(this.agent.input);
    this.agent.node.disconnect();
    stopStream(this.microphone);
    this.agent.node = next;
    this.microphone = stream;
  }

  async run(): Promise<void> {
    this.customer?.playback?.start();
    // A context the browser will not start yet (autoplay policy) leaves resume() pending: the
    // caller sees the state and offers a button instead of waiting here.
    await Promise.race([this.ctx.resume(), delay(RESUME_TIMEOUT_MS)]);
  }

  async drain(): Promise<void> {
    await Promise.all([
      // `stop` rejects when the processor failed; whatever arrived before is kept in the tracks.
      Promise.race([this.analysis.stop().catch(() => undefined), delay(DRAIN_TIMEOUT_MS)]),
      this.recorder.flush(DRAIN_TIMEOUT_MS),
    ]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.recorder.dispose();
    this.graph.disconnect();
    this.agent.node.disconnect();
    this.agent.input.disconnect();
    if (this.customer) {
      this.customer.node.disconnect();
      try {
        this.customer.playback?.stop();
      } catch {
        // Never started (the call ended during set-up).
      }
    }
    // Releasing the tracks is what turns the browser's recording indicator off.
    stopStream(this.microphone);
    stopStream(this.customerStream);
    if (this.ctx.state !== 'closed') await this.ctx.close();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

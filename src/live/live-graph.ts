import type { SpeakerRole } from '../report/report-types.ts';

/**
 * How the analysis node's one input is set up. Mono: one channel, and a stereo source is
 * down-mixed ('speakers'). Agent + customer: exactly two channels, kept apart ('discrete').
 * Channel c carries `roles[c]`.
 */
export interface AnalysisInput {
  roles: SpeakerRole[];
  channelCount: number;
  channelCountMode: ChannelCountMode;
  channelInterpretation: ChannelInterpretation;
}

/** Whatever analyses the input; the graph only needs its node. */
export interface AnalysisTarget {
  readonly node: AudioNode;
}

/** Makes the analysis for an input layout; injectable so the wiring can be tested without a worklet. */
export type AnalysisFactory<T extends AnalysisTarget> = (ctx: BaseAudioContext, input: AnalysisInput) => T;

export interface LiveGraph<T extends AnalysisTarget> {
  analysis: T;
  /** Puts agent and customer on channels 0 and 1; null for a mono analysis. */
  merger: ChannelMergerNode | null;
  /** Silent path to the destination: a node nothing pulls may never be processed. */
  sink: GainNode;
  /** Undoes every connection this graph made (the sources' other connections stay). */
  disconnect(): void;
}

/** The input layout for an agent source and, when there is one, a customer source. */
export function analysisInputFor(hasCustomer: boolean): AnalysisInput {
  return hasCustomer
    ? { roles: ['agent', 'customer'], channelCount: 2, channelCountMode: 'explicit', channelInterpretation: 'discrete' }
    : { roles: ['agent'], channelCount: 1, channelCountMode: 'explicit', channelInterpretation: 'speakers' };
}

/**
 * Wires sources → (ChannelMerger when there are two) → analysis node → muted gain → destination.
 * Each merger input takes one channel, so a stereo source feeding it is down-mixed to mono first.
 */
export function buildLiveGraph<T extends AnalysisTarget>(
  ctx: BaseAudioContext,
  agentSource: AudioNode,
  customerSource: AudioNode | undefined,
  createAnalysis: AnalysisFactory<T>,
): LiveGraph<T> {
  const analysis = createAnalysis(ctx, analysisInputFor(customerSource !== undefined));
  const sink = ctx.createGain();
  sink.gain.value = 0;
  analysis.node.connect(sink);
  sink.connect(ctx.destination);

  let merger: ChannelMergerNode | null = null;
  if (customerSource) {
    merger = ctx.createChannelMerger(2);
    agentSource.connect(merger, 0, 0);
    customerSource.connect(merger, 0, 1);
    merger.connect(analysis.node);
  } else {
    agentSource.connect(analysis.node);
  }

  const disconnect = (): void => {
    if (merger) {
      agentSource.disconnect(merger);
      customerSource?.disconnect(merger);
      merger.disconnect();
    } else {
      agentSource.disconnect(analysis.node);
    }
    analysis.node.disconnect();
    sink.disconnect();
  };
  return { analysis, merger, sink, disconnect };
}

/**
 * The live graph's wiring, checked on web-audio-test-api's mock Web Audio graph in Node. The mock
 * has no AudioWorkletNode, so the analysis factory is injected and returns a GainNode stand-in;
 * the graph is read back from the destination with the mock's toJSON().
 */
import WebAudioTestAPI from 'web-audio-test-api';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildLiveGraph, type AnalysisInput } from '../../src/live/live-graph.ts';

interface MockContext extends AudioContext {
  toJSON(): GraphJson;
}
/** A node as toJSON() shows it: a multi-input node lists its inputs per input index. */
interface GraphJson {
  name: string;
  inputs: GraphJson[] | GraphJson[][];
}

/** The graph upstream of `node` as nested names: "Name(input, …)"; per-index for a merger. */
function shape(node: GraphJson, label: Map<string, string> = new Map()): string {
  const name = label.get(node.name) ?? node.name;
  if (node.inputs.length === 0) return name;
  const perIndex = Array.isArray(node.inputs[0]);
  const inner = perIndex
    ? (node.inputs as GraphJson[][]).map((list, i) => `${i}:[${list.map((n) => shape(n, label)).join(',')}]`)
    : (node.inputs as GraphJson[]).map((n) => shape(n, label));
  return `${name}(${inner.join(' ')})`;
}

describe('buildLiveGraph', () => {
  let ctx: MockContext;
  let layouts: AnalysisInput[];

  /** Stands in for the worklet node: a GainNode set up as the layout asks. */
  const createAnalysis = (c: BaseAudioContext, input: AnalysisInput) => {
    layouts.push(input);
    const node = c.createGain();
    node.channelCount = input.channelCount;
    node.channelCountMode = input.channelCountMode;
    node.channelInterpretation = input.channelInterpretation;
    return { node };
  };

  beforeAll(() => {
    // Every current browser disconnects selectively (disconnect(destination)); so must the mock.
    WebAudioTestAPI.setState('AudioNode#disconnect', 'selective');
  });

  beforeEach(() => {
    ctx = new WebAudioTestAPI.AudioContext() as unknown as MockContext;
    layouts = [];
  });

  it('mono: agent → analysis → muted sink → destination, one down-mixed channel', () => {
    const agent = ctx.createOscillator();
    const graph = buildLiveGraph(ctx, agent, undefined, createAnalysis);

    expect(graph.merger).toBeNull();
    expect(layouts).toEqual([{ roles: ['agent'], channelCount: 1, channelCountMode: 'explicit', channelInterpretation: 'speakers' }]);
    expect(shape(ctx.toJSON())).toBe('AudioDestinationNode(GainNode(GainNode(OscillatorNode)))');
    expect(graph.sink.gain.value).toBe(0);
    expect(graph.analysis.node.channelCount).toBe(1);
  });

  it('agent and customer: merged onto channels 0 and 1 of one discrete two-channel input', () => {
    const agent = ctx.createOscillator();
    const customer = ctx.createBufferSource();
    const graph = buildLiveGraph(ctx, agent, customer, createAnalysis);

    expect(layouts).toEqual([{ roles: ['agent', 'customer'], channelCount: 2, channelCountMode: 'explicit', channelInterpretation: 'discrete' }]);
    expect(graph.merger?.numberOfInputs).toBe(2);
    // Agent on merger input 0, customer on input 1, in that order: the roles depend on it.
    expect(shape(ctx.toJSON())).toBe('AudioDestinationNode(GainNode(GainNode(ChannelMergerNode(0:[OscillatorNode] 1:[AudioBufferSourceNode]))))');
    expect(graph.analysis.node.channelInterpretation).toBe('discrete');
  });

  it.each([false, true])('disconnect undoes its own connections only (customer: %s)', (withCustomer) => {
    const agent = ctx.createOscillator();
    const customer = ctx.createBufferSource();
    // The app may also play a source out loud; that connection is not the graph's to remove.
    agent.connect(ctx.destination);
    const graph = buildLiveGraph(ctx, agent, withCustomer ? customer : undefined, createAnalysis);
    expect(shape(ctx.toJSON())).toContain('GainNode(GainNode(');
    graph.disconnect();

    expect(shape(ctx.toJSON())).toBe('AudioDestinationNode(OscillatorNode)');
  });
});

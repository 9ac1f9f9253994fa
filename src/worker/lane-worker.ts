/**
 * Module Worker started by the file Worker: analyses the second speaker's channel on another core
 * while the file Worker decodes and analyses the first (see split-analysis.ts).
 */
import type { LaneRequest, LaneResponse } from './lane-messages.ts';
import { LaneProcessor } from './lane-processor.ts';

let lane: LaneProcessor | null = null;

function post(message: LaneResponse): void {
  const transfer = message.type === 'batch' ? [message.frames.buffer as ArrayBuffer, message.events.buffer as ArrayBuffer] : [];
  self.postMessage(message, { transfer });
}

self.addEventListener('message', (event: MessageEvent<LaneRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'start') lane = new LaneProcessor(request.sampleRate, request.role, request.options);
    else if (!lane) throw new Error('the lane was not started');
    else if (request.type === 'samples') post(lane.push(request.samples));
    else {
      post(lane.finish());
      post({ type: 'done' });
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});

/* global registerProcessor, AudioWorkletProcessor */
// A processor that keeps the render thread busy for as many milliseconds as it is sent: added to a
// running context, it makes the graph render late, as an overloaded machine would.
registerProcessor(
  'luister-test-stall',
  class extends AudioWorkletProcessor {
    constructor() {
      super();
      this.stallMs = 0;
      this.port.onmessage = (event) => (this.stallMs = event.data);
    }

    process() {
      if (this.stallMs > 0) {
        const until = Date.now() + this.stallMs;
        this.stallMs = 0;
        while (Date.now() < until);
      }
      return true;
    }
  },
);

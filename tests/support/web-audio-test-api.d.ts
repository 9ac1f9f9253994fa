/** The parts of web-audio-test-api (no types of its own) that the wiring test uses. */
declare module 'web-audio-test-api' {
  const WebAudioTestAPI: {
    AudioContext: new () => AudioContext;
    setState(name: string, value: string): void;
  };
  export default WebAudioTestAPI;
}

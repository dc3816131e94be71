// Runs on the audio rendering thread: collects every 128-sample block the microphone produces, without gaps, and
// posts them to the page in batches of about 40 ms as 16-bit PCM.
class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.batchSize = Math.round(sampleRate * 0.04);
    this.batch = new Int16Array(this.batchSize);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) {
      for (let i = 0; i < channel.length; i++) {
        const s = Math.max(-1, Math.min(1, channel[i]));
        this.batch[this.filled++] = s < 0 ? s * 0x8000 : s * 0x7fff;
        if (this.filled === this.batchSize) {
          this.port.postMessage(this.batch.buffer, [this.batch.buffer]);
          this.batch = new Int16Array(this.batchSize);
          this.filled = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('capture-processor', CaptureProcessor);

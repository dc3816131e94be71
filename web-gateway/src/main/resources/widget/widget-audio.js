// The widget's audio: the microphone's capture processor, and the player of the assistant's answers.

const ASSISTANT_RATE = 24000;

/** The capture processor; its source becomes a blob module, so no cross-origin worklet fetch is needed. */
function captureWorklet() {
  // Collects every 128-sample block without gaps and posts ~40 ms batches of 16-bit PCM to the page.
  class CaptureProcessor extends AudioWorkletProcessor {
    constructor() {
      super();
      this.size = Math.round(sampleRate * 0.04);
      this.batch = new Int16Array(this.size);
      this.filled = 0;
    }

    process(inputs) {
      const channel = inputs[0] && inputs[0][0];
      for (let i = 0; channel && i < channel.length; i++) {
        const s = Math.max(-1, Math.min(1, channel[i]));
        this.batch[this.filled++] = s < 0 ? s * 0x8000 : s * 0x7fff;
        if (this.filled === this.size) {
          this.port.postMessage(this.batch.buffer, [this.batch.buffer]); // transferred: the array is now empty
          this.batch = new Int16Array(this.size);
          this.filled = 0;
        }
      }
      return true;
    }
  }
  registerProcessor('voice-widget-capture', CaptureProcessor);
}

let captureWorkletUrl = null;

/** Feeds the microphone to the capture processor, whose chunks (ArrayBuffers of PCM16) go to onChunk. */
async function startCapture(audio, microphone, onChunk) {
  captureWorkletUrl = captureWorkletUrl
    || URL.createObjectURL(new Blob([`(${captureWorklet})()`], { type: 'text/javascript' }));
  await audio.resume();
  await audio.audioWorklet.addModule(captureWorkletUrl);
  const capture = new AudioWorkletNode(audio, 'voice-widget-capture');
  const mute = audio.createGain();
  mute.gain.value = 0;
  audio.createMediaStreamSource(microphone).connect(capture).connect(mute).connect(audio.destination);
  capture.port.onmessage = event => onChunk(event.data);
}

/**
 * Plays the answer's chunks back to back, stops at once on an interruption, and knows how much of the current
 * item has been heard. Tells its listener when audio is scheduled ({@code playing}) and when all has played
 * ({@code drained}).
 */
class AnswerPlayer {
  constructor(audio, listener) {
    this.audio = audio;
    this.listener = listener;
    this.reset();
  }

  reset() {
    this.sources = [];
    this.playhead = 0;
    this.itemId = null;
    this.itemStart = null;
    this.lastReported = -1;
  }

  /** The chunks that follow belong to this item. */
  item(itemId) {
    this.itemId = itemId;
    this.itemStart = null;
  }

  play(buffer) {
    const pcm = new Int16Array(buffer);
    if (pcm.length === 0) {
      return;
    }
    const chunk = this.audio.createBuffer(1, pcm.length, ASSISTANT_RATE);
    const samples = chunk.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) {
      samples[i] = pcm[i] / 32768;
    }
    const source = this.audio.createBufferSource();
    source.buffer = chunk;
    source.connect(this.audio.destination);
    const at = Math.max(this.audio.currentTime + 0.02, this.playhead);
    source.start(at);
    this.playhead = at + chunk.duration;
    if (this.itemStart === null) {
      this.itemStart = at;
    }
    this.sources.push(source);
    source.onended = () => {
      this.sources = this.sources.filter(s => s !== source);
      if (this.sources.length === 0) {
        this.listener.drained();
      }
    };
    this.listener.playing();
  }

  stop() {
    this.sources.forEach(source => {
      source.onended = null;
      source.stop();
    });
    this.reset();
  }

  /** {itemId, playedMs} when the heard part of the current item has grown since last asked, else null. */
  newPosition() {
    if (this.itemId === null || this.itemStart === null) {
      return null;
    }
    const heardUntil = Math.min(this.audio.currentTime, this.playhead);
    const playedMs = Math.max(0, Math.round((heardUntil - this.itemStart) * 1000));
    if (playedMs === this.lastReported) {
      return null;
    }
    this.lastReported = playedMs;
    return { itemId: this.itemId, playedMs };
  }
}

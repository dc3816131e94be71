// The original design's widget, replayed as it behaves in a browser (protocols.md section 1.2): a page on
// http://localhost:3000 connects with path /realtime-voice, websocket only, reconnecting forever; it sends
// SESSION_START without data and, once SESSION_START_SUCCESS arrives, one 512-sample PCM16 window at 24 kHz
// (1024 bytes) per animation frame, here at 240 frames per second.
// Usage: node original-widget.mjs <gateway-url> <frames> <answer-that-ends-it>
// Prints one JSON line per thing that happened; the Java test reads them.
import { io } from 'socket.io-client';

const [url, framesArgument, expectedAnswer] = process.argv.slice(2);
const frames = Number(framesArgument);
const report = fact => console.log(JSON.stringify(fact));
const timeout = setTimeout(() => { report({ fact: 'timeout' }); process.exit(2); }, 60000);

// Chunk i: its first sample is i, the rest a pattern the test computes too, so any loss or reordering shows.
function window(i) {
  const samples = new Int16Array(512);
  for (let j = 0; j < 512; j++) {
    samples[j] = j === 0 ? i : ((i * 31 + j * 7) % 2000) - 1000;
  }
  return samples.buffer;
}

const socket = io(url, {
  path: '/realtime-voice', transports: ['websocket'], reconnection: true, reconnectionAttempts: Infinity,
  reconnectionDelay: 1000, extraHeaders: { Origin: 'http://localhost:3000' },
});
let assistantBytes = 0;
socket.on('connect_error', error => report({ fact: 'connect_error', message: String(error && error.message) }));
socket.on('connect', () => {
  report({ fact: 'connected' });
  socket.emit('message', { event: 'SESSION_START' });
});
socket.on('message', ({ event, data }) => {
  switch (event) {
    case 'SESSION_START_SUCCESS': {
      report({ fact: 'started' });
      let sent = 0;
      const started = Date.now();
      const animationFrame = setInterval(() => {
        // requestAnimationFrame at 240 Hz: one window per frame that is due.
        const due = Math.min(frames, Math.floor((Date.now() - started) * 240 / 1000) + 1);
        for (; sent < due; sent++) {
          socket.emit('message', { event: 'USER_AUDIO_CHUNK', data: window(sent) });
        }
        if (sent === frames) {
          clearInterval(animationFrame);
          report({ fact: 'audio_sent', frames, ms: Date.now() - started });
        }
      }, 1);
      break;
    }
    case 'SESSION_START_ERROR':
      report({ fact: 'error', message: 'SESSION_START_ERROR' });
      break;
    case 'ASSISTANT_AUDIO_CHUNK':
      assistantBytes += data.byteLength;
      break;
    case 'ASSISTANT_AUDIO_TRANSCRIPT':
      report({ fact: 'assistant_transcript', text: data, assistantBytes });
      assistantBytes = 0;
      if (data === expectedAnswer) {
        clearTimeout(timeout);
        socket.disconnect();
      }
      break;
    default:
      break;
  }
});

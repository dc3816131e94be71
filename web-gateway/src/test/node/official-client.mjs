// One widget session through the official Socket.IO client, then a second one after reconnecting.
// Usage: node official-client.mjs <gateway-url> <websocket|default> <pcm16-24khz-file> <answer-that-ends-it>
// Prints one JSON line per thing that happened; the Java test reads them.
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';

const [url, transportChoice, audioFile, expectedAnswer] = process.argv.slice(2);
const options = { path: '/realtime-voice', reconnection: false };
if (transportChoice === 'websocket') {
  options.transports = ['websocket'];
}
const spoken = readFileSync(audioFile);
const report = fact => console.log(JSON.stringify(fact));
const timeout = setTimeout(() => { report({ fact: 'timeout' }); process.exit(2); }, 45000);

function session(label, streamAudio) {
  return new Promise((resolve, reject) => {
    const socket = io(url, options);
    let openedOn = null;
    socket.io.on('open', () => { openedOn = socket.io.engine.transport.name; });
    let assistantBytes = 0;
    socket.on('connect_error', error => reject(error));
    socket.on('connect', () => {
      report({ fact: 'connected', label, transport: openedOn });
      socket.emit('message', { event: 'SESSION_START' });
    });
    socket.on('message', async ({ event, data }) => {
      switch (event) {
        case 'SESSION_START_SUCCESS':
          report({ fact: 'started', label, agent: data.agent });
          if (!streamAudio) {
            socket.emit('message', { event: 'SESSION_END' });
            break;
          }
          for (let offset = 0; offset < spoken.length; offset += 1920) {
            socket.emit('message', { event: 'USER_AUDIO_CHUNK', data: spoken.subarray(offset, offset + 1920) });
            await new Promise(r => setTimeout(r, 5));
          }
          report({ fact: 'audio_sent', label, bytes: spoken.length, transport: socket.io.engine.transport.name });
          break;
        case 'ASSISTANT_AUDIO_CHUNK':
          assistantBytes += data.byteLength;
          break;
        case 'USER_AUDIO_TRANSCRIPT':
          report({ fact: 'user_transcript', label, text: data });
          break;
        case 'ASSISTANT_AUDIO_TRANSCRIPT':
          report({ fact: 'assistant_transcript', label, text: data, assistantBytes });
          if (data === expectedAnswer) {
            socket.emit('message', { event: 'SESSION_END' });
          }
          break;
        case 'SESSION_END_SUCCESS':
          report({ fact: 'ended', label });
          socket.disconnect();
          resolve();
          break;
        default:
          break;
      }
    });
  });
}

try {
  await session('first', true);
  await session('after_reconnect', false);
  clearTimeout(timeout);
  report({ fact: 'done' });
} catch (error) {
  report({ fact: 'error', message: String(error && error.message) });
  process.exit(1);
}

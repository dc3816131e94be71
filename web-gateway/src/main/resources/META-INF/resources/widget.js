// The voice widget: microphone -> AudioWorklet -> Socket.IO (the original design's event contract) -> speakers.
// window.voiceWidget exposes counters so tests and curious people can see what flowed.
// Where the gateway requires access tokens, the embedding page sets, before this script loads,
//   window.voiceWidgetOptions = { getToken: () => fetch('/your-backend/voice-token').then(r => r.text()) };
// a function returning a token (or a promise of one) that the site's backend minted; it is called for every
// connection. The widget never takes a token from its own URL, where it would leak into logs and referrers.
(() => {
  const ASSISTANT_RATE = 24000;
  const POSITION_REPORT_MS = 200;
  const $ = id => document.getElementById(id);
  const ui = {
    toggle: $('toggle'), status: $('status'), model: $('model'), agent: $('agent'), tool: $('tool'), error: $('error'),
    transcript: $('transcript'), sentMs: $('sent-ms'), playedMs: $('played-ms'),
  };
  const stats = window.voiceWidget = { sentMs: 0, playedMs: 0, playedChunks: 0, interruptions: 0, agent: null, model: null };
  const options = window.voiceWidgetOptions || {};

  let socket = null;
  let audioContext = null;
  let microphone = null;
  let capture = null;
  let running = false;
  let playback = { sources: [], playhead: 0, itemId: null, itemStart: null, lastReported: -1 };
  let positionTimer = null;

  ui.toggle.addEventListener('click', () => (socket ? stop() : start()));

  async function start() {
    showError(null);
    setStatus('Starting...');
    try {
      microphone = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true },
      });
    } catch (e) {
      showError('The microphone is not available: access was refused or no microphone was found. '
        + 'Allow the microphone for this page and press Start again.');
      setStatus('Not connected');
      return;
    }
    audioContext = new AudioContext({ sampleRate: 48000 });
    await audioContext.resume();
    await audioContext.audioWorklet.addModule('capture-worklet.js');
    capture = new AudioWorkletNode(audioContext, 'capture-processor');
    const mute = audioContext.createGain();
    mute.gain.value = 0;
    audioContext.createMediaStreamSource(microphone).connect(capture).connect(mute).connect(audioContext.destination);
    capture.port.onmessage = event => sendAudio(event.data);
    connect();
  }

  function connect() {
    socket = io({
      path: '/realtime-voice', transports: ['websocket'], reconnection: false, timeout: 5000,
      auth: typeof options.getToken === 'function' ? withToken : {},
    });
    ui.toggle.textContent = 'Stop';
    ui.toggle.classList.add('active');
    socket.on('connect', () => {
      setStatus('Connecting to the assistant...');
      socket.emit('message', { event: 'SESSION_START', data: { sampleRate: audioContext.sampleRate } });
    });
    socket.on('connect_error', error => {
      const unreachable = error.type === 'TransportError' || error.message === 'timeout';
      showError(unreachable ? 'The voice server is unreachable. Check your connection and try again.'
        : 'The voice server refused the connection: ' + error.message);
      cleanUp();
    });
    socket.on('disconnect', () => {
      if (running) {
        showError('The connection to the voice server was lost.');
      }
      cleanUp();
    });
    socket.on('message', onMessage);
  }

  // socket.io-client calls this before each CONNECT; a failed token request connects without one and is refused.
  function withToken(send) {
    Promise.resolve().then(options.getToken).then(token => send(token ? { token } : {}), () => send({}));
  }

  function onMessage({ event, data }) {
    switch (event) {
      case 'SESSION_START_SUCCESS':
        running = true;
        setStatus('Listening');
        showAgent(data && data.agent);
        stats.model = (data && data.model) || null;
        ui.model.textContent = stats.model ? 'Talking to: ' + stats.model : '';
        positionTimer = setInterval(reportPosition, POSITION_REPORT_MS);
        break;
      case 'SESSION_START_ERROR':
        showError('The assistant could not start: ' + ((data && data.reason) || 'unknown error'));
        cleanUp();
        break;
      case 'ASSISTANT_AUDIO_ITEM':
        playback.itemId = data.itemId;
        playback.itemStart = null;
        break;
      case 'ASSISTANT_AUDIO_CHUNK':
        play(data);
        break;
      case 'INTERRUPTED':
        stats.interruptions++;
        stopPlayback();
        break;
      case 'USER_AUDIO_TRANSCRIPT':
        addLine('user', data);
        break;
      case 'ASSISTANT_AUDIO_TRANSCRIPT':
        addLine('assistant', data);
        break;
      case 'AGENT_CHANGED':
        showAgent(data.agent);
        break;
      case 'TOOL_ACTIVITY':
        ui.tool.textContent = data.phase === 'started' ? '(looking up ' + data.tool + '...)' : '';
        break;
      case 'HUMAN_HANDOFF':
        addLine('assistant', 'Handing you to a person: ' + data.summary);
        setStatus('Handed to a person');
        break;
      case 'SESSION_ENDED':
        showError('The session ended: ' + data.reason);
        cleanUp();
        break;
      case 'ERROR':
        console.warn('voice server:', data && data.reason);
        break;
      default:
        break;
    }
  }

  function sendAudio(buffer) {
    if (!running) {
      return;
    }
    socket.emit('message', { event: 'USER_AUDIO_CHUNK', data: buffer });
    stats.sentMs += (buffer.byteLength / 2 / audioContext.sampleRate) * 1000;
    ui.sentMs.textContent = Math.round(stats.sentMs);
  }

  function play(buffer) {
    const pcm = new Int16Array(buffer);
    if (pcm.length === 0) {
      return;
    }
    const audio = audioContext.createBuffer(1, pcm.length, ASSISTANT_RATE);
    const samples = audio.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) {
      samples[i] = pcm[i] / 32768;
    }
    const source = audioContext.createBufferSource();
    source.buffer = audio;
    source.connect(audioContext.destination);
    const at = Math.max(audioContext.currentTime + 0.02, playback.playhead);
    source.start(at);
    playback.playhead = at + audio.duration;
    if (playback.itemStart === null) {
      playback.itemStart = at;
    }
    playback.sources.push(source);
    source.onended = () => {
      playback.sources = playback.sources.filter(s => s !== source);
      stats.playedMs += audio.duration * 1000;
      stats.playedChunks++;
      ui.playedMs.textContent = Math.round(stats.playedMs);
    };
  }

  // Tells the server how much of the current answer has been heard, so a barge-in cuts the model's memory there.
  function reportPosition() {
    if (!running || playback.itemId === null || playback.itemStart === null) {
      return;
    }
    const heardUntil = Math.min(audioContext.currentTime, playback.playhead);
    const playedMs = Math.max(0, Math.round((heardUntil - playback.itemStart) * 1000));
    if (playedMs !== playback.lastReported) {
      playback.lastReported = playedMs;
      socket.emit('message', { event: 'PLAYBACK_POSITION', data: { itemId: playback.itemId, playedMs } });
    }
  }

  function stopPlayback() {
    playback.sources.forEach(source => {
      source.onended = null;
      source.stop();
    });
    playback = { sources: [], playhead: 0, itemId: null, itemStart: null, lastReported: -1 };
  }

  function stop() {
    if (socket && running) {
      socket.emit('message', { event: 'SESSION_END' });
    }
    cleanUp();
  }

  function cleanUp() {
    running = false;
    clearInterval(positionTimer);
    if (audioContext) {
      stopPlayback();
      audioContext.close();
      audioContext = null;
    }
    if (microphone) {
      microphone.getTracks().forEach(track => track.stop());
      microphone = null;
    }
    if (socket) {
      const closing = socket;
      socket = null;
      setTimeout(() => closing.disconnect(), 100);
    }
    ui.toggle.textContent = 'Start';
    ui.toggle.classList.remove('active');
    setStatus('Not connected');
    ui.tool.textContent = '';
  }

  function addLine(role, text) {
    const line = document.createElement('li');
    line.className = role;
    line.textContent = (role === 'user' ? 'You: ' : 'Assistant: ') + text;
    ui.transcript.appendChild(line);
  }

  function showAgent(name) {
    stats.agent = name || null;
    ui.agent.textContent = name ? name.replace(/_/g, ' ') : '-';
  }

  function setStatus(text) {
    ui.status.textContent = text;
  }

  function showError(message) {
    ui.error.hidden = !message;
    ui.error.textContent = message || '';
  }
})();

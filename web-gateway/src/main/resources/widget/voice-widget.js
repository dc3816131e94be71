// The voice widget as a component: VoiceWidget.mount({target, server, getToken, agent, keypad}) renders it into the
// target element, inside a shadow root, and talks to the gateway's Socket.IO endpoint with the original design's
// event contract. The gateway serves this file concatenated after the official socket.io-client (whose `io` stays
// private to the bundle), widget-state.js, widget-style.js and widget-audio.js; see the web-gateway README.
const LOOPBACK_MODEL = 'loopback (no AI)';
const POSITION_REPORT_MS = 200;
const MAX_LINES = 50;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
// The folder this script came from: the default server.
const SCRIPT_BASE = document.currentScript && document.currentScript.src
  ? new URL('.', document.currentScript.src) : null;

function mount(options) {
  return new Widget(readOptions(options || {})).handle();
}

function readOptions(options) {
  const target = typeof options.target === 'string' ? document.querySelector(options.target) : options.target;
  if (!(target instanceof Element)) {
    throw new TypeError('VoiceWidget.mount: target must be an element, or a selector that finds one');
  }
  let server = null;
  try {
    server = options.server ? new URL(options.server, document.baseURI) : SCRIPT_BASE;
  } catch (e) {
    // reported below
  }
  if (!server || !/^https?:$/.test(server.protocol)) {
    throw new TypeError('VoiceWidget.mount: server must be the voice gateway\'s URL, e.g. https://voice.example.com');
  }
  if (options.getToken !== undefined && typeof options.getToken !== 'function') {
    throw new TypeError('VoiceWidget.mount: getToken must be a function returning a token or a promise of one');
  }
  const keypad = options.keypad === undefined ? 'auto' : options.keypad;
  if (![true, false, 'auto'].includes(keypad)) {
    throw new TypeError('VoiceWidget.mount: keypad must be true, false or "auto"');
  }
  return { target, server, getToken: options.getToken, agent: options.agent, keypad };
}

/** One widget on the page. A "run" is one conversation: its socket, audio, microphone and player. */
class Widget {
  constructor(settings) {
    this.settings = settings;
    this.host = document.createElement('div');
    const root = this.host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${WIDGET_STYLE}</style>${WIDGET_MARKUP}`;
    const find = selector => root.querySelector(selector);
    this.ui = {
      panel: find('.panel'), toggle: find('.toggle'), status: find('.status'), detail: find('.detail'),
      meter: find('.meter'), fill: find('.fill'), agentLine: find('.agent'), agent: find('.agent strong'),
      tool: find('.tool'), mode: find('.mode'), keypad: find('.keypad'), transcript: find('.transcript'),
    };
    this.keys = KEYS.map(digit => {
      const key = document.createElement('button');
      key.type = 'button';
      key.textContent = digit;
      key.setAttribute('aria-label', 'Key ' + digit);
      key.addEventListener('click', () => this.sendKey(digit));
      this.ui.keypad.appendChild(key);
      return key;
    });
    this.ui.toggle.addEventListener('click', () => (this.state.isActive() ? this.stop() : this.start()));
    this.state = createWidgetState(view => this.render(view),
      { set: (callback, ms) => setTimeout(callback, ms), clear: handle => clearTimeout(handle) });
    this.run = null;
    settings.target.appendChild(this.host);
    this.render(this.state.view());
  }

  /** What mount returns: start(), stop(), destroy() and the view shown now ({state, label, detail}). */
  handle() {
    return Object.freeze({
      start: () => this.start(), stop: () => this.stop(), destroy: () => this.destroy(), view: () => this.state.view(),
    });
  }

  async start() {
    if (!this.state.start()) {
      return;
    }
    const run = this.run = { socket: null, microphone: null, audio: null, player: null, timer: null, ready: false };
    this.ui.transcript.replaceChildren();
    this.showAgent(null);
    try {
      run.microphone = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true },
      });
    } catch (e) {
      this.fail(run, 'The microphone is not available: allow it for this page and press Start again.');
      return;
    }
    try {
      run.audio = new AudioContext({ sampleRate: 48000 });
      await startCapture(run.audio, run.microphone, chunk => this.captured(run, chunk));
    } catch (e) {
      this.fail(run, 'This browser cannot record audio on this page.');
      return;
    }
    if (this.run !== run) {
      this.release(run); // stopped while the microphone was being opened
      return;
    }
    run.player = new AnswerPlayer(run.audio,
      { playing: () => this.state.playing(), drained: () => this.state.playbackDrained() });
    this.connect(run);
  }

  connect(run) {
    const { server, getToken, agent } = this.settings;
    const socket = run.socket = io(server.origin, {
      path: server.pathname.replace(/\/+$/, '') + '/realtime-voice', transports: ['websocket'],
      reconnection: false, timeout: 10000, forceNew: true,
      // Called before the CONNECT: a failed token request connects without one and is refused with a reason.
      auth: getToken ? send => Promise.resolve().then(getToken)
        .then(token => send(token ? { token: String(token) } : {}), () => send({})) : {},
    });
    const options = { sampleRate: run.audio.sampleRate };
    if (agent) {
      options.agent = agent;
    }
    socket.on('connect', () => socket.emit('message', { event: 'SESSION_START', data: options }));
    socket.on('connect_error', error => this.fail(run,
      error.type === 'TransportError' || error.message === 'timeout'
        ? 'The voice service is unreachable. Check your connection and try again.'
        : 'The voice service refused the connection: ' + error.message));
    socket.on('disconnect', () => this.fail(run, 'The connection to the voice service was lost.'));
    socket.on('message', message => this.onMessage(run, message || {}));
  }

  onMessage(run, { event, data }) {
    const reason = (data && data.reason) || '';
    switch (event) {
      case 'SESSION_START_SUCCESS':
        run.ready = true;
        run.timer = setInterval(() => this.reportPosition(run), POSITION_REPORT_MS);
        this.showAgent(data && data.agent);
        this.showKeypad(Boolean(data) && data.model === LOOPBACK_MODEL);
        this.state.ready();
        break;
      case 'SESSION_START_ERROR':
        this.fail(run, 'The assistant could not start: ' + (reason || 'unknown error'));
        break;
      case 'ASSISTANT_AUDIO_ITEM':
        run.player.item(data.itemId);
        break;
      case 'ASSISTANT_AUDIO_CHUNK':
        run.player.play(data);
        break;
      case 'INTERRUPTED':
        run.player.stop();
        this.state.interrupted();
        break;
      case 'USER_AUDIO_TRANSCRIPT':
      case 'ASSISTANT_AUDIO_TRANSCRIPT':
        this.addLine(event === 'USER_AUDIO_TRANSCRIPT' ? 'user' : 'assistant', String(data));
        break;
      case 'AGENT_CHANGED':
        this.showAgent(data.agent);
        break;
      case 'TOOL_ACTIVITY':
        this.ui.tool.textContent = data.phase === 'started'
          ? '(looking up ' + String(data.tool).replace(/[-_]/g, ' ') + '\u2026)' : '';
        break;
      case 'HUMAN_HANDOFF':
        // The agent handed the visitor to a person: the page's own live chat or callback can take over from here.
        this.addLine('assistant', 'Handing you to a person: ' + String((data && data.summary) || ''));
        this.host.dispatchEvent(new CustomEvent('voice-widget-handoff', { bubbles: true, detail: data || {} }));
        break;
      case 'SESSION_ENDED':
        this.finish(run, reason);
        break;
      case 'ERROR':
        console.warn('voice widget: the server refused a message:', reason);
        break;
      default:
        break;
    }
  }

  captured(run, chunk) {
    if (this.run !== run) {
      return;
    }
    this.showLevel(micLevel(new Int16Array(chunk)));
    if (run.ready) {
      run.socket.emit('message', { event: 'USER_AUDIO_CHUNK', data: chunk });
    }
  }

  sendKey(digit) {
    const run = this.run;
    if (run && run.ready && this.state.inSession()) {
      run.socket.emit('message', { event: 'DTMF', data: { digit } });
    }
  }

  // Tells the server how much of the current answer has been heard, so a barge-in cuts the model's memory there.
  reportPosition(run) {
    const position = run.player.newPosition();
    if (position) {
      run.socket.emit('message', { event: 'PLAYBACK_POSITION', data: position });
    }
  }

  stop() {
    const run = this.run;
    if (run && run.ready && run.socket.connected) {
      run.socket.emit('message', { event: 'SESSION_END' });
    }
    this.finish(run, 'You ended the conversation.');
  }

  destroy() {
    this.stop();
    this.host.remove();
  }

  /** The run is over (a late report about an earlier run only releases what that run still holds). */
  finish(run, reason) {
    if (this.run === run) {
      this.state.ended(reason);
    }
    this.release(run);
  }

  fail(run, message) {
    if (this.run === run) {
      this.state.failed(message);
    }
    this.release(run);
  }

  /** Lets go of everything a run holds: its socket (once SESSION_END has gone out), audio and microphone. */
  release(run) {
    if (!run) {
      return;
    }
    if (this.run === run) {
      this.run = null;
      this.showLevel(0);
      this.showKeypad(false);
      this.ui.tool.textContent = '';
    }
    clearInterval(run.timer);
    if (run.player) {
      run.player.stop();
    }
    if (run.socket) {
      const socket = run.socket;
      socket.off();
      setTimeout(() => socket.disconnect(), 100);
    }
    if (run.audio) {
      run.audio.close();
    }
    if (run.microphone) {
      run.microphone.getTracks().forEach(track => track.stop());
    }
    run.socket = run.audio = run.microphone = run.player = null;
  }

  render(view) {
    const active = this.state.isActive();
    this.ui.panel.dataset.state = view.state;
    this.ui.panel.toggleAttribute('data-active', active);
    this.ui.status.textContent = view.label;
    this.ui.detail.textContent = view.detail;
    this.ui.toggle.textContent = active ? 'Stop' : 'Start';
    this.keys.forEach(key => { key.disabled = !this.state.inSession(); });
    this.host.dispatchEvent(new CustomEvent('voice-widget-state', { bubbles: true, detail: view }));
  }

  showLevel(level) {
    this.ui.fill.style.transform = `scaleX(${level})`;
    this.ui.meter.setAttribute('aria-valuenow', String(Math.round(level * 100)));
  }

  showKeypad(loopback) {
    const { keypad } = this.settings;
    this.ui.keypad.hidden = !(keypad === true || (keypad === 'auto' && loopback));
    this.ui.mode.hidden = !loopback;
  }

  showAgent(name) {
    this.ui.agentLine.hidden = !name;
    this.ui.agent.textContent = name ? String(name).replace(/_/g, ' ') : '';
  }

  addLine(role, text) {
    const line = document.createElement('li');
    line.className = role;
    line.textContent = (role === 'user' ? 'You: ' : 'Assistant: ') + text;
    this.ui.transcript.appendChild(line);
    while (this.ui.transcript.children.length > MAX_LINES) {
      this.ui.transcript.firstElementChild.remove();
    }
    this.ui.transcript.scrollTop = this.ui.transcript.scrollHeight;
  }
}

window.VoiceWidget = Object.freeze({ mount });

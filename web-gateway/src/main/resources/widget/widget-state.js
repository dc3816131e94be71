// What the voice widget shows, as a plain object: the page feeds it what happens (Start pressed, the session ready,
// answer audio playing or drained, an interruption, the end, a failure) and it decides the state and its text. The
// timer is injected, so src/test/node/widget-state.test.mjs scripts the transitions without a browser.
//
//   idle -> connecting -> listening <-> speaking -> interrupted -> listening ...
//   any active state -> ended (the user or the server ended it) | error (refused, unreachable, lost)
//   ended | error -> connecting (Start again)

/** How long playback must stay drained before "Assistant speaking" gives way: chunks may arrive with gaps. */
const SETTLE_MS = 300;
/** How long "Interrupted" stays up unless the assistant speaks again first. */
const INTERRUPTED_MS = 1500;

const STATE_LABELS = Object.freeze({
  idle: 'Press Start to talk',
  connecting: 'Connecting\u2026',
  listening: 'Listening',
  speaking: 'Assistant speaking',
  interrupted: 'Interrupted',
  ended: 'Conversation ended',
  error: 'Error',
});

const ACTIVE = ['connecting', 'listening', 'speaking', 'interrupted'];
const IN_SESSION = ['listening', 'speaking', 'interrupted'];

/**
 * @param onChange called with {state, label, detail} on every change, never twice for the same view
 * @param timers {set(callback, ms) -> handle, clear(handle)}
 */
function createWidgetState(onChange, timers) {
  let state = 'idle';
  let detail = '';
  let timer = null;

  function cancelTimer() {
    if (timer !== null) {
      timers.clear(timer);
      timer = null;
    }
  }

  function view() {
    return { state, label: STATE_LABELS[state], detail };
  }

  function go(next, nextDetail) {
    cancelTimer();
    if (next === state && nextDetail === detail) {
      return false;
    }
    state = next;
    detail = nextDetail;
    onChange(view());
    return true;
  }

  function later(next, ms) {
    cancelTimer();
    timer = timers.set(() => {
      timer = null;
      go(next, '');
    }, ms);
  }

  const is = states => states.includes(state);

  return {
    view,
    /** Whether a conversation is being started or runs: the button stops it. */
    isActive: () => is(ACTIVE),
    /** Whether the session is up: keys and audio may be sent. */
    inSession: () => is(IN_SESSION),
    /** Start pressed; false when a conversation is already active. */
    start: () => !is(ACTIVE) && go('connecting', ''),
    /** The server has the session ready. */
    ready: () => state === 'connecting' && go('listening', ''),
    /** Answer audio is scheduled for playback. */
    playing: () => is(IN_SESSION) && go('speaking', ''),
    /** All scheduled answer audio has played. */
    playbackDrained: () => {
      if (state === 'speaking') {
        later('listening', SETTLE_MS);
      }
    },
    /** The server says the user spoke over the answer. Nothing to interrupt unless the assistant was speaking. */
    interrupted: () => {
      if (state === 'speaking' && go('interrupted', '')) {
        later('listening', INTERRUPTED_MS);
      }
    },
    /** The conversation is over, on the user's or the server's initiative; false if it was not active. */
    ended: reason => is(ACTIVE) && go('ended', reason || ''),
    /** It could not start or broke; false if it was not active (a late report of a conversation already over). */
    failed: message => is(ACTIVE) && go('error', message || ''),
  };
}

/** The level of a chunk of 16-bit samples, 0 (silence, -60 dBFS and below) to 1 (full scale), on a dB scale. */
function micLevel(samples) {
  if (samples.length === 0) {
    return 0;
  }
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    sum += samples[i] * samples[i];
  }
  const rms = Math.sqrt(sum / samples.length) / 32768;
  const dbfs = rms > 0 ? 20 * Math.log10(rms) : -Infinity;
  return Math.max(0, Math.min(1, (dbfs + 60) / 60));
}

// The widget's state machine (src/main/resources/widget/widget-state.js), without a browser: scripted inputs, a
// scripted timer, and the exact sequence of views it emits. Run by WidgetStateTest: node --test widget-state.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// The file is a plain script, concatenated into voice-widget.js by the gateway; evaluate it as the bundle does.
const source = readFileSync(new URL('../../main/resources/widget/widget-state.js', import.meta.url), 'utf8');
const { createWidgetState, micLevel } = new Function(`${source}\nreturn { createWidgetState, micLevel };`)();

/** A widget state with a clock the test moves by hand; `shown` is every view emitted, in order. */
function scripted() {
  let now = 0;
  let pending = [];
  const shown = [];
  const timers = {
    set: (callback, ms) => {
      const handle = { at: now + ms, callback };
      pending.push(handle);
      return handle;
    },
    clear: handle => { pending = pending.filter(p => p !== handle); },
  };
  const state = createWidgetState(view => shown.push(view), timers);
  const advance = ms => {
    now += ms;
    for (const due of pending.filter(p => p.at <= now).sort((a, b) => a.at - b.at)) {
      pending = pending.filter(p => p !== due);
      due.callback();
    }
  };
  return { state, shown, advance, states: () => shown.map(view => view.state), pending: () => pending.length };
}

test('a conversation: connecting, listening, the answer, the user stops it', () => {
  const { state, shown, advance, states } = scripted();
  assert.deepEqual(state.view(), { state: 'idle', label: 'Press Start to talk', detail: '' });
  assert.equal(state.start(), true);
  assert.equal(state.isActive(), true);
  assert.equal(state.inSession(), false);
  state.ready();
  assert.equal(state.inSession(), true);
  state.playing();
  state.playing();
  state.playbackDrained();
  advance(299);
  assert.equal(state.view().state, 'speaking');
  advance(1);
  assert.equal(state.ended('You ended the conversation.'), true);
  assert.deepEqual(states(), ['connecting', 'listening', 'speaking', 'listening', 'ended']);
  assert.deepEqual(shown.map(view => view.label),
    ['Connecting…', 'Listening', 'Assistant speaking', 'Listening', 'Conversation ended']);
  assert.equal(shown.at(-1).detail, 'You ended the conversation.');
  assert.equal(state.isActive(), false);
});

test('audio that resumes within the settle time keeps the assistant speaking', () => {
  const { state, advance, states, pending } = scripted();
  state.start();
  state.ready();
  state.playing();
  state.playbackDrained();
  advance(200);
  state.playing();
  assert.equal(pending(), 0, 'the settle timer is cancelled');
  advance(1000);
  assert.deepEqual(states(), ['connecting', 'listening', 'speaking']);
});

test('an interruption shows, then gives way to listening, or to the next answer', () => {
  const { state, advance, states } = scripted();
  state.start();
  state.ready();
  state.interrupted();
  assert.equal(state.view().state, 'listening', 'nothing to interrupt while the assistant is silent');
  state.playing();
  state.interrupted();
  advance(1499);
  assert.equal(state.view().state, 'interrupted');
  advance(1);
  state.playing();
  state.interrupted();
  state.playing();
  advance(5000);
  assert.deepEqual(states(),
    ['connecting', 'listening', 'speaking', 'interrupted', 'listening', 'speaking', 'interrupted', 'speaking']);
});

test('failures while connecting or talking show the error; late reports after the end change nothing', () => {
  const { state, shown, states } = scripted();
  state.start();
  assert.equal(state.failed('The voice service refused the connection: origin not allowed'), true);
  assert.equal(shown.at(-1).detail, 'The voice service refused the connection: origin not allowed');
  assert.equal(state.failed('The connection to the voice service was lost.'), false);
  assert.equal(state.ended('late'), false);
  assert.equal(state.start(), true, 'Start works again after an error');
  assert.equal(state.start(), false, 'but not twice');
  state.ready();
  state.ended('The conversation ended: the agent hung up');
  state.playing();
  state.ready();
  assert.deepEqual(states(), ['connecting', 'error', 'connecting', 'listening', 'ended']);
});

test('the end cancels a pending timer', () => {
  const { state, advance, states } = scripted();
  state.start();
  state.ready();
  state.playing();
  state.interrupted();
  state.ended('');
  advance(5000);
  assert.deepEqual(states(), ['connecting', 'listening', 'speaking', 'interrupted', 'ended']);
});

test('the microphone level is 0 for silence, 1 at full scale, on a dB scale between', () => {
  assert.equal(micLevel(new Int16Array(0)), 0);
  assert.equal(micLevel(new Int16Array(960)), 0);
  assert.equal(micLevel(new Int16Array(960).fill(-32768)), 1);
  assert.equal(micLevel(new Int16Array(960).fill(32)), 0, '-60 dBFS is the floor');
  const halfWay = micLevel(new Int16Array(960).fill(Math.round(32768 * 10 ** (-30 / 20))));
  assert.ok(Math.abs(halfWay - 0.5) < 0.001, `-30 dBFS is half way, was ${halfWay}`);
  const alternating = Int16Array.from({ length: 960 }, (_, i) => (i % 2 ? 3277 : -3277));
  assert.ok(Math.abs(micLevel(alternating) - 2 / 3) < 0.001, '-20 dBFS is two thirds');
});

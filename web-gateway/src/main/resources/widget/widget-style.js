// The widget's look, inside its shadow root: nothing leaks out, and `all: initial` keeps the host page's styles out.
// Sites may set --voice-widget-accent (and --voice-widget-font) on the target element.
const WIDGET_STYLE = `
:host { all: initial; display: block; }
.panel { font: 15px/1.4 var(--voice-widget-font, system-ui, -apple-system, "Segoe UI", sans-serif); color: #1d2330;
  background: #fff; border: 1px solid #dde1e8; border-radius: 12px; padding: 1rem; box-sizing: border-box;
  max-width: 28rem; }
.bar { display: flex; align-items: center; gap: .9rem; }
button { font: inherit; cursor: pointer; border: 0; }
.toggle { padding: .55rem 1.3rem; border-radius: 999px; color: #fff;
  background: var(--voice-widget-accent, #2456d3); }
.panel[data-active] .toggle { background: #c8322b; }
.state { display: flex; flex-direction: column; min-width: 0; }
.status { font-weight: 600; }
.detail { color: #5a6275; font-size: .85em; }
.detail:empty { display: none; }
.panel[data-state="speaking"] .status { color: var(--voice-widget-accent, #2456d3); }
.panel[data-state="interrupted"] .status { color: #8a5a00; }
.panel[data-state="error"] .status, .panel[data-state="error"] .detail { color: #b3261e; }
.meter { height: 6px; margin: .8rem 0 .2rem; background: #eceff4; border-radius: 3px; overflow: hidden; }
.fill { height: 100%; background: #2e9d58; transform: scaleX(0); transform-origin: left;
  transition: transform 60ms linear; }
.agent, .mode { margin: .6rem 0 0; font-size: .9em; color: #5a6275; }
.agent strong { color: #1d2330; }
.keypad { display: grid; grid-template-columns: repeat(3, 3.2rem); gap: .4rem; margin-top: .7rem; }
.keypad button { padding: .45rem 0; border-radius: 8px; background: #eceff4; color: #1d2330; font-weight: 600; }
.keypad button:disabled { opacity: .45; cursor: default; }
.transcript { list-style: none; padding: .3rem 0 0; margin: .7rem 0 0; max-height: 14rem; overflow-y: auto;
  border-top: 1px solid #eceff4; }
.transcript:empty { display: none; }
.transcript li { margin: .3rem 0; padding: .4rem .7rem; border-radius: 8px; }
.transcript li.user { background: #e8efff; }
.transcript li.assistant { background: #eef6ec; }
[hidden] { display: none !important; }
`;

const WIDGET_MARKUP = `
<section class="panel" data-state="idle" aria-label="Voice assistant">
  <div class="bar">
    <button class="toggle" type="button">Start</button>
    <div class="state">
      <span class="status" role="status"></span>
      <span class="detail"></span>
    </div>
  </div>
  <div class="meter" role="meter" aria-label="Microphone level" aria-valuemin="0" aria-valuemax="100"
       aria-valuenow="0"><div class="fill"></div></div>
  <p class="agent" hidden>Speaking with <strong></strong> <span class="tool"></span></p>
  <p class="mode" hidden>Test mode, no AI: you hear your own voice back, and the keys run the configured actions.</p>
  <div class="keypad" role="group" aria-label="Keypad" hidden></div>
  <ol class="transcript" aria-live="polite"></ol>
</section>`;

// The demo page at / in headless Chromium with a fake microphone playing a WAV file: Start, the answer heard, an
// interruption, Stop. What the page played is measured by wrapping the Web Audio API, not by the widget.
// Usage: node browser.mjs <page-url> <wav-file> <screenshot-file>
import { openBrowser, report, visibleText, waitForStatus, watchShownStates } from './widget-browser.mjs';

const [pageUrl, wavFile, screenshotFile] = process.argv.slice(2);
const TARGET = '#voice-agent';
const { context, page } = await openBrowser(pageUrl, wavFile);
try {
  await page.addInitScript(() => {
    window.playedMs = 0;
    const { start, stop } = AudioBufferSourceNode.prototype;
    AudioBufferSourceNode.prototype.start = function (...args) {
      this.addEventListener('ended', () => {
        if (!this.stoppedEarly) {
          window.playedMs += this.buffer.duration * 1000;
        }
      });
      return start.apply(this, args);
    };
    AudioBufferSourceNode.prototype.stop = function (...args) {
      this.stoppedEarly = true;
      return stop.apply(this, args);
    };
  });
  await page.goto(pageUrl);
  await watchShownStates(page, TARGET);
  await page.locator(`${TARGET} .toggle`).click();
  await waitForStatus(page, TARGET, 'Listening', 20000);
  report({ fact: 'listening', agent: await page.locator(`${TARGET} .agent strong`).textContent() });

  // The test has the model answer: its transcript shows, it is played, and the widget listens again.
  const answer = page.locator(`${TARGET} .transcript li`).filter({ hasText: 'Which dates would you like?' });
  await answer.waitFor({ timeout: 40000 });
  await page.waitForFunction(() => window.playedMs >= 1400, null, { timeout: 20000 });
  await waitForStatus(page, TARGET, 'Listening', 5000);
  await page.screenshot({ path: screenshotFile, fullPage: true });
  report({
    fact: 'answered',
    lines: await page.locator(`${TARGET} .transcript li`).allTextContents(),
    playedMs: await page.evaluate(() => window.playedMs),
    text: await visibleText(page, TARGET),
  });

  // The test starts a long answer and, once it is heard, has the user speak over it.
  await waitForStatus(page, TARGET, 'Assistant speaking', 20000);
  report({ fact: 'speaking' });
  await waitForStatus(page, TARGET, 'Interrupted', 20000);
  const playedAtInterruption = await page.evaluate(() => window.playedMs);
  await waitForStatus(page, TARGET, 'Listening', 5000);
  report({ fact: 'interrupted', playedAtInterruption, playedAfter: await page.evaluate(() => window.playedMs) });

  await page.locator(`${TARGET} .toggle`).click();
  await waitForStatus(page, TARGET, 'Conversation ended', 5000);
  report({ fact: 'done' });
} catch (error) {
  report({ fact: 'error', message: String(error && error.message) });
  process.exitCode = 1;
} finally {
  await context.close();
}

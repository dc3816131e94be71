// Opens the voice widget in headless Chromium with a fake microphone playing a WAV file, presses Start, and reports
// what the page showed and played. Usage: node browser.mjs <page-url> <wav-file> <screenshot-file>
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [pageUrl, wavFile, screenshotFile] = process.argv.slice(2);
const report = fact => console.log(JSON.stringify(fact));
const profile = mkdtempSync(join(tmpdir(), 'widget-chromium-'));

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavFile}`,
  ],
});
try {
  await context.grantPermissions(['microphone'], { origin: new URL(pageUrl).origin });
  const page = context.pages()[0] || await context.newPage();
  page.on('console', message => report({ fact: 'console', text: message.text() }));
  await page.goto(pageUrl);
  await page.click('#toggle');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Listening', null,
    { timeout: 20000 });
  report({ fact: 'listening', agent: await page.textContent('#agent') });
  await page.waitForFunction(() => document.querySelectorAll('#transcript li').length >= 2
      && window.voiceWidget.playedMs >= 900, null, { timeout: 40000 });
  const lines = await page.$$eval('#transcript li', items => items.map(item => item.textContent));
  const stats = await page.evaluate(() => ({ ...window.voiceWidget }));
  await page.screenshot({ path: screenshotFile, fullPage: true });
  report({ fact: 'result', lines, shownAgent: await page.textContent('#agent'), ...stats });
  await page.click('#toggle');
  report({ fact: 'done' });
} catch (error) {
  report({ fact: 'error', message: String(error && error.message) });
  process.exitCode = 1;
} finally {
  await context.close();
}

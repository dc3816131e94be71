// What the widget's browser scripts share: headless Chromium with a fake microphone playing a WAV file, facts
// reported as JSON lines, and a watch on the texts the widget shows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const report = fact => console.log(JSON.stringify(fact));

/** A browser whose microphone plays wavFile (looped), allowed for the page's origin. */
export async function openBrowser(pageUrl, wavFile) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'widget-chromium-')), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wavFile}`,
    ],
  });
  await context.grantPermissions(['microphone'], { origin: new URL(pageUrl).origin });
  const page = context.pages()[0] || await context.newPage();
  page.on('console', message => report({ fact: 'console', text: message.text() }));
  page.on('pageerror', error => report({ fact: 'error', message: 'page error: ' + error.message }));
  return { context, page };
}

/**
 * Reports every status text the widget in `target` shows, in order, as facts {fact: "shown", text}: each text node
 * the widget puts in its status, so two changes within one task are both seen.
 */
export async function watchShownStates(page, target) {
  await page.exposeFunction('reportShownState', text => report({ fact: 'shown', text }));
  await page.evaluate(selector => {
    const status = document.querySelector(selector).firstElementChild.shadowRoot.querySelector('.status');
    window.reportShownState(status.textContent);
    new MutationObserver(records => records.forEach(record => record.addedNodes
      .forEach(node => window.reportShownState(node.textContent)))).observe(status, { childList: true });
  }, target);
}

/** Resolves once the widget shows this status text. */
export async function waitForStatus(page, target, text, timeout) {
  await page.locator(`${target} .status`).filter({ hasText: text }).waitFor({ timeout });
}

/** The text a visitor sees in the widget (hidden parts left out). */
export async function visibleText(page, target) {
  return page.locator(`${target} .panel`).innerText();
}

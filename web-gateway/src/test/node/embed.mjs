// A shop's page on another origin embeds the widget with one script tag from the gateway; headless Chromium with a
// fake microphone talks through it to the loopback core: Start, the microphone level, the keypad's key 1, Stop;
// then a second conversation whose key 0 hands the visitor to a person.
// Usage: node embed.mjs <page-url> <wav-file> <screenshot-file>
import { openBrowser, report, visibleText, waitForStatus, watchShownStates } from './widget-browser.mjs';

const [pageUrl, wavFile, screenshotFile] = process.argv.slice(2);
const TARGET = '#voice';
const { context, page } = await openBrowser(pageUrl, wavFile);
try {
  await page.goto(pageUrl);
  report({
    fact: 'mounted',
    addedGlobals: await page.evaluate(() => window.addedGlobals),
    documentIds: await page.evaluate(() => [...document.querySelectorAll('[id]')].map(element => element.id)),
    widgetIds: await page.evaluate(() => document.querySelector('#voice').firstElementChild.shadowRoot
      .querySelectorAll('[id]').length),
    shopStatusColor: await page.evaluate(() => getComputedStyle(document.querySelector('.status')).color),
    widgetStatusColor: await page.locator(`${TARGET} .status`).evaluate(status => getComputedStyle(status).color),
  });
  await watchShownStates(page, TARGET);
  await page.locator(`${TARGET} .toggle`).click();
  await waitForStatus(page, TARGET, 'Listening', 20000);

  // The meter, every 100 ms for 6 s: the looped sentence and its pause.
  const levels = [];
  for (let i = 0; i < 60; i++) {
    levels.push(Number(await page.locator(`${TARGET} .meter`).getAttribute('aria-valuenow')));
    await page.waitForTimeout(100);
  }
  report({ fact: 'levels', levels });

  await page.locator(`${TARGET} .keypad`).waitFor({ state: 'visible', timeout: 5000 });
  const agentBefore = await page.locator(`${TARGET} .agent strong`).textContent();
  await page.getByRole('button', { name: 'Key 1' }).click();
  await page.locator(`${TARGET} .agent strong`).filter({ hasText: 'hotel booking' }).waitFor({ timeout: 10000 });
  await page.locator(`${TARGET} .transcript li.assistant`).filter({ hasText: 'playing back your' }).first()
    .waitFor({ timeout: 30000 });
  await page.screenshot({ path: screenshotFile, fullPage: true });
  report({
    fact: 'talked',
    agentBefore,
    agentAfter: await page.locator(`${TARGET} .agent strong`).textContent(),
    lines: await page.locator(`${TARGET} .transcript li`).allTextContents(),
    text: await visibleText(page, TARGET),
  });

  await page.locator(`${TARGET} .toggle`).click();
  await waitForStatus(page, TARGET, 'Conversation ended', 5000);
  report({
    fact: 'done',
    text: await visibleText(page, TARGET),
    keypadVisible: await page.locator(`${TARGET} .keypad`).isVisible(),
    level: Number(await page.locator(`${TARGET} .meter`).getAttribute('aria-valuenow')),
  });

  // A second conversation: key 0 asks the front desk for a person; the page hears of it and the session ends.
  await page.evaluate(target => {
    window.handoffs = [];
    document.querySelector(target).addEventListener('voice-widget-handoff', event => window.handoffs.push(event.detail));
  }, TARGET);
  await page.locator(`${TARGET} .toggle`).click();
  await waitForStatus(page, TARGET, 'Listening', 20000);
  await page.getByRole('button', { name: 'Key 0' }).click();
  await page.locator(`${TARGET} .transcript li.assistant`).filter({ hasText: 'Handing you to a person' })
    .waitFor({ timeout: 30000 });
  await waitForStatus(page, TARGET, 'Conversation ended', 30000);
  report({
    fact: 'handedOver',
    handoffs: await page.evaluate(() => window.handoffs),
    lines: await page.locator(`${TARGET} .transcript li`).allTextContents(),
  });
} catch (error) {
  report({ fact: 'error', message: String(error && error.message) });
  process.exitCode = 1;
} finally {
  await context.close();
}

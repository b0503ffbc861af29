/**
 * What the desk and cycle end-to-end scripts share: the checks of every stage (no page error, no raw code or
 * rule id shown outside the administrators' details, no horizontal scroll at 375 px, a screenshot at 1280 and
 * 375 px) and UI-only input that counts its clicks and keystrokes. Controls are found the way a user finds
 * them: by their visible label or button text, through the elements' shadow roots.
 */
/* global document, getComputedStyle, HTMLDetailsElement, HTMLStyleElement, HTMLScriptElement, Node -- page.evaluate() callbacks run in the page */
import { join } from 'node:path';

/** A rule id (DP-23, PR-4) or a code in SCREAMING_SNAKE_CASE (DENY_NOT_ASSIGNED). */
export const RAW = /\b(?:DP|PR)-\d{1,3}\b|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/** Visible text outside closed details and outside the administrators' details, through shadow roots (runs in the page). */
export function visibleWordsInPage() {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.textContent ?? '');
      return;
    }
    if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
    if (node instanceof HTMLDetailsElement && (!node.open || node.classList.contains('fk-admin-details'))) {
      const summary = node.querySelector(':scope > summary');
      if (summary) walk(summary);
      return;
    }
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(document.body);
  return out.join(' ');
}

/**
 * Records page errors, console errors, failed requests and HTTP errors as problems. The demo asks whether
 * `npm start`'s server runs (`/fallkit-start.json`); the static server's 404 for it is expected.
 * @param {import('puppeteer-core').Page} page
 * @param {string[]} problems
 */
export function watchPage(page, problems) {
  const expected404 = (address) => address.endsWith('/fallkit-start.json');
  page.on('pageerror', (error) =>
    problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected404(message.location()?.url ?? ''))
      problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected404(response.url()))
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The checks of one stage: screenshots at 1280 and 375 px into `shots`, no horizontal scroll at 375 px, no raw
 * code outside the administrators' details. Leaves the viewport at 1280 px.
 * @param {import('puppeteer-core').Page} page
 * @param {{ shots: string, problems: string[], log: string }} options
 */
export function stageChecker(page, { shots, problems, log }) {
  return async (name, { settle = 400 } = {}) => {
    console.log(`${log}: stage ${name}`);
    await pause(settle);
    for (const width of [1280, 375]) {
      await page.setViewport({ width, height: 900 });
      await pause(250);
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width === 375 && scroll > 375) problems.push(`${name}: horizontal scroll at 375 px (${scroll} px wide)`);
      const raw = (await page.evaluate(visibleWordsInPage)).match(RAW);
      if (raw) problems.push(`${name} at ${width}: raw codes shown: ${[...new Set(raw)].join(', ')}`);
    }
    await page.setViewport({ width: 1280, height: 900 });
  };
}

/**
 * Finds a visible control (input, select, textarea: by its label) or button (button, summary, link: by its
 * text), through shadow roots, optionally inside the element `within` (a tag name). A label matches when it
 * equals `text` or starts with it, "(Pflichtfeld)" and "(optional)" left out. `nth` picks among the matches.
 * Runs in the page.
 */
function findInPage(kind, text, within, nth) {
  const norm = (s) =>
    (s ?? '')
      .replace(/\((Pflichtfeld|optional)\)/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const hits = [];
  const roots = [];
  const collect = (node) => {
    for (const child of node.children ?? []) {
      if (within && child.localName === within) roots.push(child);
      if (child.shadowRoot) collect(child.shadowRoot);
      collect(child);
    }
  };
  if (within) collect(document.body);
  else roots.push(document.body);
  const walk = (node) => {
    if (node.nodeType === 1) {
      const tag = node.tagName;
      if (kind === 'control' && (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA')) {
        const label = norm(node.labels?.[0]?.textContent || node.getAttribute('aria-label'));
        if (label === text || label.startsWith(text)) hits.push(node);
      } else if (kind === 'button' && (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A')) {
        const label = norm(node.textContent);
        if (label === text || label.startsWith(text)) hits.push(node);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.children ?? []) walk(child);
  };
  for (const root of roots) walk(root);
  return hits.filter(visible)[nth] ?? null;
}

/**
 * UI-only input that counts clicks and keystrokes. Each call waits (up to `timeout`) for its control.
 * @param {import('puppeteer-core').Page} page
 * @param {{ clicks: number, keystrokes: number }} counts
 */
export function uiInput(page, counts, { timeout = 20_000 } = {}) {
  const find = async (kind, text, within, nth = 0) => {
    const handle = await page
      .waitForFunction(findInPage, { timeout, polling: 200 }, kind, text, within, nth)
      .catch(() => undefined);
    const element = handle?.asElement();
    if (!element)
      throw new Error(`no ${kind} "${text}"${within ? ` in <${within}>` : ''}${nth ? ` (#${nth + 1})` : ''}`);
    return /** @type {import('puppeteer-core').ElementHandle<Element>} */ (element);
  };
  /**
   * Finds the control and acts on it. A re-render between finding and acting (a save confirmation, a view that
   * arrives from the store) replaces the node, and Puppeteer then reports it as detached or "not clickable";
   * a person would simply use the control that is there now, so this looks again, for up to `timeout`.
   */
  const act = async (kind, text, within, nth, action) => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const element = await find(kind, text, within, nth);
      try {
        return await action(element);
      } catch (error) {
        const replaced = /not clickable|not an Element|detached|Execution context was destroyed/i.test(
          String(error?.message ?? error),
        );
        if (!replaced || Date.now() > deadline) throw error;
        console.warn(`ui-walk: ${kind} "${text}" was replaced while being used; using the one there now`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  return {
    find,
    /** Clicks into a field, selects what is there and types `value`. */
    async fill(label, value, within, nth = 0) {
      const field = await act('control', label, within, nth, async (el) => {
        await el.click({ clickCount: 3 });
        return el;
      });
      counts.clicks += 1;
      await field.type(value);
      counts.keystrokes += value.length;
    },
    /** Clicks a checkbox or radio button by its label. */
    async tick(label, within, nth = 0) {
      await act('control', label, within, nth, (el) => el.click());
      counts.clicks += 1;
    },
    /** Chooses an option of a select (by value): two clicks, open and choose. */
    async choose(label, value, within, nth = 0) {
      await (await find('control', label, within, nth)).select(value);
      counts.clicks += 2;
    },
    /**
     * Chooses an option of a select by its visible text (a prefix). The options may arrive after the field (a
     * connected form fills them from the case view once it is loaded), so it looks again for up to 15 s, as a
     * person waits for the list to fill, before it fails.
     */
    async chooseText(label, optionText, within, nth = 0) {
      const deadline = Date.now() + 15_000;
      let select = await find('control', label, within, nth);
      let value;
      for (;;) {
        value = await select.evaluate(
          (el, wanted) => [...el.options].find((o) => o.textContent.trim().startsWith(wanted))?.value,
          optionText,
        );
        if (value !== undefined || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
        // A re-render may have replaced the select: find it again.
        select = await find('control', label, within, nth);
      }
      if (value === undefined) throw new Error(`no option "${optionText}" in "${label}"`);
      await select.select(value);
      counts.clicks += 2;
    },
    /** Clicks a button, summary or link by its text. */
    async press(text, within, nth = 0) {
      await act('button', text, within, nth, (el) => el.click());
      counts.clicks += 1;
    },
    /** Presses a key. */
    async key(name) {
      await page.keyboard.press(name);
      counts.keystrokes += 1;
    },
  };
}

/**
 * Waits until the page's visible text (through shadow roots, inside `within` when given) contains `text`.
 * @param {import('puppeteer-core').Page} page
 */
export async function waitForText(page, text, { within, timeout = 20_000 } = {}) {
  await page.waitForFunction(
    (wanted, tag) => {
      const roots = [];
      const collect = (node) => {
        for (const child of node.children ?? []) {
          if (!tag || child.localName === tag) roots.push(child);
          if (child.shadowRoot) collect(child.shadowRoot);
          collect(child);
        }
      };
      collect(document.body);
      const textOf = (node) => {
        let out = '';
        for (const child of node.childNodes ?? []) {
          if (child.nodeType === 3) out += child.textContent;
          else if (child.nodeType === 1 && child.tagName !== 'STYLE' && child.tagName !== 'SCRIPT') {
            if (child.shadowRoot) out += ` ${textOf(child.shadowRoot)}`;
            out += ` ${textOf(child)}`;
          }
        }
        return out;
      };
      return (tag ? roots : [document.body]).some((root) =>
        textOf(root.shadowRoot ?? root)
          .replace(/\s+/g, ' ')
          .includes(wanted),
      );
    },
    { timeout, polling: 250 },
    text,
    within,
  );
}

export { pause };

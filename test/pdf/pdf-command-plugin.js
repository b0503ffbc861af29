// @ts-check
/**
 * A web-test-runner command that prints the test's page to PDF with Chromium (`page.pdf`, through the
 * puppeteer page the chrome launcher drives) and returns the PDF's text, so a browser test can assert
 * on what the printed document contains. The PDF is kept under `.tmp/pdf/` for a person to look at
 * (render it with `pdftoppm -png`). The text comes from poppler's `pdftotext` when installed; without
 * it the command says so and the test fails rather than passing on nothing.
 *
 *   import { executeServerCommand } from '@web/test-runner-commands';
 *   const { text } = await executeServerCommand('fk-print-pdf', { name: 'kooperationsplan' });
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outDir = fileURLToPath(new URL('../../.tmp/pdf/', import.meta.url));

const screensDir = fileURLToPath(new URL('../../.tmp/screens/', import.meta.url));

/**
 * `fk-screenshot`: a PNG of the whole test page into `.tmp/screens/<name>.png`, to look at (the brief asks
 * us to look at our UI). Returns `{ file, bytes }`.
 */
async function screenshot(payload, session) {
  const name = String(/** @type {{ name?: unknown }} */ (payload)?.name ?? 'page').replace(/[^a-z0-9-]/gi, '_');
  const browser = /** @type {{ getPage?: (id: string) => import('puppeteer-core').Page }} */ (session.browser);
  if (typeof browser.getPage !== 'function')
    throw new Error('fk-screenshot needs the puppeteer-driven Chromium launcher');
  mkdirSync(screensDir, { recursive: true });
  const file = `${screensDir}${name}.png`;
  const png = await browser.getPage(session.id).screenshot({ path: file, fullPage: true });
  return { file, bytes: png.length };
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function pdfCommandPlugin() {
  return {
    name: 'fallkit-print-pdf',
    async executeCommand({ command, payload, session }) {
      if (command === 'fk-screenshot') return screenshot(payload, session);
      if (command !== 'fk-print-pdf') return undefined;
      const name = String(/** @type {{ name?: unknown }} */ (payload)?.name ?? 'document').replace(/[^a-z0-9-]/gi, '_');
      const browser = /** @type {{ getPage?: (id: string) => import('puppeteer-core').Page }} */ (session.browser);
      if (typeof browser.getPage !== 'function')
        throw new Error('fk-print-pdf needs the puppeteer-driven Chromium launcher');
      const page = browser.getPage(session.id);
      await page.emulateMediaType('print');
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
      });
      await page.emulateMediaType(null);
      mkdirSync(outDir, { recursive: true });
      const file = `${outDir}${name}.pdf`;
      writeFileSync(file, pdf);
      let text;
      try {
        text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      } catch {
        return { file, bytes: pdf.length, text: null, error: 'pdftotext (poppler-utils) is not installed' };
      }
      return { file, bytes: pdf.length, text };
    },
  };
}

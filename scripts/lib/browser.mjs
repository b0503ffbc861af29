/**
 * Launches the same headless Chromium the tests use, through puppeteer-core (which never downloads a
 * browser). For scripts that drive a page themselves: the demo smoke test and browser benchmarks.
 */
import puppeteer from 'puppeteer-core';
import { ensureBrowser } from '../ensure-browser.mjs';

/** The flags web-test-runner.config.js uses too: root-safe, quiet, no network of Chromium's own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {Promise<import('puppeteer-core').Browser>} */
export function launchChromium() {
  return puppeteer.launch({ executablePath: ensureBrowser(), headless: true, args: CHROMIUM_ARGS });
}

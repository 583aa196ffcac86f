import { existsSync } from 'node:fs';

/** Debian's Chromium (scripts/ensure-chromium.sh installs it), or the one CHROMIUM_PATH names. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, as root in a container, with no call home: without the background-networking flags Chromium opens
 * connections to Google's hosts at every start, which this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Fails the suite, saying how to provide a browser, when there is none: never a silent skip. */
export function requireChromium(): void {
  if (existsSync(CHROMIUM)) return;
  throw new Error(
    `no Chromium at ${CHROMIUM}: install Debian's (scripts/ensure-chromium.sh, run by npm test, does it as root: apt-get install chromium fonts-noto-cjk) or point CHROMIUM_PATH at a Chromium or Chrome binary`,
  );
}

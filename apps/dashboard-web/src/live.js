// @ts-check
/** Following `GET /api/v1/stream`, and turning bursts of changes into few refreshes. */
import { streamUrl } from './api.js';

/** After the browser gives up (an HTTP error such as 401 or 503), how long before trying again. */
const RECONNECT_MS = 5000;

/** @typedef {'connecting' | 'live' | 'reconnecting' | 'offline'} LiveState */

/**
 * Returns `schedule()`: the first call starts a timer, calls during it are absorbed, and a call while
 * `refresh` runs queues exactly one more run — so a burst of a thousand changes costs two or three refreshes
 * and the last change is always shown.
 * @param {() => Promise<void>} refresh
 * @param {number} delayMs
 */
export function coalesce(refresh, delayMs) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let running = false;
  let again = false;
  const run = async () => {
    timer = undefined;
    running = true;
    try {
      await refresh();
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (running) again = true;
    else timer ??= setTimeout(run, delayMs);
  };
  return schedule;
}

/**
 * Calls `onChange` on each projected change, and also whenever the stream (re)opens: changes made while it
 * was down are not replayed, so the page reloads its figures then. Returns a function that stops following.
 * @param {string} token
 * @param {{ onChange: () => void, onState: (state: LiveState) => void }} handlers
 */
export function follow(token, { onChange, onState }) {
  /** @type {EventSource} */
  let source;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let retry;
  const connect = () => {
    onState('connecting');
    source = new EventSource(streamUrl(token));
    source.onopen = () => {
      onState('live');
      onChange();
    };
    source.onmessage = () => onChange();
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) {
        onState('reconnecting'); // the browser retries by itself
        return;
      }
      onState('offline');
      onChange(); // a refresh finds out whether the token is the problem
      retry = setTimeout(connect, RECONNECT_MS);
    };
  };
  connect();
  return () => {
    clearTimeout(retry);
    source.close();
  };
}

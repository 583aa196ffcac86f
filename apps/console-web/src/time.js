// @ts-check
/**
 * Every time the console shows is in the server's TIME_ZONE (the zone the reports count periods in), not the
 * browser's: a ledger printed in another office must read the same. The server writes the zone into the
 * page's <meta name="time-zone">.
 */
import { DateTime } from 'luxon';

const FALLBACK_ZONE = 'Asia/Shanghai';

/** @returns {string} */
export function timeZone() {
  const meta = document.querySelector('meta[name="time-zone"]');
  const zone = meta?.getAttribute('content') || FALLBACK_ZONE;
  return DateTime.now().setZone(zone).isValid ? zone : FALLBACK_ZONE;
}

/**
 * 2026-03-01 08:00:00, in TIME_ZONE; '—' for none.
 * @param {string | null | undefined} iso
 */
export function formatTime(iso) {
  if (!iso) return '—';
  const time = DateTime.fromISO(iso, { setZone: true });
  return time.isValid ? time.setZone(timeZone()).toFormat('yyyy-MM-dd HH:mm:ss') : iso;
}

/** @param {Date} date */
export function formatNow(date) {
  return formatTime(date.toISOString());
}

/**
 * A `datetime-local` input's value (a wall time in TIME_ZONE) as ISO-8601 with the zone's offset, for `?asOf=`.
 * @param {string} local e.g. 2026-03-05T12:00
 * @returns {string | null}
 */
export function isoFromLocal(local) {
  const time = DateTime.fromISO(local, { zone: timeZone() });
  return time.isValid ? time.toISO({ suppressMilliseconds: true }) : null;
}

/**
 * An ISO time as a `datetime-local` value in TIME_ZONE.
 * @param {string} iso
 */
export function localFromIso(iso) {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timeZone()).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

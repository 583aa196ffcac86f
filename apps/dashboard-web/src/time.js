// @ts-check
/**
 * Times as the ledger counts them: in the server's TIME_ZONE (the zone the periods and the trend's months are
 * counted in), not the browser's. The server writes it into the page's <meta name="time-zone">.
 */

const FALLBACK_ZONE = 'Asia/Shanghai';

/** @returns {string} */
export function timeZone() {
  const zone = document.querySelector('meta[name="time-zone"]')?.getAttribute('content') || FALLBACK_ZONE;
  try {
    new Intl.DateTimeFormat('zh-CN', { timeZone: zone });
    return zone;
  } catch {
    return FALLBACK_ZONE;
  }
}

/** @type {Map<string, Intl.DateTimeFormat>} */
const formats = new Map();

/**
 * @param {Date} date
 * @returns {Record<string, string>} year, month, day, hour, minute, second, two digits each (the year four)
 */
function partsOf(date) {
  const zone = timeZone();
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(zone, format);
  }
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

/** 2026-03-10, in TIME_ZONE. @param {string} iso */
export function formatDay(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = partsOf(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 14:05:09, in TIME_ZONE. @param {Date} date */
export function formatClock(date) {
  const p = partsOf(date);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** 2026-03-10 14:05, in TIME_ZONE. @param {Date} date */
export function formatMinute(date) {
  const p = partsOf(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `YYYY-MM` of the month `date` is in, in TIME_ZONE. @param {Date} date */
export function monthOf(date) {
  const p = partsOf(date);
  return `${p.year}-${p.month}`;
}

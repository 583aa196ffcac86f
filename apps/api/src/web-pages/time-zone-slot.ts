import { assetOf, BuiltAsset } from './built-assets';

/** Where a page's index.html leaves room for the configured zone. */
const TIME_ZONE_SLOT = '<meta name="time-zone" content="">';

/**
 * The page with `<meta name="time-zone" content="Asia/Shanghai">` and an ETag of its own: the page shows every
 * time (and counts months) in TIME_ZONE without another request or endpoint.
 */
export function withTimeZone(page: BuiltAsset, timeZone: string): BuiltAsset {
  // loadConfig has checked the zone with Intl; keeping only a zone name's characters makes it safe in HTML regardless.
  const zone = timeZone.replace(/[^A-Za-z0-9_+\-/]/g, '');
  return assetOf(Buffer.from(page.body.toString('utf8').replace(TIME_ZONE_SLOT, `<meta name="time-zone" content="${zone}">`)), page.type);
}

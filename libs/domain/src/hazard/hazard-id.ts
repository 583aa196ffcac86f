import { v5 as uuidv5 } from 'uuid';
import { hazardDecoder } from './hazard.decoder';
import { HazardKey } from './hazard-values';

/** Fixed namespace: the same key yields the same hazardId on every machine, forever. */
const HAZARD_NAMESPACE = 'b3d6c1a2-5e4f-4a8b-9c0d-7e1f2a3b4c5d';

/** Trims, folds whitespace and full-width spaces, and lower-cases Latin letters so "1号楼 B座" ≡ "1号楼  b座". */
export function normaliseLocation(location: string): string {
  return location.replace(/[\s\u3000]+/g, ' ').trim().toLowerCase();
}

export function normaliseKey(key: HazardKey): HazardKey {
  return {
    unitId: key.unitId.trim(),
    location: normaliseLocation(key.location),
    categoryCode: key.categoryCode.trim(),
  };
}

/** hazardId = UUID v5 of the normalised natural key, so two reports of one key meet on one stream. */
export function hazardIdFor(key: HazardKey): string {
  const k = normaliseKey(key);
  return uuidv5(JSON.stringify([k.unitId, k.location, k.categoryCode]), HAZARD_NAMESPACE);
}

/** The hazard's stream, `hazard-<hazardId>` (named by the hazard's decoder). */
export function streamIdFor(hazardId: string): string {
  return hazardDecoder.streamIdFor(hazardId);
}

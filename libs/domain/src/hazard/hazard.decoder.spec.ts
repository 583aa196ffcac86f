import { hazardDecoder } from './hazard.decoder';

const stored = (type: string, schemaVersion: number, data: unknown) => ({ type, data, metadata: { schemaVersion } });

describe('hazardDecoder: the one place a stored hazard event becomes a HazardEvent', () => {
  it('names the hazard streams, and no others', () => {
    expect(hazardDecoder.streamIdFor('h1')).toBe('hazard-h1');
    expect(hazardDecoder.idOf('hazard-h1')).toBe('h1');
    expect(hazardDecoder.idOf('hazard-')).toBeUndefined();
    expect(hazardDecoder.idOf('tip-2026-1')).toBeUndefined();
    expect(hazardDecoder.idOf('xhazard-h1')).toBeUndefined();
  });

  it('upcasts before narrowing: a v1 HazardFound comes out with gridId (v2) and basisCode (v3) null', () => {
    expect(hazardDecoder.decode(stored('HazardFound', 1, { hazardId: 'h1' }))).toEqual({ type: 'HazardFound', data: { hazardId: 'h1', gridId: null, basisCode: null, tipNo: null } });
  });

  it('keeps a current event as it is, without the envelope', () => {
    expect(hazardDecoder.decode(stored('HazardReopened', 1, { reason: 'r', occurrence: 2 }))).toEqual({ type: 'HazardReopened', data: { reason: 'r', occurrence: 2 } });
  });

  it('answers undefined for a type the hazard does not know (written by a newer version), so folds skip it', () => {
    expect(hazardDecoder.decode(stored('HazardArchived', 1, {}))).toBeUndefined();
  });
});

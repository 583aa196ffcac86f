import { messageIdFor } from './email-notifier';

describe('messageIdFor', () => {
  const key = 'HZ-2026-0001/2026-03-15T10:00:00.000Z/overdue/unit-1/email';

  it('is the same for the same dedupeKey, in the sender’s domain, without the key’s colons', () => {
    const id = messageIdFor(key, 'hazard-ledger@city.example');

    expect(id).toMatch(/^<notice\.[0-9a-f]{32}@city\.example>$/);
    expect(messageIdFor(key, '"隐患系统" <hazard-ledger@city.example>')).toBe(id);
    expect(messageIdFor(key.replace('unit-1', 'unit-2'), 'hazard-ledger@city.example')).not.toBe(id);
  });
});

import { nestsDeeperThan } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('nestsDeeperThan counts nesting on the raw body', () => {
  it.each([
    ['a flat object', '{"a":1,"b":"x"}', 1],
    ['an object in an array in an object', '{"a":[{"b":2}]}', 3],
    ['siblings do not add up', '{"a":[1],"b":[2],"c":{"d":3}}', 2],
    ['a scalar', '42', 0],
  ])('%s is %i deep', (_case, text, depth) => {
    expect(nestsDeeperThan(bytes(text), depth)).toBe(false);
    if (depth > 0) expect(nestsDeeperThan(bytes(text), depth - 1)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(bytes(JSON.stringify({ a: '[[[{{{"\\[[[' })), 1)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ 描述: '「[[[」' })), 1)).toBe(false);
  });

  it('refuses 10,000 levels of arrays or objects without recursing', () => {
    expect(nestsDeeperThan(bytes('['.repeat(10_000) + ']'.repeat(10_000)), 32)).toBe(true);
    expect(nestsDeeperThan(bytes('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)), 32)).toBe(true);
    expect(nestsDeeperThan(bytes('['.repeat(10_000)), 32)).toBe(true);
  });
});

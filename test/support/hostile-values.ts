import fc from 'fast-check';

/** Text a header can carry on the wire: printable ASCII (Node refuses control and non-Latin-1 characters). */
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 });

const longText = fc.oneof(
  fc.integer({ min: 129, max: 10_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => '隐'.repeat(n)),
);

/** Strings that have broken parsers, validators, SQL and spreadsheets before. */
const nastyText = fc.constantFrom(
  '', ' ', '\u0000', '\u202e', '\ufeff', '\ud800', '𝕳𝖆𝖟𝖆𝖗𝖉', '🔥'.repeat(50), '=HYPERLINK("http://x","y")', ' =1+1', '＝1+1', '\n=1',
  "' OR 1=1 --", '"; DROP TABLE events; --', '<script>alert(1)</script>', '../../../etc/passwd', '%00', '%zz', '${7*7}', '{{7*7}}',
  '__proto__', 'constructor', 'prototype', 'null', 'undefined', 'true', '[]', '{}',
);

/** Numbers written as text, as a query string carries them. */
export const hostileNumeral = fc.constantFrom(
  '99999999999999999999', '9007199254740992', '1e400', '-1e400', '1e308', '-1', '-0', '0', '1.5', '0x10', '1e3', ' 7', 'NaN', 'Infinity', '-Infinity', '١٢', '1,000',
);

/** Any hostile text: for query values, path segments and bodies' strings. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: nastyText, weight: 4 },
  { arbitrary: hostileNumeral, weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 1 },
  { arbitrary: longText, weight: 1 },
);

/** Header values: over-long, unsafe characters, nothing at all. */
export const hostileHeaderText: fc.Arbitrary<string> = fc.oneof(
  printable,
  fc.integer({ min: 129, max: 8_000 }).map((n) => 'c'.repeat(n)),
  fc.constantFrom('', ' ', 'a b', '<x>', '"3"', 'W/"-1"', '99999999999999999999', '../x', '%00'),
);

/** A JSON value of the wrong kind, size or sign for whatever field it lands in. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 1.5, 1e308, -1e308, 99999999999999999999, Number.MAX_SAFE_INTEGER + 2, 5e-324, [], {}, [null], { a: { b: {} } }),
  hostileText,
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(hostileText, { maxLength: 60 }),
);

export type NestingKind = 'arrays' | 'objects' | 'mixed' | 'unclosed';

/** JSON text nested `depth` levels deep, the kind that overflows a recursive walker's stack. */
export function deeplyNested(kind: NestingKind, depth: number): string {
  switch (kind) {
    case 'arrays':
      return '['.repeat(depth) + ']'.repeat(depth);
    case 'objects':
      return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    case 'mixed':
      return '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);
    case 'unclosed':
      return '['.repeat(depth);
  }
}

export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom<NestingKind>('arrays', 'objects', 'mixed', 'unclosed'), fc.integer({ min: 33, max: 20_000 }))
  .map(([kind, depth]) => deeplyNested(kind, depth));

/** Keys that pollute Object.prototype when a merge or a parser trusts them, as JSON text inserted into an object. */
export const pollutingMember = fc.constantFrom(
  '"__proto__":{"isAdmin":true}',
  '"constructor":{"prototype":{"isAdmin":true}}',
  '"__proto__":null',
  '"prototype":{"roles":["admin"]}',
  '"hasOwnProperty":1',
  '"toString":"x"',
);

import { toCsv } from './csv';

const cell = (text: string) => toCsv({ headers: ['h'], rows: [[text]] }).slice(1).split('\r\n')[1];
const cellOf = (text: string) => {
  const csv = toCsv({ headers: ['h'], rows: [[text]] });
  return csv.slice(csv.indexOf('\r\n') + 2, -2);
};

describe('toCsv neutralises formulas (OWASP CSV Injection)', () => {
  it.each([
    ['=', '=HYPERLINK("http://x","y")'],
    ['+', '+1+1'],
    ['-', '-2+3'],
    ['@', '@SUM(A1)'],
    ['tab', '\t=1'],
    ['CR', '\r=1'],
    ['LF', '\n=1'],
    ['NUL', '\u0000=1'],
    ['a leading space', ' =1+1'],
    ['leading spaces and tabs', '  \t =cmd|\' /C calc\'!A0'],
    ['an ideographic space', '\u3000=1'],
    ['a zero-width space', '\u200b=1'],
    ['full-width ＝', '＝1+1'],
    ['full-width ＋', '＋1'],
    ['full-width －', '－1'],
    ['full-width ＠', '＠SUM(A1)'],
    ['a leading LF alone', '\nplain'],
  ])('%s gets an apostrophe', (_case, text) => {
    const written = cellOf(text);
    expect(written.replace(/^"/, '').startsWith("'")).toBe(true);
    expect(written).toContain(text.replace(/"/g, '""'));
  });

  it.each([['调压箱锈蚀'], ['a=b'], ['3号楼 - 地下室'], ['']])('%j stays as it is', (text) => {
    expect(cell(text)).toBe(text);
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(toCsv({ headers: ['n'], rows: [[-3]] })).toBe('\uFEFFn\r\n-3\r\n');
  });

  it('quotes a neutralised field that holds a line break or a quote', () => {
    expect(cellOf('\n=1')).toBe('"\'\n=1"');
    expect(cellOf('=A1&"x"')).toBe('"\'=A1&""x"""');
  });
});

import { SYSTEM_ACTOR } from '../shared/actor';
import { decideDocumentNumber, evolveDocumentNumber, initialDocumentNumberState } from './document-number.decider';
import { DrawDocumentNumber } from './document-number.messages';

const draw = (supervisionId: string): DrawDocumentNumber => ({
  type: 'DrawDocumentNumber',
  sequenceId: '2026-0123456789abcdef',
  data: { prefix: '安委办督', year: 2026, hazardId: 'h1', supervisionId },
  actor: SYSTEM_ACTOR,
  now: '2026-03-01T00:00:00Z',
});

function run(...supervisionIds: string[]) {
  let state = initialDocumentNumberState();
  const drawn: string[] = [];
  for (const id of supervisionIds) {
    for (const event of decideDocumentNumber(draw(id), state)) {
      drawn.push(event.data.documentNo);
      state = evolveDocumentNumber(state, event);
    }
  }
  return { state, drawn };
}

describe('the 文号 sequence of a (prefix, year)', () => {
  it('numbers impositions 1, 2, … in the system’s form', () => {
    expect(run('s1', 's2').drawn).toEqual(['安委办督〔2026〕1号', '安委办督〔2026〕2号']);
  });

  it('draws once per imposition: drawing again appends nothing and the number stands', () => {
    const { state, drawn } = run('s1', 's1', 's2');
    expect(drawn).toEqual(['安委办督〔2026〕1号', '安委办督〔2026〕2号']);
    expect(state.drawn.s1).toEqual({ number: 1, documentNo: '安委办督〔2026〕1号' });
  });
});

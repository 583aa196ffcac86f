import { GroupCommitQueue } from './group-commit-queue';
import type { AppendRequest } from './append-transaction';

const request = (streamId: string): AppendRequest => ({ streamId, events: [], expectedRevision: 'any' });
const ok = { ok: true as const, result: { nextExpectedRevision: 0, position: 1 } };

describe('GroupCommitQueue reports each batch to its observer', () => {
  it('tells the size of a batch written in one transaction', async () => {
    const sizes: number[] = [];
    const queue = new GroupCommitQueue((requests) => requests.map(() => ok), (n) => sizes.push(n));

    await Promise.all([queue.enqueue(request('a')), queue.enqueue(request('b')), queue.enqueue(request('c'))]);
    await queue.enqueue(request('d'));

    expect(sizes).toEqual([3, 1]);
  });

  it('tells a failed batch too, and an observer that throws changes no outcome', async () => {
    const sizes: number[] = [];
    const failing = new GroupCommitQueue(() => {
      throw new Error('disk full');
    }, (n) => sizes.push(n));
    const throwing = new GroupCommitQueue((requests) => requests.map(() => ok), () => {
      throw new Error('metrics broke');
    });

    await expect(failing.enqueue(request('a'))).rejects.toThrow(/nothing in it was stored/);
    await expect(throwing.enqueue(request('a'))).resolves.toEqual(ok.result);
    expect(sizes).toEqual([1]);
  });
});

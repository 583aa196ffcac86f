import { inBatches } from './in-batches';

async function collect<T>(source: AsyncIterable<T[]>): Promise<T[][]> {
  const batches: T[][] = [];
  for await (const batch of source) batches.push(batch);
  return batches;
}

async function* ready(values: number[]): AsyncGenerator<number> {
  yield* values;
}

async function* trickle(values: number[]): AsyncGenerator<number> {
  for (const value of values) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield value;
  }
}

describe('inBatches', () => {
  it('puts what is ready together, up to the maximum', async () => {
    expect(await collect(inBatches(ready([1, 2, 3, 4, 5]), 2))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('does not hold a lone event back waiting for more', async () => {
    expect(await collect(inBatches(trickle([1, 2, 3]), 10))).toEqual([[1], [2], [3]]);
  });

  it('ends with the source', async () => {
    expect(await collect(inBatches(ready([]), 10))).toEqual([]);
  });

  it('closes the source when the loop stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        yield* [1, 2, 3];
      } finally {
        closed = true;
      }
    }
    for await (const batch of inBatches(source(), 1)) {
      expect(batch).toEqual([1]);
      break;
    }
    expect(closed).toBe(true);
  });
});

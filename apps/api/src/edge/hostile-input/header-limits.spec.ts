import { headerProblem } from './header-limits';

describe('headerProblem', () => {
  it.each([
    [{}],
    [{ 'x-correlation-id': '0b8e3f5a-7c1d-4e2f-8a9b-1c2d3e4f5a6b' }],
    [{ 'x-correlation-id': 'batch:2026.03_import-7' }],
    [{ 'x-correlation-id': '   ' }],
    [{ 'idempotency-key': 'k'.repeat(200) }],
  ])('accepts %j', (headers) => {
    expect(headerProblem(headers)).toBeUndefined();
  });

  it.each([
    [{ 'x-correlation-id': 'c'.repeat(129) }, 'X-Correlation-Id must be at most 128 characters'],
    [{ 'x-correlation-id': 'c'.repeat(7000) }, 'X-Correlation-Id must be at most 128 characters'],
    [{ 'x-correlation-id': 'a b' }, 'X-Correlation-Id may hold only'],
    [{ 'x-correlation-id': 'id\u202e' }, 'X-Correlation-Id may hold only'],
    [{ 'x-correlation-id': '<script>' }, 'X-Correlation-Id may hold only'],
    [{ 'idempotency-key': 'k'.repeat(201) }, 'Idempotency-Key must be at most 200 characters'],
  ])('refuses %#', (headers, message) => {
    expect(headerProblem(headers)).toContain(message);
  });
});

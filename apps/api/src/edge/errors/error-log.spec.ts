import { BadRequestException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { IllegalTransitionError } from '@hazard/domain';
import { StoreUnavailableError } from '@hazard/event-store';
import { errorLogOf, isClientAbort } from './error-log';
import { errorResponseOf } from './error-response';

const logOf = (error: unknown, aborted = false) => errorLogOf(error, errorResponseOf(error), aborted);

describe('errorLogOf: how loud each error answer is logged', () => {
  it('logs a bug (500) at error with its stack', () => {
    const log = logOf(new Error('boom'));
    expect(log).toMatchObject({ level: 'error', message: 'boom', fields: { statusCode: 500 } });
    expect(log.fields.stack).toMatch(/^Error: boom\n/);
  });

  it('logs an outage (503 store unavailable) at error, without a stack', () => {
    const log = logOf(new StoreUnavailableError('down'));
    expect(log).toMatchObject({ level: 'error', fields: { statusCode: 503, code: 'STORE.UNAVAILABLE' } });
    expect(log.fields.stack).toBeUndefined();
  });

  it('logs READ_MODEL.BEHIND at warn, without a stack', () => {
    const behind = new ServiceUnavailableException({ message: 'behind', code: 'READ_MODEL.BEHIND' });
    expect(logOf(behind)).toEqual({ level: 'warn', message: 'behind', fields: { statusCode: 503, code: 'READ_MODEL.BEHIND' } });
  });

  it.each([
    [new BadRequestException(['title must be a string']), 'log', 400],
    [new IllegalTransitionError('VerifyRectification', 'found'), 'log', 409],
    [new UnauthorizedException('missing bearer token'), 'warn', 401],
  ])('logs a client error %s below error, without a stack', (error, level, statusCode) => {
    const log = logOf(error);
    expect(log).toMatchObject({ level, fields: { statusCode } });
    expect(log.fields.stack).toBeUndefined();
  });

  it('logs a client that hung up at info, whatever the error became', () => {
    const reset = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    expect(isClientAbort(reset, false)).toBe(true);
    expect(logOf(reset, true)).toMatchObject({ level: 'log', message: 'client closed the connection: aborted' });
    expect(logOf(reset, true).fields.stack).toBeUndefined();
  });

  it('takes a closed socket as an abort, and a plain error on an open one as not', () => {
    expect(isClientAbort(new Error('x'), true)).toBe(true);
    expect(isClientAbort(new Error('x'), false)).toBe(false);
  });
});

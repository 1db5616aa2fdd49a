import { describe, expect, it } from 'vitest';
import { errorForNetworkFailure, errorForStatus, isConnectFailure } from './http-errors';

const body = (message: string) => ({ error: { code: 'x', message } });

describe('HTTP failures as MesaError codes', () => {
  it.each([
    [401, 'unauthorized'],
    [413, 'too_large'],
    [429, 'rate_limited'],
    [404, 'not_found'],
    [400, 'rejected'],
    [409, 'rejected'],
    [422, 'rejected'],
    [500, 'server_error'],
    [502, 'server_error'],
    [503, 'server_error'],
  ])('%i → %s', (status, code) => {
    expect(errorForStatus(status, null).code).toBe(code);
  });

  it("passes the server's message on for refusals, never for 5xx", () => {
    expect(errorForStatus(400, body('Hash mismatch.')).message).toBe('Hash mismatch.');
    expect(errorForStatus(500, body('stack trace here')).message).not.toContain('stack trace');
    expect(errorForStatus(429, null, '12').message).toContain('12 s');
  });

  it('calls any fetch failure offline, with the cause', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    expect(errorForNetworkFailure(refused, 15_000)).toMatchObject({
      code: 'offline',
      message: 'Cannot reach the server (ECONNREFUSED).',
    });
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(errorForNetworkFailure(timeout, 15_000)).toMatchObject({
      code: 'offline',
      message: 'The server did not answer within 15 s.',
    });
  });

  it('tells a connection that never opened from an answer that came late or failed', () => {
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(isConnectFailure(errorForNetworkFailure(reset, 5_000))).toBe(true);
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(isConnectFailure(errorForNetworkFailure(timeout, 5_000))).toBe(false);
    expect(isConnectFailure(errorForStatus(503, null))).toBe(false);
  });
});

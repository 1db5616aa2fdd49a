import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedbackTokens } from './feedback-tokens';

const DAY = 24 * 60 * 60 * 1000;
const ticketId = '0190a000-0000-7000-8000-000000000abc';

describe('FeedbackTokens', () => {
  const tokens = new FeedbackTokens(randomBytes(32), 30 * DAY);
  const now = new Date('2026-03-02T10:00:00Z');

  it('verifies its own token until it expires', () => {
    const token = tokens.create(ticketId, now);
    expect(tokens.verify(token, now)).toEqual({ ok: true, ticketId });
    expect(tokens.verify(token, new Date(now.getTime() + 29 * DAY))).toEqual({ ok: true, ticketId });
    expect(tokens.verify(token, new Date(now.getTime() + 31 * DAY))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses tokens signed with another secret', () => {
    const other = new FeedbackTokens(randomBytes(32), 30 * DAY).create(ticketId, now);
    expect(tokens.verify(other, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('any single-character change breaks the token', () => {
    const token = tokens.create(ticketId, now);
    const alphabet = '0123456789abcdefABCDEF-_.';
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (index, char) => {
        fc.pre(token[index] !== char);
        const tampered = token.slice(0, index) + char + token.slice(index + 1);
        expect(tokens.verify(tampered, now).ok).toBe(false);
      }),
    );
  });

  it('refuses malformed input without throwing', () => {
    for (const bad of ['', '...', 'a.b.c', `${ticketId}.1`, `${ticketId}.x.y`, 'ñ'.repeat(90)]) {
      expect(tokens.verify(bad, now)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});

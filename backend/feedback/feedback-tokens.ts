import { createHmac, timingSafeEqual } from 'node:crypto';

export type FeedbackTokenCheck =
  { ok: true; ticketId: string } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The requester's feedback link: `<ticketId>.<expiry, unix seconds>.<HMAC-SHA256>`.
 * Signed with a server secret, so nobody can make a link for another ticket or stretch
 * its life; single use comes from the ticket itself, which takes feedback only once.
 */
export class FeedbackTokens {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlMs: number,
  ) {}

  create(ticketId: string, now: Date): string {
    const payload = `${ticketId}.${Math.floor((now.getTime() + this.ttlMs) / 1000)}`;
    return `${payload}.${this.sign(payload)}`;
  }

  verify(token: string, now: Date): FeedbackTokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    const [ticketId = '', expiry = '', signature = ''] = parts;
    if (!UUID.test(ticketId) || !/^\d{1,12}$/.test(expiry) || !/^[A-Za-z0-9_-]{43}$/.test(signature))
      return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(`${ticketId}.${expiry}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: 'bad_signature' };
    if (Number(expiry) * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, ticketId };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

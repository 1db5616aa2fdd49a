import { createHmac, timingSafeEqual } from 'node:crypto';

export type PageTokenCheck = { ok: true; ticketId: string; version: number } | { ok: false };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The requester's page link: `<ticketId>.<version>.<HMAC-SHA256>`. It lives as long as
 * the ticket's conversation; revoking bumps the ticket's version, which every earlier
 * link then fails to match.
 */
export class PageTokens {
  constructor(private readonly secret: Buffer) {}

  create(ticketId: string, version: number): string {
    const payload = `${ticketId}.${version}`;
    return `${payload}.${this.sign(payload)}`;
  }

  verify(token: string): PageTokenCheck {
    const [ticketId = '', version = '', signature = '', ...rest] = token.split('.');
    if (
      rest.length ||
      !UUID.test(ticketId) ||
      !/^\d{1,9}$/.test(version) ||
      !/^[A-Za-z0-9_-]{43}$/.test(signature)
    )
      return { ok: false };
    const expected = Buffer.from(this.sign(`${ticketId}.${version}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false };
    return { ok: true, ticketId, version: Number(version) };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

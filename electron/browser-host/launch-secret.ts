import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The browser host's per-launch secret: any local process (or a web page the agent visits)
 * can reach 127.0.0.1, so the socket that carries the agent's session answers only to a page
 * opened from the URL this launch printed. 32 random bytes, base64url so it is a valid
 * WebSocket subprotocol token.
 */
export const newLaunchSecret = (): string => randomBytes(32).toString('base64url');

/** Constant-time, and on equal-length digests so the length of the secret leaks nothing either. */
export function secretsMatch(expected: string, offered: string | null | undefined): boolean {
  if (typeof offered !== 'string' || offered.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(offered));
}

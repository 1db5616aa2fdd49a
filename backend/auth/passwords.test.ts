import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

// Cheaper hashing for the test (read at each hash; hashes carry their own cost).
process.env.MESA_SCRYPT_LOG2N = '12';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('mesa-demo');
    const b = await hashPassword('mesa-demo');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('mesa-demo', a)).toBe(true);
    expect(await verifyPassword('mesa-demo ', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('treats unknown formats as a mismatch', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$2$3')).toBe(false);
  });

  it('normalises Unicode so the same visible password matches', async () => {
    const hash = await hashPassword('contrase\u00f1a');
    expect(await verifyPassword('contrasen\u0303a', hash)).toBe(true);
  });
});

import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileCredentialStore, MemoryCredentialStore, type SecretCipher } from './credential-store';

const AGENT = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  name: 'Ana',
  email: 'agent@example.com',
  role: 'agent' as const,
};
const SESSION = { serverUrl: 'http://127.0.0.1:4000', token: 'tok-123', agent: AGENT };
const dir = () => mkdtempSync(join(tmpdir(), 'mesa-cred-'));

describe('the file credential store', () => {
  it('reads nothing on a first run, then what it wrote, in a file only its owner can read', async () => {
    const path = join(dir(), 'session.json');
    const store = new FileCredentialStore(path);
    expect(await store.read()).toBeNull();
    await store.write(SESSION);
    expect(await store.read()).toEqual(SESSION);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('replaces the file atomically and leaves no temporary behind', async () => {
    const folder = dir();
    const store = new FileCredentialStore(join(folder, 'session.json'));
    await store.write(SESSION);
    await store.write({ ...SESSION, token: null, agent: null });
    expect(readdirSync(folder)).toEqual(['session.json']);
    expect(await store.read()).toEqual({ ...SESSION, token: null, agent: null });
  });

  it('starts signed out on a corrupt file instead of failing', async () => {
    const path = join(dir(), 'session.json');
    writeFileSync(path, '{not json');
    const problems: string[] = [];
    expect(await new FileCredentialStore(path, undefined, (m) => problems.push(m)).read()).toBeNull();
    expect(problems).toHaveLength(1);
  });

  it('keeps only ciphertext on disk with a cipher, and re-encrypts when the key rotated', async () => {
    let rotated = true;
    const cipher: SecretCipher = {
      encrypt: async (text) => new TextEncoder().encode(`v2:${Buffer.from(text).toString('hex')}`),
      decrypt: async (data) => {
        const [version, hex] = new TextDecoder().decode(data).split(':');
        const reEncrypt = rotated && version === 'v2';
        rotated = false;
        return { plainText: Buffer.from(hex!, 'hex').toString(), reEncrypt };
      },
    };
    const path = join(dir(), 'session.bin');
    const store = new FileCredentialStore(path, cipher);
    await store.write(SESSION);
    expect(readFileSync(path, 'utf8')).not.toContain('tok-123');
    const before = statSync(path).mtimeMs;
    await new Promise((r) => setTimeout(r, 15));
    expect(await store.read()).toEqual(SESSION);
    expect(statSync(path).mtimeMs).toBeGreaterThan(before);
  });

  it('in memory: forgets at the end of the run', async () => {
    const store = new MemoryCredentialStore();
    expect(store.persistent).toBe(false);
    await store.write(SESSION);
    expect(await store.read()).toEqual(SESSION);
    await store.clear();
    expect(await store.read()).toBeNull();
  });
});

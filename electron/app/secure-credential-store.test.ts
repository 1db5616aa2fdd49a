// Where Electron keeps the session, with a stubbed safeStorage.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileCredentialStore, MemoryCredentialStore } from '../core/credential-store';
import { fake } from './testing/fake-electron';
import { openCredentialStore } from './secure-credential-store';

vi.mock('electron', () => import('./testing/fake-electron'));

const dir = () => mkdtempSync(join(tmpdir(), 'mesa-secure-'));
afterEach(() => {
  fake.linuxBackend = 'gnome_libsecret';
  fake.encryptionAvailable = true;
});

describe.runIf(process.platform === 'linux')('the Electron credential store on Linux', () => {
  it('writes safeStorage ciphertext when a keyring backs it', async () => {
    expect(await openCredentialStore(dir(), () => {})).toBeInstanceOf(FileCredentialStore);
  });

  it('refuses the basic_text backend and keeps the session in memory', async () => {
    fake.linuxBackend = 'basic_text';
    const log: string[] = [];
    const store = await openCredentialStore(dir(), (m) => log.push(m));
    expect(store).toBeInstanceOf(MemoryCredentialStore);
    expect(log.join()).toContain('basic_text');
  });

  it('keeps the session in memory when the OS cannot encrypt', async () => {
    fake.encryptionAvailable = false;
    expect(await openCredentialStore(dir(), () => {})).toBeInstanceOf(MemoryCredentialStore);
  });
});

import { describe, expect, it } from 'vitest';
import { decideSecretStorage } from './secret-storage-policy';

describe('where the token may be kept', () => {
  it('refuses Linux basic_text (a hard-coded key) and keeps the session in memory', () => {
    expect(
      decideSecretStorage({ platform: 'linux', linuxBackend: 'basic_text', encryptionAvailable: true }),
    ).toMatchObject({ use: 'memory' });
  });

  it('uses a real keyring', () => {
    for (const linuxBackend of ['gnome_libsecret', 'kwallet5', 'kwallet6']) {
      expect(decideSecretStorage({ platform: 'linux', linuxBackend, encryptionAvailable: true })).toEqual({
        use: 'safe-storage',
      });
    }
    expect(
      decideSecretStorage({ platform: 'darwin', linuxBackend: null, encryptionAvailable: true }),
    ).toEqual({ use: 'safe-storage' });
  });

  it('keeps nothing on disk when the OS cannot encrypt', () => {
    expect(
      decideSecretStorage({ platform: 'win32', linuxBackend: null, encryptionAvailable: false }),
    ).toMatchObject({ use: 'memory' });
  });
});

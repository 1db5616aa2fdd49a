import { join } from 'node:path';
import { safeStorage } from 'electron';
import {
  FileCredentialStore,
  MemoryCredentialStore,
  type CredentialStore,
  type SecretCipher,
} from '../core/credential-store';
import { decideSecretStorage } from '../core/security/secret-storage-policy';

/**
 * The session at rest in Electron: encrypted by the OS keyring through safeStorage's async
 * API (the sync one is deprecated in Electron 45), as ciphertext in userData. Where only
 * Linux's basic_text backend exists the session is not written at all (see the policy).
 * Call after the app is ready: before that the Linux backend reads as "unknown".
 */
const safeStorageCipher: SecretCipher = {
  encrypt: async (plainText) => new Uint8Array(await safeStorage.encryptStringAsync(plainText)),
  decrypt: async (data) => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(data));
    return { plainText: result, reEncrypt: shouldReEncrypt };
  },
};

export async function openCredentialStore(
  userDataDir: string,
  log: (message: string) => void,
): Promise<CredentialStore> {
  const decision = decideSecretStorage({
    platform: process.platform,
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    encryptionAvailable: await safeStorage.isAsyncEncryptionAvailable(),
  });
  if (decision.use === 'memory') {
    log(`credentials: ${decision.reason}`);
    return new MemoryCredentialStore();
  }
  return new FileCredentialStore(join(userDataDir, 'session.bin'), safeStorageCipher, log);
}

/**
 * Whether Electron's safeStorage may hold the token. On Linux without a keyring Electron
 * falls back to `basic_text`, which "encrypts" with a hard-coded key: the token would be as
 * good as plain text, so the session is kept in memory for this run instead, and the agent
 * signs in again next time.
 */
export type SecretStorageDecision = { use: 'safe-storage' } | { use: 'memory'; reason: string };

export function decideSecretStorage(input: {
  platform: string;
  linuxBackend: string | null;
  encryptionAvailable: boolean;
}): SecretStorageDecision {
  if (
    input.platform === 'linux' &&
    (input.linuxBackend === 'basic_text' || input.linuxBackend === 'unknown')
  ) {
    return {
      use: 'memory',
      reason: `no OS keyring (safeStorage backend "${input.linuxBackend}"); the session will not be remembered`,
    };
  }
  if (!input.encryptionAvailable)
    return { use: 'memory', reason: 'OS encryption is not available; the session will not be remembered' };
  return { use: 'safe-storage' };
}

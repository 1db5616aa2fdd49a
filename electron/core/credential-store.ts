import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { sessionAgentSchema } from '../../shared/sync/wire';
import { writeFileAtomic } from './atomic-file';

/**
 * Where the main process keeps the agent's session between launches. Only the main process
 * (or the browser host's Node side) ever reads it; the token in it never crosses to the page.
 * After a sign-out the record stays with `token: null`, so the console remembers which server
 * it used and that it is not the first run.
 */
export const storedSessionSchema = z.object({
  serverUrl: z.string(),
  token: z.string().nullable(),
  agent: sessionAgentSchema.nullable(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export interface CredentialStore {
  /** null when nothing was ever stored (first run) or what was stored cannot be read. */
  read(): Promise<StoredSession | null>;
  write(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
  /** Whether what is written survives a restart; false for the in-memory fallback. */
  readonly persistent: boolean;
}

/** Turns the stored text into bytes at rest and back: identity for the browser host, safeStorage in Electron. */
export interface SecretCipher {
  encrypt(plainText: string): Promise<Uint8Array>;
  /** `reEncrypt` says the key rotated and the caller should write the value again. */
  decrypt(data: Uint8Array): Promise<{ plainText: string; reEncrypt: boolean }>;
}

export const plainTextCipher: SecretCipher = {
  encrypt: async (plainText) => new TextEncoder().encode(plainText),
  decrypt: async (data) => ({ plainText: new TextDecoder().decode(data), reEncrypt: false }),
};

/**
 * A file readable by its owner only (0600), replaced atomically. With plainTextCipher it is
 * the browser host's store (JSON on disk, protected by file permissions, like ~/.ssh keys);
 * with the safeStorage cipher it is Electron's (ciphertext in userData).
 */
export class FileCredentialStore implements CredentialStore {
  readonly persistent = true;

  constructor(
    private readonly path: string,
    private readonly cipher: SecretCipher = plainTextCipher,
    private readonly onProblem: (message: string) => void = () => {},
  ) {}

  async read(): Promise<StoredSession | null> {
    let data: Uint8Array;
    try {
      data = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const { plainText, reEncrypt } = await this.cipher.decrypt(data);
      const session = storedSessionSchema.parse(JSON.parse(plainText));
      if (reEncrypt) await this.write(session);
      return session;
    } catch (error) {
      // A corrupt file or a key that changed (new OS account, wiped keyring): start signed out
      // rather than refuse to start. The next sign-in overwrites it.
      this.onProblem(
        `stored session unreadable, ignoring it: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
  }

  async write(session: StoredSession): Promise<void> {
    const data = await this.cipher.encrypt(JSON.stringify(storedSessionSchema.parse(session)));
    await writeFileAtomic(this.path, data, 0o600);
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

/** For when no safe place exists (Linux with only the basic_text backend): the session lasts one run. */
export class MemoryCredentialStore implements CredentialStore {
  readonly persistent = false;
  private session: StoredSession | null = null;

  async read(): Promise<StoredSession | null> {
    return this.session;
  }
  async write(session: StoredSession): Promise<void> {
    this.session = storedSessionSchema.parse(session);
  }
  async clear(): Promise<void> {
    this.session = null;
  }
}

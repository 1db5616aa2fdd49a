import { useCallback, useState } from 'react';
import { getDb } from '../data/app-db';
import type { Refusal } from '../i18n/refusals';
import { appSyncCoordinator } from '../sync/app-sync';
import { pokeAppUploads } from './app-uploads';
import { attachFiles } from './attach-files';
import type { AttachmentProblem } from './attachment-limits';

export interface AttachFilesState {
  /** `sourcePaths`: where dropped files came from on disk, when the host knows (Electron). */
  attach(files: readonly File[], sourcePaths?: ReadonlyMap<File, string>): Promise<void>;
  /** Files refused by the limits, with why; replaced by each new attempt. */
  problems: readonly AttachmentProblem[];
  /** The shared rules or the cache refused (e.g. the ticket is closed). */
  refusal: Refusal | null;
  busy: boolean;
  dismiss(): void;
}

/** Attaching files to one ticket from any gesture (drop, paste, picker): stored at once, uploaded later. */
export function useAttachFiles(ticketId: string): AttachFilesState {
  const [problems, setProblems] = useState<readonly AttachmentProblem[]>([]);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  const attach = useCallback(
    async (files: readonly File[], sourcePaths?: ReadonlyMap<File, string>) => {
      if (files.length === 0) return;
      setBusy(true);
      try {
        const result = await attachFiles(ticketId, files, { db: getDb(), sourcePaths });
        setProblems(result.problems);
        setRefusal(result.refused);
        if (result.attached.length > 0) {
          pokeAppUploads();
          // A blob the server already had needs no upload: its attachment.add can go at once.
          void appSyncCoordinator()?.sync();
        }
      } catch (error) {
        // A full or broken disk: nothing was stored, and the agent must know.
        setRefusal({
          code: 'storage_error',
          message: error instanceof Error ? error.message : String(error),
        });
      } finally {
        setBusy(false);
      }
    },
    [ticketId],
  );

  const dismiss = useCallback(() => {
    setProblems([]);
    setRefusal(null);
  }, []);

  return { attach, problems, refusal, busy, dismiss };
}

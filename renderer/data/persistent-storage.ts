/**
 * Asks the browser not to evict the cache under storage pressure. Without it, Chromium
 * may drop the whole origin's IndexedDB ("best effort" storage), outbox included.
 * Electron and an installed browser app usually grant it; a plain tab may say no, which
 * the sync bar then shows. Returns null where the API does not exist.
 */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

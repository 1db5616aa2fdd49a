/**
 * Where a file the agent just dropped lives on disk, or null. Only the Electron preload knows
 * (it reads webUtils.getPathForFile during the drop, window.mesa.droppedFilePath); the browser
 * host has no such member, and pasted or picked files have no drop: null, and the attachment
 * flow is the same without it. Ask from the drop handler itself: the preload keeps the last
 * drop only. Not through getMesa(): this never reaches the main process.
 */
export function droppedFilePath(file: File): string | null {
  try {
    const path: unknown = window.mesa?.droppedFilePath?.({
      name: file.name,
      size: file.size,
      lastModified: file.lastModified,
    });
    return typeof path === 'string' && path !== '' ? path : null;
  } catch {
    return null;
  }
}

/** The paths the preload knows for these dropped files, by File. */
export function droppedFilePaths(files: readonly File[]): Map<File, string> {
  const paths = new Map<File, string>();
  for (const file of files) {
    const path = droppedFilePath(file);
    if (path) paths.set(file, path);
  }
  return paths;
}

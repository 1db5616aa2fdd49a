import type { DroppedFileKey } from '../../shared/ipc/contract';

/**
 * The disk paths of dropped files, for `window.mesa.droppedFilePath`. Electron 32 removed
 * File.path; its replacement, webUtils.getPathForFile, has to run here in the preload, and a
 * File the page hands across contextBridge can arrive without its path. So the preload
 * watches drops itself, in the capture phase on window (before any page listener, React's
 * included), and keeps the paths of the last drop's files.
 *
 * The preload and the page see the same File through different JS wrappers (two worlds), so
 * identity (a WeakMap) cannot join them: the page asks by name + size + lastModified. Only the
 * last drop is kept, so nothing piles up and a later paste of a look-alike file cannot pick
 * up an old path; two alike files in one drop give null rather than a guess.
 */
export type GetPathForFile = (file: File) => string;

interface DroppedFile extends DroppedFileKey {
  path: string;
}

const isKey = (value: unknown): value is DroppedFileKey => {
  if (typeof value !== 'object' || value === null) return false;
  const { name, size, lastModified } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof size === 'number' && typeof lastModified === 'number';
};

export function watchDroppedFilePaths(
  target: Pick<EventTarget, 'addEventListener'>,
  getPathForFile: GetPathForFile,
): (file: unknown) => string | null {
  let lastDrop: DroppedFile[] = [];
  target.addEventListener(
    'drop',
    (event) => {
      lastDrop = [];
      const files = (event as DragEvent).dataTransfer?.files;
      if (!files) return;
      for (const file of Array.from(files)) {
        let path = '';
        try {
          path = getPathForFile(file);
        } catch {
          // Not a File after all: no path, and the drop still goes through.
        }
        // '' = a File built in JS, not backed by a file on disk.
        if (path) lastDrop.push({ name: file.name, size: file.size, lastModified: file.lastModified, path });
      }
    },
    { capture: true },
  );
  return (file) => {
    if (!isKey(file)) return null;
    const paths = new Set(
      lastDrop
        .filter((d) => d.name === file.name && d.size === file.size && d.lastModified === file.lastModified)
        .map((d) => d.path),
    );
    return paths.size === 1 ? [...paths][0]! : null;
  };
}

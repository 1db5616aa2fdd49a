import { originOf } from './app-origin';

/**
 * Who may call the main process: the main frame of our window, showing our origin. A
 * sub-frame (an iframe an attacker got in), a frame that navigated elsewhere, or a frame
 * already gone is refused before any handler runs (VS Code's validatedIpcMain does the same).
 */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export function checkIpcSender(
  frame: FrameLike | null | undefined,
  mainFrame: FrameLike | null | undefined,
  appOrigin: string,
): string | null {
  if (!frame) return 'The calling frame no longer exists.';
  let url: string;
  let parent: FrameLike | null;
  try {
    url = frame.url;
    parent = frame.parent;
  } catch {
    // A destroyed WebFrameMain throws on access.
    return 'The calling frame no longer exists.';
  }
  if (parent !== null || !mainFrame || frame !== mainFrame)
    return 'Only the main frame may call the main process.';
  const origin = originOf(url);
  if (origin !== appOrigin) return `Calls from ${origin ?? 'an opaque origin'} are not allowed.`;
  return null;
}

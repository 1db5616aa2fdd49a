import type { JSHandle, Locator, Page } from '@playwright/test';

/**
 * The desktop gestures of issue 6 played in a real page: files dropped from the file
 * manager, a screenshot pasted from the clipboard, and the Web Notification API watched.
 * Playwright cannot reach the OS clipboard or drag from outside the page, so these build
 * the same DOM events Chromium fires for them (a DataTransfer carrying real File objects).
 */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

async function dataTransferOf(page: Page, files: readonly FilePayload[]): Promise<JSHandle<DataTransfer>> {
  const wire = files.map((f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString('base64') }));
  return page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return transfer;
  }, wire);
}

/** dragenter → dragover → drop on `target`, as when files are dragged in from the desktop. */
export async function dropFiles(target: Locator, files: readonly FilePayload[]): Promise<void> {
  const dataTransfer = await dataTransferOf(target.page(), files);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  await dataTransfer.dispose();
}

/** A paste carrying files (Ctrl+V after taking a screenshot) into `target`. */
export async function pasteFiles(target: Locator, files: readonly FilePayload[]): Promise<void> {
  const clipboardData = await dataTransferOf(target.page(), files);
  await target.evaluate((element, data) => {
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, clipboardData);
  await clipboardData.dispose();
}

/** Replaces window.Notification, before the page's own scripts run, with one that records each notification, already permitted. */
export async function captureWebNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body: string; tag: string; onclick: (() => void) | null }> = [];
    class RecordingNotification {
      static permission: NotificationPermission = 'granted';
      static requestPermission = () => Promise.resolve<NotificationPermission>('granted');
      onclick: (() => void) | null = null;
      readonly tag: string;
      readonly body: string;
      constructor(
        readonly title: string,
        options: NotificationOptions = {},
      ) {
        this.tag = options.tag ?? '';
        this.body = options.body ?? '';
        shown.push(this);
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', {
      value: RecordingNotification,
      configurable: true,
      writable: true,
    });
    Object.defineProperty(window, '__mesaNotifications', { value: shown });
  });
}

/** The tags (`ticketId:clock:threshold`) of the notifications the page showed for one ticket, in order. */
export function notificationTags(page: Page, ticketId: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      ((window as unknown as { __mesaNotifications?: Array<{ tag: string }> }).__mesaNotifications ?? [])
        .map((n) => n.tag)
        .filter((tag) => tag.startsWith(`${id}:`)),
    ticketId,
  );
}

export function notificationTitle(page: Page, tag: string): Promise<string | undefined> {
  return page.evaluate(
    (t) =>
      (
        window as unknown as { __mesaNotifications: Array<{ tag: string; title: string }> }
      ).__mesaNotifications.find((n) => n.tag === t)?.title,
    tag,
  );
}

/** What the agent's click on the notification does. */
export async function clickNotification(page: Page, tag: string): Promise<void> {
  await page.evaluate(
    (t) =>
      (
        window as unknown as { __mesaNotifications: Array<{ tag: string; onclick: (() => void) | null }> }
      ).__mesaNotifications
        .find((n) => n.tag === t)
        ?.onclick?.(),
    tag,
  );
}

/** Attachment rows in the page's IndexedDB cache, read directly (not through the UI under test). */
export function cachedAttachmentCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('mesa-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('attachments').objectStore('attachments').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

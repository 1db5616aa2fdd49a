// @vitest-environment jsdom
// The preload with a stubbed electron: what it exposes as window.mesa, and how. jsdom, because
// the preload listens on the page's window (for dropped files' paths).
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  PRELOAD_LOCAL_MEMBERS,
  type MesaBridge,
} from '../../shared/ipc/contract';
import { fake, ipcRenderer } from '../app/testing/fake-electron';

vi.mock('electron', () => import('../app/testing/fake-electron'));

let mesa: MesaBridge;
beforeAll(async () => {
  await import('./preload');
  mesa = fake.exposed.get('mesa') as MesaBridge;
});

describe('the preload', () => {
  it('exposes window.mesa only, as one named function per channel plus on() and the preload-local members', () => {
    expect([...fake.exposed.keys()]).toEqual(['mesa']);
    expect(Object.keys(mesa).sort()).toEqual([...INVOKE_CHANNELS, 'on', ...PRELOAD_LOCAL_MEMBERS].sort());
    for (const value of Object.values(mesa)) expect(typeof value).toBe('function');
  });

  it('never hands out ipcRenderer or any of its methods', () => {
    const leaks = new Set<unknown>([
      ipcRenderer,
      ipcRenderer.invoke,
      ipcRenderer.send,
      ipcRenderer.on,
      ipcRenderer.emit,
    ]);
    for (const value of Object.values(mesa)) expect(leaks.has(value)).toBe(false);
    expect(Object.isFrozen(mesa)).toBe(true);
  });

  it('invokes the channel’s wire name with the request and returns the envelope', async () => {
    expect(await mesa.getSession(undefined)).toEqual({ ok: true, value: { echoed: 'mesa:getSession' } });
    await mesa.pull({ cursor: 3, limit: 10 });
    expect(fake.invoked.slice(-2)).toEqual([
      { channel: 'mesa:getSession', payload: undefined },
      { channel: 'mesa:pull', payload: { cursor: 3, limit: 10 } },
    ]);
  });

  it('turns a failed invoke into an envelope instead of a rejection', async () => {
    const spy = vi
      .spyOn(ipcRenderer, 'invoke')
      .mockRejectedValueOnce(new Error("No handler registered for 'mesa:logout'"));
    expect(await mesa.logout(undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    spy.mockRestore();
  });

  it('passes event payloads only (never the IpcRendererEvent), and unsubscribes', () => {
    const listener = vi.fn();
    const off = mesa.on('syncPoke', listener);
    ipcRenderer.emit('mesa:syncPoke', { sender: ipcRenderer, senderId: 0 }, { cursor: 42 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ cursor: 42 });
    off();
    expect(ipcRenderer.listenerCount('mesa:syncPoke')).toBe(0);
  });

  it('subscribes to the table’s events only', () => {
    expect(() => mesa.on('mesa:anything' as never, () => {})).toThrow(/Unknown event/);
    expect(() => mesa.on('__proto__' as never, () => {})).toThrow(/Unknown event/);
    for (const event of EVENT_CHANNELS) mesa.on(event, () => {})();
  });
});

/** A drop as Chromium fires it; jsdom has no DragEvent or DataTransfer, so the part the preload reads is set by hand. */
function drop(target: EventTarget, dataTransfer: { types: string[]; files: File[] } | null): Event {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
  target.dispatchEvent(event);
  return event;
}

const keyOf = (file: File) => ({ name: file.name, size: file.size, lastModified: file.lastModified });

describe('the preload’s dropped-file paths', () => {
  beforeEach(() => {
    fake.filePaths.clear();
    fake.pathLookups.length = 0;
  });

  it('reads each dropped file’s path with webUtils.getPathForFile, before the page’s own drop listener runs', () => {
    const shot = new File(['png bytes'], 'screenshot.png', {
      type: 'image/png',
      lastModified: 1_700_000_000_000,
    });
    const log = new File(['log'], 'app.log', { type: 'text/plain', lastModified: 1_700_000_000_001 });
    fake.filePaths.set(shot, '/home/ana/Imágenes/screenshot.png');
    fake.filePaths.set(log, '/var/log/app.log');
    const zone = document.body.appendChild(document.createElement('div'));
    let seenByPage: string | null = null;
    // The page asks from its own drop handler (bubble phase, like React's): the path must already be known.
    zone.addEventListener('drop', () => void (seenByPage = mesa.droppedFilePath!(keyOf(shot))));

    drop(zone, { types: ['Files'], files: [shot, log] });

    expect(fake.pathLookups).toEqual([shot, log]);
    expect(seenByPage).toBe('/home/ana/Imágenes/screenshot.png');
    expect(mesa.droppedFilePath!(keyOf(log))).toBe('/var/log/app.log');
    zone.remove();
  });

  it('does nothing for a drop without files, and forgets the previous drop', () => {
    const shot = new File(['png'], 'shot.png', { type: 'image/png', lastModified: 1 });
    fake.filePaths.set(shot, '/tmp/shot.png');
    drop(window, { types: ['Files'], files: [shot] });
    fake.pathLookups.length = 0;

    drop(window, { types: ['text/plain'], files: [] });
    drop(window, null);

    expect(fake.pathLookups).toEqual([]);
    expect(mesa.droppedFilePath!(keyOf(shot))).toBeNull();
  });

  it('answers null for a file built in JS, an unknown file, two alike files, or a malformed question', () => {
    const built = new File(['x'], 'built.png', { lastModified: 5 });
    const a = new File(['same'], 'same.png', { lastModified: 7 });
    const b = new File(['same'], 'same.png', { lastModified: 7 });
    fake.filePaths.set(a, '/one/same.png');
    fake.filePaths.set(b, '/two/same.png');
    drop(window, { types: ['Files'], files: [built, a, b] });

    expect(mesa.droppedFilePath!(keyOf(built))).toBeNull();
    expect(mesa.droppedFilePath!(keyOf(a))).toBeNull();
    expect(mesa.droppedFilePath!({ name: 'other.png', size: 1, lastModified: 1 })).toBeNull();
    for (const junk of [
      undefined,
      null,
      'same.png',
      { name: 'same.png' },
      { name: 1, size: 4, lastModified: 7 },
    ]) {
      expect(mesa.droppedFilePath!(junk as never)).toBeNull();
    }
  });

  it('lets a drop through when getPathForFile throws', () => {
    const notAFile = { name: 'x', size: 1, lastModified: 1 } as unknown as File;
    const event = drop(window, { types: ['Files'], files: [notAFile] });
    expect(event.defaultPrevented).toBe(false);
    expect(mesa.droppedFilePath!(keyOf(notAFile))).toBeNull();
  });
});

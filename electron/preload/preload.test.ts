// The preload with a stubbed electron: what it exposes as window.mesa, and how.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type MesaBridge } from '../../shared/ipc/contract';
import { fake, ipcRenderer } from '../app/testing/fake-electron';

vi.mock('electron', () => import('../app/testing/fake-electron'));

let mesa: MesaBridge;
beforeAll(async () => {
  await import('./preload');
  mesa = fake.exposed.get('mesa') as MesaBridge;
});

describe('the preload', () => {
  it('exposes window.mesa only, as one named function per channel plus on()', () => {
    expect([...fake.exposed.keys()]).toEqual(['mesa']);
    expect(Object.keys(mesa).sort()).toEqual([...INVOKE_CHANNELS, 'on'].sort());
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

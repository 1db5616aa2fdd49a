import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { MesaError } from '../../shared/ipc/result';
import { createIpcRouter, type IpcHandlers } from './ipc-router';

const AGENT = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  name: 'Ana',
  email: 'agent@example.com',
  role: 'agent' as const,
};

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const unused = () => {
    throw new Error('not used here');
  };
  const all = Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, unused])) as unknown as IpcHandlers;
  return { ...all, ...overrides };
}

describe('the IPC router', () => {
  it('refuses channels outside the table, prototype names included', async () => {
    const router = createIpcRouter({ handlers: handlers() });
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await router.dispatch(channel, undefined, null)).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
  });

  it('refuses a sender the host rejects, before the payload or the handler', async () => {
    const getSession = vi.fn();
    const router = createIpcRouter<{ frame: string }>({
      handlers: handlers({ getSession }),
      verifySender: (s) => (s.frame === 'main' ? null : 'sub-frame'),
    });
    expect(await router.dispatch('getSession', undefined, { frame: 'sub' })).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: 'sub-frame' },
    });
    expect(getSession).not.toHaveBeenCalled();
  });

  it('says which field of a payload is wrong, and never calls the handler with it', async () => {
    const pull = vi.fn();
    const router = createIpcRouter({ handlers: handlers({ pull }) });
    const result = await router.dispatch('pull', { cursor: -1, limit: 5_000 }, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!result.ok && result.error.message).toMatch(/^pull: cursor: .*; limit: /);
    expect(await router.dispatch('getSession', { sneaky: true }, null)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(pull).not.toHaveBeenCalled();
  });

  it('passes the parsed request and wraps the answer', async () => {
    const login = vi.fn(async () => ({ agent: AGENT, serverUrl: 'http://s' }));
    const router = createIpcRouter({ handlers: handlers({ login }) });
    const result = await router.dispatch(
      'login',
      { serverUrl: ' http://s ', email: ' agent@example.com ', password: 'pw' },
      null,
    );
    expect(login).toHaveBeenCalledWith({ serverUrl: 'http://s', email: 'agent@example.com', password: 'pw' });
    expect(result).toEqual({ ok: true, value: { agent: AGENT, serverUrl: 'http://s' } });
  });

  it('strips what the response schema does not name, so a token added by mistake never crosses', async () => {
    const getSession = async () => ({
      agent: { ...AGENT, token: 'secret' },
      serverUrl: 'http://s',
      token: 'secret',
    });
    const router = createIpcRouter({ handlers: handlers({ getSession: getSession as never }) });
    const result = await router.dispatch('getSession', undefined, null);
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('turns MesaError into its code and anything else into a bland internal error', async () => {
    const onUnexpectedError = vi.fn();
    const router = createIpcRouter({
      handlers: handlers({
        pull: () => {
          throw new MesaError('offline', 'Cannot reach the server.');
        },
        push: () => {
          throw new Error('db path /home/x leaked');
        },
        getConnectivity: (() => ({ state: 'weird' })) as never,
      }),
      onUnexpectedError,
    });
    expect(await router.dispatch('pull', { cursor: 0, limit: 10 }, null)).toEqual({
      ok: false,
      error: { code: 'offline', message: 'Cannot reach the server.' },
    });
    const pushed = await router.dispatch(
      'push',
      { clientId: 'c', mutations: [{ id: '0190a0a0-0000-7000-8000-000000000002', type: 'x', args: {} }] },
      null,
    );
    expect(pushed).toEqual({ ok: false, error: { code: 'internal', message: 'push failed unexpectedly.' } });
    expect(await router.dispatch('getConnectivity', undefined, null)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(onUnexpectedError).toHaveBeenCalledTimes(2);
  });

  it('lists exactly the table', () => {
    expect(createIpcRouter({ handlers: handlers() }).channels).toEqual(INVOKE_CHANNELS);
  });
});

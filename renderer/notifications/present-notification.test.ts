import { describe, expect, it } from 'vitest';
import { presentNotification, type PresentDeps } from './present-notification';

const CONTENT = {
  tag: 't:resolution:warning',
  title: 'SLA warning',
  body: 'VPN down',
  ticketId: '0190a000-0000-7000-8000-000000000001',
};

/** A stand-in for window.Notification that records what the page did with it. */
function fakeWebNotification(permission: NotificationPermission) {
  class FakeNotification {
    static permission = permission;
    onclick: (() => void) | null = null;
    closed = false;
    constructor(
      readonly title: string,
      readonly options?: NotificationOptions,
    ) {
      made.push(this);
    }
    close() {
      this.closed = true;
    }
  }
  const made: FakeNotification[] = [];
  return { Web: FakeNotification as unknown as typeof Notification, made };
}

function deps(shown: boolean, Web?: typeof Notification) {
  const opened: string[] = [];
  let focused = 0;
  const d: PresentDeps = {
    api: { showNotification: async () => ({ shown }) },
    WebNotification: Web,
    focusWindow: () => void (focused += 1),
    openTicket: (id) => void opened.push(id),
  };
  return { d, opened, focused: () => focused };
}

describe('presentNotification', () => {
  it('leaves it to the main process when it shows natively (Electron)', async () => {
    const web = fakeWebNotification('granted');
    expect(await presentNotification(CONTENT, deps(true, web.Web).d)).toBe('native');
    expect(web.made).toEqual([]);
  });

  it('uses the Web Notification API in the browser host, and a click opens the ticket', async () => {
    const web = fakeWebNotification('granted');
    const { d, opened, focused } = deps(false, web.Web);
    expect(await presentNotification(CONTENT, d)).toBe('web');
    expect(web.made.map((n) => [n.title, n.options?.body, n.options?.tag])).toEqual([
      ['SLA warning', 'VPN down', CONTENT.tag],
    ]);
    web.made[0]!.onclick!();
    expect(opened).toEqual([CONTENT.ticketId]);
    expect(focused()).toBe(1);
    expect(web.made[0]!.closed).toBe(true);
  });

  it('shows nothing without permission rather than asking from a timer', async () => {
    const web = fakeWebNotification('default');
    expect(await presentNotification(CONTENT, deps(false, web.Web).d)).toBe('not_shown');
    expect(web.made).toEqual([]);
    expect(await presentNotification(CONTENT, deps(false, undefined).d)).toBe('not_shown');
  });
});

import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './app-origin';
import { decidePermission } from './permission-policy';

const ours = { requestingUrl: 'app://mesa/', isMainFrame: true };

describe('web permissions', () => {
  it('grants notifications and persistent storage to our main frame', () => {
    expect(decidePermission('notifications', ours, APP_ORIGIN)).toBe(true);
    expect(decidePermission('persistent-storage', ours, APP_ORIGIN)).toBe(true);
  });

  it.each([
    'media',
    'geolocation',
    'clipboard-read',
    'usb',
    'hid',
    'serial',
    'openExternal',
    'display-capture',
    'midiSysex',
    'unknown',
  ])('refuses %s even to us', (permission) => {
    expect(decidePermission(permission, ours, APP_ORIGIN)).toBe(false);
  });

  it('refuses notifications to any other origin or to a sub-frame', () => {
    for (const requestingUrl of [
      'https://evil.test/',
      'app://mesa.evil/',
      'file:///x.html',
      null,
      undefined,
    ]) {
      expect(decidePermission('notifications', { requestingUrl, isMainFrame: true }, APP_ORIGIN)).toBe(false);
    }
    expect(
      decidePermission('notifications', { requestingUrl: 'app://mesa/', isMainFrame: false }, APP_ORIGIN),
    ).toBe(false);
  });
});

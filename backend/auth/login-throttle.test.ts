import { describe, expect, it } from 'vitest';
import { LoginThrottle, type LoginThrottleOptions } from './login-throttle';

const options: LoginThrottleOptions = {
  addressFailures: { max: 3, windowMs: 60_000 },
  accountBackoff: { freeFailures: 2, baseMs: 1_000, maxMs: 8_000 },
  trustedForMs: 24 * 60 * 60_000,
  maxEntries: 1_000,
};

describe('login throttle', () => {
  it('stops password spraying: one address failing across many accounts is held until its window ends', () => {
    const throttle = new LoginThrottle(options);
    for (const account of ['a@x', 'b@x', 'c@x']) {
      expect(throttle.check('10.0.0.9', account, 0)).toEqual({ allowed: true });
      throttle.failed('10.0.0.9', account, 0);
    }
    expect(throttle.check('10.0.0.9', 'd@x', 1_000)).toEqual({
      allowed: false,
      scope: 'address',
      retryAfterMs: 59_000,
    });
    expect(throttle.check('10.0.0.10', 'd@x', 1_000)).toEqual({ allowed: true });
    expect(throttle.check('10.0.0.9', 'd@x', 60_000)).toEqual({ allowed: true });
  });

  it('backs an account off exponentially across addresses, capped, and a success ends it', () => {
    const throttle = new LoginThrottle(options);
    let now = 0;
    const fail = (address: string) => throttle.failed(address, 'ana@x', now);
    fail('1.1.1.1');
    fail('2.2.2.2');
    expect(throttle.check('3.3.3.3', 'ana@x', now + 999)).toMatchObject({
      scope: 'account',
      retryAfterMs: 1,
    });
    now += 1_000;
    fail('3.3.3.3');
    expect(throttle.check('4.4.4.4', 'ana@x', now + 1_000)).toMatchObject({ retryAfterMs: 1_000 });
    for (let i = 0; i < 20; i += 1) {
      now += 10_000;
      fail(`5.5.5.${i}`);
    }
    // Capped: however long the attack, a new address waits at most maxMs.
    expect(throttle.check('6.6.6.6', 'ana@x', now)).toMatchObject({ retryAfterMs: 8_000 });
    expect(throttle.check('6.6.6.6', 'ana@x', now + 8_000)).toEqual({ allowed: true });
    throttle.succeeded('6.6.6.6', 'ana@x', now + 8_000);
    expect(throttle.check('7.7.7.7', 'ana@x', now + 8_000)).toEqual({ allowed: true });
  });

  it('keeps an attacker from locking the owner out of the address they signed in from', () => {
    const throttle = new LoginThrottle(options);
    throttle.succeeded('192.168.1.20', 'ana@x', 0);
    for (let i = 0; i < 10; i += 1) throttle.failed(`203.0.113.${i}`, 'ana@x', 1_000);
    expect(throttle.check('203.0.113.99', 'ana@x', 1_000)).toMatchObject({
      allowed: false,
      scope: 'account',
    });
    expect(throttle.check('192.168.1.20', 'ana@x', 1_000)).toEqual({ allowed: true });
    // Trust is for a while, not forever.
    const nextDay = 1_000 + 24 * 60 * 60_000 + 1;
    throttle.failed('203.0.113.1', 'ana@x', nextDay);
    expect(throttle.check('192.168.1.20', 'ana@x', nextDay)).toMatchObject({
      allowed: false,
      scope: 'account',
    });
  });

  it('stays bounded however many accounts an attacker invents: the oldest are forgotten first', () => {
    const throttle = new LoginThrottle({
      ...options,
      addressFailures: { max: 10_000, windowMs: 60_000 },
      maxEntries: 10,
    });
    for (let i = 0; i < 1_000; i += 1)
      for (let k = 0; k < 3; k += 1) throttle.failed('10.0.0.1', `user${i}@x`, 0);
    expect(throttle.check('10.0.0.2', 'user0@x', 0)).toEqual({ allowed: true });
    expect(throttle.check('10.0.0.2', 'user999@x', 0)).toMatchObject({ allowed: false, scope: 'account' });
  });
});

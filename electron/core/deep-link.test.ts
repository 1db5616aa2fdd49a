import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from './deep-link';

describe('mesa:// links', () => {
  it('opens a ticket by number or by id', () => {
    expect(parseDeepLink('mesa://ticket/INC-1042')).toEqual({ number: 'INC-1042' });
    expect(parseDeepLink('mesa://ticket/inc-7/')).toEqual({ number: 'INC-7' });
    expect(parseDeepLink('mesa://ticket/0190A0A0-0000-7000-8000-000000000001')).toEqual({
      ticketId: '0190a0a0-0000-7000-8000-000000000001',
    });
  });

  it.each([
    'mesa://ticket/',
    'mesa://ticket/INC-1/extra',
    'mesa://admin/INC-1',
    'https://ticket/INC-1',
    'mesa://ticket/%3Cscript%3E',
    'mesa://ticket/INC-1042' + 'x'.repeat(400),
    'garbage',
  ])('ignores %s', (link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it('finds the link in a second instance’s command line', () => {
    expect(findDeepLink(['/usr/bin/mesa', '--flag', 'mesa://ticket/SR-12'])).toEqual({ number: 'SR-12' });
    expect(findDeepLink(['/usr/bin/mesa', '.'])).toBeNull();
  });
});

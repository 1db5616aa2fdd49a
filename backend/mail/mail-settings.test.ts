import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../cli-args';

describe('mail settings on the command line', () => {
  it('takes SMTP and IMAP URLs and the sender, from flags or the environment', () => {
    const config = parseCliArgs(
      [
        '--smtp-url',
        'smtps://u:p@smtp.example.org:465',
        '--mail-from',
        'Soporte <soporte@example.org>',
        '--mail-poll-seconds',
        '5',
      ],
      { MESA_IMAP_URL: 'imaps://u:p@imap.example.org/INBOX' },
    );
    expect(config).toMatchObject({
      smtpUrl: 'smtps://u:p@smtp.example.org:465',
      imapUrl: 'imaps://u:p@imap.example.org/INBOX',
      mailFrom: 'Soporte <soporte@example.org>',
      mailPollMs: 5000,
    });
    expect(parseCliArgs([], {}).smtpUrl).toBeUndefined();
  });

  it('refuses what it cannot use, with the usage text', () => {
    expect(() => parseCliArgs(['--smtp-url', 'http://smtp.example.org'], {})).toThrow(
      /--smtp-url must start with smtp: or smtps:/,
    );
    expect(() => parseCliArgs(['--imap-url', 'not a url'], {})).toThrow(/--imap-url is not a URL/);
    expect(() => parseCliArgs(['--mail-from', 'Soporte\r\nBcc: x@y <a@b.c>'], {})).toThrow(
      /--mail-from must be one address/,
    );
    expect(() => parseCliArgs(['--help'], {})).toThrow(/--smtp-url <URL>[\s\S]*--imap-url <URL>/);
  });
});

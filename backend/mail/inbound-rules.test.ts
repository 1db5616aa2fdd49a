import { describe, expect, it } from 'vitest';
import { headerText } from './header-safety';
import { classifyInbound } from './inbound-classifier';
import type { InboundMail } from './inbound-parser';
import { stripQuotedReply } from './reply-stripper';

const mail = (over: Partial<InboundMail> = {}, headers: InboundMail['headers'] = {}): InboundMail => ({
  messageId: '<a@requester.example>',
  inReplyTo: [],
  references: [],
  subject: 'Re: [INC-1042] Sin VPN',
  fromAddress: 'lucia@example.org',
  fromName: 'Lucía',
  text: 'Gracias',
  headers,
  attachments: [],
  recipients: 1,
  ...over,
});
const US = 'soporte@mesa.example';

describe('which inbound mail is a person writing', () => {
  it('takes an ordinary reply, and Auto-Submitted: no', () => {
    expect(classifyInbound(mail(), US)).toEqual({ kind: 'process' });
    expect(classifyInbound(mail({}, { autoSubmitted: 'no' }), US)).toEqual({ kind: 'process' });
  });

  it.each([
    ['Auto-Submitted: auto-replied', mail({}, { autoSubmitted: 'auto-replied' })],
    ['Precedence: bulk', mail({}, { precedence: 'bulk' })],
    ['Precedence: auto_reply', mail({}, { precedence: 'auto_reply' })],
    ['a null sender', mail({}, { returnPath: '<>' })],
    ['a delivery report', mail({}, { contentType: 'multipart/report; report-type=delivery-status' })],
    ['a mailer daemon', mail({ fromAddress: 'mailer-daemon@example.org' })],
    ['Microsoft out-of-office', mail({}, { autoResponseSuppress: 'All' })],
    [
      'our own Message-ID',
      mail({ messageId: '<mesa.mail.01900000-0000-7000-8000-000000000001@mesa.example>' }),
    ],
    ['our own address', mail({ fromAddress: US })],
    ['no sender', mail({ fromAddress: null })],
  ])('drops %s', (_name, inbound) => {
    expect(classifyInbound(inbound, US).kind).toBe('ignore');
  });
});

describe('the quoted history of a reply', () => {
  it.each([
    [
      'Spanish Gmail',
      'Es la 5.2.\n\nEl lun, 7 dic 2026 a las 10:00, Soporte <s@x.com> escribió:\n> ¿Qué versión?',
    ],
    [
      'English Gmail',
      'Es la 5.2.\r\n\r\nOn Mon, Dec 7, 2026 at 10:00 AM Support <s@x.com> wrote:\r\n> Which version?',
    ],
    ['Outlook', 'Es la 5.2.\n\n-----Original Message-----\nFrom: Soporte\nWhich version?'],
  ])('is stripped (%s)', (_client, text) => {
    expect(stripQuotedReply(text)).toBe('Es la 5.2.');
  });

  it('keeps everything when stripping would leave nothing', () => {
    expect(stripQuotedReply('> citado\n> solo')).toBe('> citado\n> solo');
  });
});

describe('text that goes into a header', () => {
  it('is one line whatever it holds', () => {
    expect(headerText('Impresora\r\nBcc: x@evil.example\u0000\u2028fin')).toBe(
      'Impresora Bcc: x@evil.example fin',
    );
    expect(headerText('a'.repeat(300), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

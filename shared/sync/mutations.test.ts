import { describe, expect, it } from 'vitest';
import { parseMutation } from './mutations';
import { pushRequestSchema } from './wire';

const id = '0192f3a4-5b6c-7d8e-9f01-0000000000e1';
const ticketId = '0192f3a4-5b6c-7d8e-9f01-0000000000f1';
const create = {
  ticketId,
  title: 'La impresora no imprime',
  description: '',
  category: 'printing',
  impact: 3,
  urgency: 2,
  requester: { name: 'Iñaki', email: ' Inaki@Example.com ' },
};

describe('parseMutation', () => {
  it('accepts a valid mutation and normalises what it must', () => {
    const parsed = parseMutation({ id, type: 'ticket.create', args: create });
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.mutation.type === 'ticket.create')
      expect(parsed.mutation.args.requester.email).toBe('inaki@example.com');
  });

  it('names an unknown type, and never looks up the prototype chain', () => {
    expect(parseMutation({ id, type: 'ticket.explode', args: {} })).toMatchObject({
      ok: false,
      code: 'unknown_type',
    });
    expect(parseMutation({ id, type: 'constructor', args: {} })).toMatchObject({
      ok: false,
      code: 'unknown_type',
    });
    expect(parseMutation({ id, type: '__proto__', args: {} })).toMatchObject({
      ok: false,
      code: 'unknown_type',
    });
  });

  it.each([
    ['a blank title', { ...create, title: '   ' }, 'title'],
    ['a 201-character title', { ...create, title: 'x'.repeat(201) }, 'title'],
    ['an impact of 4', { ...create, impact: 4 }, 'impact'],
    ['a bad email', { ...create, requester: { name: 'a', email: 'not-an-email' } }, 'requester.email'],
    ['a ticket id that is no UUID', { ...create, ticketId: '42' }, 'ticketId'],
    ['a 100 KB+ description', { ...create, description: 'x'.repeat(100_001) }, 'description'],
  ])('refuses %s with a message naming the field', (_label, args, field) => {
    const parsed = parseMutation({ id, type: 'ticket.create', args });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe('validation_failed');
      expect(parsed.message).toContain(field);
    }
  });

  it('refuses a comment with a path in an attachment name and a blank body', () => {
    expect(
      parseMutation({
        id,
        type: 'attachment.add',
        args: {
          attachmentId: id,
          ticketId,
          sha256: 'a'.repeat(64),
          fileName: '../../etc/passwd',
          contentType: 'text/plain',
          size: 1,
        },
      }),
    ).toMatchObject({ ok: false });
    expect(
      parseMutation({
        id,
        type: 'comment.add',
        args: { ticketId, commentId: id, body: ' \n ', visibility: 'public' },
      }),
    ).toMatchObject({ ok: false });
  });
});

describe('push envelope', () => {
  it('accepts envelopes whose args are anything, so one bad mutation is refused alone', () => {
    expect(
      pushRequestSchema.safeParse({ clientId: 'c', mutations: [{ id, type: 'x', args: 'nonsense' }] })
        .success,
    ).toBe(true);
  });
  it('refuses a batch without mutation ids', () => {
    expect(pushRequestSchema.safeParse({ clientId: 'c', mutations: [{ type: 'x', args: {} }] }).success).toBe(
      false,
    );
  });
});

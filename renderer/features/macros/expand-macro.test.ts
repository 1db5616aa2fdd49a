import { describe, expect, it } from 'vitest';
import { expandMacro } from './expand-macro';

const ticket = {
  number: 'INC-1042',
  title: 'Sin VPN',
  requester: { name: 'Lucía Fernández', email: 'lucia@example.com' },
};

describe('expandMacro', () => {
  it('fills the requester and ticket placeholders', () => {
    expect(
      expandMacro('Hola {{requester.name}}, sobre {{ ticket.number }}: {{agent.name}}', {
        ticket,
        agentName: 'Ana',
      }),
    ).toBe('Hola Lucía Fernández, sobre INC-1042: Ana');
  });

  it('uses the subject while the ticket has no number yet', () => {
    expect(
      expandMacro('Ref. {{ticket.number}}', { ticket: { ...ticket, number: null }, agentName: 'Ana' }),
    ).toBe('Ref. «Sin VPN»');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(expandMacro('Hola {{requester.apodo}}', { ticket, agentName: 'Ana' })).toBe(
      'Hola {{requester.apodo}}',
    );
  });
});

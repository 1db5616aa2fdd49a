import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '../../shared/index';
import { initI18n } from './i18n';
import { CLIENT_REFUSAL_CODES, refusalText } from './refusals';

const TRANSITION_ERRORS = [
  'same_status',
  'invalid_transition',
  'assignee_required',
  'resolution_required',
  'pending_reason_required',
  'cancel_reason_required',
  'reopen_window_expired',
] as const;

describe('refusal messages', () => {
  beforeAll(() => {
    initI18n('es-ES');
  });

  const every = [...new Set([...REJECTION_CODES, ...TRANSITION_ERRORS, ...CLIENT_REFUSAL_CODES])];

  it.each(every)('%s has its own words in Spanish and in English', async (code) => {
    await i18next.changeLanguage('es');
    const spanish = refusalText(i18next.t, { code, message: 'detail' }, { from: 'new', to: 'pending' });
    await i18next.changeLanguage('en');
    const english = refusalText(i18next.t, { code, message: 'detail' }, { from: 'new', to: 'pending' });
    for (const text of [spanish, english]) {
      expect(text).not.toMatch(/\{\{|refusal\.|\(.*_.*\)/);
      expect(text.length).toBeGreaterThan(10);
    }
    expect(spanish).not.toEqual(english);
  });

  it('names the statuses of a forbidden move in the language on screen', async () => {
    await i18next.changeLanguage('es');
    expect(
      refusalText(i18next.t, { code: 'invalid_transition' }, { from: 'closed', to: 'in_progress' }),
    ).toBe('Desde «Cerrado» no se puede pasar a «En curso».');
    await i18next.changeLanguage('en');
    expect(refusalText(i18next.t, { code: 'invalid_transition' }, { to: 'resolved' })).toBe(
      'From its current status the ticket cannot move to “Resolved”.',
    );
  });

  it('still says something for a code this version does not know', async () => {
    await i18next.changeLanguage('es');
    expect(refusalText(i18next.t, { code: 'quantum_flux' })).toBe('El cambio no se aplicó (quantum_flux).');
  });
});

import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { renderIn } from '../testing/render-in';
import { RefusalMessage } from './RefusalMessage';
import { SlaBadge } from '../features/sla/SlaBadge';

// Words that mean one thing, as the agent reads them on screen.

const stopped = {
  status: 'stopped' as const,
  targetMinutes: 60,
  elapsedMinutes: 20,
  remainingMinutes: 40,
  dueAtMs: null,
  warnAtMs: null,
};

describe('words that mean one thing', () => {
  it('reads a met clock that has stopped as "cumplido"', () => {
    renderIn('es', <SlaBadge clock={{ ...stopped, health: 'ok' }} which="resolution" />);
    expect(screen.getByText('cumplido')).toBeTruthy();
    expect(screen.queryByText(/en plazo/i)).toBeNull();
  });

  it('shows a refusal in Spanish first, and the server’s English only as the detail beneath', () => {
    renderIn(
      'es',
      <RefusalMessage
        refusal={{
          code: 'validation_failed',
          message: 'title: String must contain at most 200 character(s)',
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/^Algún dato del cambio no es válido\./);
    expect(alert.querySelector('.refusal-detail')?.textContent).toBe(
      'Detalle: title: String must contain at most 200 character(s)',
    );
  });

  it('keeps the server’s words out where the localized reason says it all', () => {
    renderIn(
      'es',
      <RefusalMessage
        refusal={{ code: 'ticket_closed', message: 'The ticket is cancelled and cannot change.' }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('El ticket está cerrado o cancelado y ya no admite cambios.');
  });

  it('says "este dispositivo" for the machine, keeping "equipo" for the team', async () => {
    renderIn('es', <span />);
    await i18next.changeLanguage('es');
    for (const key of ['connect.intro', 'ticket.notFound', 'refusal.storage_error'] as const) {
      expect(i18next.t(key), key).toContain('este dispositivo');
      expect(i18next.t(key), key).not.toContain('este equipo');
    }
    expect(i18next.t('queues.team')).toBe('Mi equipo');
  });

  it('names the open-tickets queue for what it lists, in both languages', async () => {
    renderIn('es', <span />);
    await i18next.changeLanguage('es');
    expect(i18next.t('queues.all')).toBe('Todos los abiertos');
    await i18next.changeLanguage('en');
    expect(i18next.t('queues.all')).toBe('All open');
  });
});

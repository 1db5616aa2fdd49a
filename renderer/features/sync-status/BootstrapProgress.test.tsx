import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initialSyncState, useSyncStore } from '../../sync/sync-store';
import { renderIn } from '../../testing/render-in';
import { BootstrapProgress } from './BootstrapProgress';

afterEach(() => useSyncStore.setState({ ...initialSyncState }));

const filling = (sent: number, total: number, ticketsPerSecond: number | null) =>
  useSyncStore.setState({
    bootstrap: { ...initialSyncState.bootstrap, active: true, tickets: { sent, total }, ticketsPerSecond },
  });

describe('BootstrapProgress', () => {
  it.each([
    [
      'es',
      'Descargando los tickets a este equipo',
      '12.400 de 100.000 · faltan 87.600 · 1250/s',
      '12.400 de 100.000 tickets en este equipo',
    ],
    [
      'en',
      'Downloading tickets to this computer',
      '12,400 of 100,000 · 87,600 left · 1,250/s',
      '12,400 of 100,000 tickets on this computer',
    ],
  ] as const)(
    'says how many tickets are in, how many are left and how fast they come (%s)',
    (lang, label, text, valueText) => {
      filling(12_400, 100_000, 1_250.4);
      renderIn(lang, <BootstrapProgress />);
      const bar = screen.getByRole('progressbar', { name: label });
      expect(bar).toHaveAttribute('aria-valuenow', '12400');
      expect(bar).toHaveAttribute('aria-valuemax', '100000');
      expect(bar).toHaveAttribute('aria-valuetext', valueText);
      expect(screen.getByTestId('bootstrap-progress')).toHaveTextContent(text);
    },
  );

  it('leaves the rate out until it is known, and is gone once the fill is over', () => {
    filling(500, 2_000, null);
    const { rerender } = renderIn('en', <BootstrapProgress />);
    expect(screen.getByTestId('bootstrap-progress')).toHaveTextContent(/^500 of 2,000 · 1,500 left$/);
    useSyncStore.setState({ bootstrap: { ...initialSyncState.bootstrap, active: false, tickets: null } });
    rerender(<BootstrapProgress />);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

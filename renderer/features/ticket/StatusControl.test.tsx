import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../../shared/index';
import { useUiStore } from '../../stores/ui-store';
import { renderIn } from '../../testing/render-in';
import { StatusControl } from './StatusControl';

type StatusTicket = Pick<Ticket, 'number' | 'title' | 'status' | 'assigneeId' | 'resolvedAt'>;
const unassignedNew: StatusTicket = {
  number: 'INC-9',
  title: 'Sin correo',
  status: 'new',
  assigneeId: null,
  resolvedAt: null,
};

describe('StatusControl', () => {
  it('offers exactly the allowed next statuses', () => {
    renderIn('es', <StatusControl ticket={unassignedNew} onTransition={vi.fn()} />);
    const group = screen.getByRole('group', { name: 'Cambiar estado' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Marcar como asignado', 'Empezar a trabajar', 'Resolver…', 'Cancelar ticket…']);
  });

  it.each([
    [
      'es',
      'Empezar a trabajar',
      'Primero asigna el ticket a alguien: en ese estado necesita un responsable.',
    ],
    ['en', 'Start work', 'Assign the ticket to someone first: that status needs an owner.'],
  ] as const)('explains a guard refusal under the buttons (%s)', async (lang, button, message) => {
    const onTransition = vi.fn();
    renderIn(lang, <StatusControl ticket={unassignedNew} onTransition={onTransition} />);
    await userEvent.click(screen.getByRole('button', { name: button }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(onTransition).not.toHaveBeenCalled();
  });

  it('opens the resolve dialog for a move that needs words', async () => {
    renderIn('en', <StatusControl ticket={{ ...unassignedNew, assigneeId: 'a' }} onTransition={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Resolve…' }));
    expect(screen.getByRole('dialog', { name: 'Resolve INC-9' })).toBeInTheDocument();
  });

  it('offers reopen on a resolved ticket and says until when', () => {
    const resolvedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    renderIn(
      'es',
      <StatusControl
        ticket={{ ...unassignedNew, status: 'resolved', assigneeId: 'a', resolvedAt }}
        onTransition={vi.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Reabrir' })).toBeInTheDocument();
    expect(screen.getByText(/Se puede reabrir hasta el/)).toBeInTheDocument();
  });

  it.each([
    ['es', 'Empezar a trabajar'],
    ['en', 'Start work'],
  ] as const)(
    'takes an unassigned ticket for me and starts it, instead of refusing (%s)',
    async (lang, button) => {
      const onTransition = vi.fn();
      const onTakeAndMove = vi.fn().mockResolvedValue({ ok: true });
      renderIn(
        lang,
        <StatusControl ticket={unassignedNew} onTransition={onTransition} onTakeAndMove={onTakeAndMove} />,
      );
      await userEvent.click(screen.getByRole('button', { name: button }));
      expect(onTakeAndMove).toHaveBeenCalledWith('in_progress');
      expect(onTransition).not.toHaveBeenCalled();
      expect(screen.queryByRole('alert')).toBeNull();
    },
  );

  it('opens the dialog the palette asked for, and forgets the request when closed', async () => {
    useUiStore.setState({ statusDialog: 'resolved' });
    renderIn('en', <StatusControl ticket={{ ...unassignedNew, assigneeId: 'a' }} onTransition={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Resolve INC-9' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useUiStore.getState().statusDialog).toBeNull();
  });
});

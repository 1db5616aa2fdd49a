import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../../../shared/index';
import { renderIn } from '../../../testing/render-in';
import { ReasonDialog } from './ReasonDialog';
import { ReopenDialog } from './ReopenDialog';
import { ResolveDialog } from './ResolveDialog';

type DialogTicket = Pick<Ticket, 'number' | 'title' | 'status' | 'assigneeId' | 'resolvedAt'>;
const AGENT = '0190a8f0-0000-7000-8000-000000000001';
const working: DialogTicket = {
  number: 'INC-1042',
  title: 'VPN caída',
  status: 'in_progress',
  assigneeId: AGENT,
  resolvedAt: null,
};
const fresh: DialogTicket = {
  number: 'INC-7',
  title: 'Impresora',
  status: 'new',
  assigneeId: null,
  resolvedAt: null,
};
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('ResolveDialog', () => {
  it.each([
    ['es', 'Resolver INC-1042', 'Nota de resolución', 'Para resolverlo hace falta una nota de resolución.'],
    ['en', 'Resolve INC-1042', 'Resolution note', 'Resolving needs a resolution note.'],
  ] as const)('refuses a blank note beside the note field (%s)', async (lang, title, noteLabel, message) => {
    const onSubmit = vi.fn();
    renderIn(lang, <ResolveDialog ticket={working} onSubmit={onSubmit} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: title })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: lang === 'es' ? 'Resolver' : 'Resolve' }));
    const note = screen.getByLabelText(noteLabel);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(note).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the note and the code, then closes', async () => {
    const onSubmit = vi.fn().mockResolvedValue({ ok: true });
    const onClose = vi.fn();
    renderIn('es', <ResolveDialog ticket={working} onSubmit={onSubmit} onClose={onClose} />);
    await userEvent.type(screen.getByLabelText('Nota de resolución'), 'Reiniciado el concentrador VPN');
    await userEvent.selectOptions(screen.getByLabelText('Código de resolución'), 'workaround');
    await userEvent.click(screen.getByRole('button', { name: 'Resolver' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith('resolved', {
      resolutionNote: 'Reiniciado el concentrador VPN',
      resolutionCode: 'workaround',
    });
  });

  it.each([
    ['es', 'El ticket está cerrado o cancelado y ya no admite cambios.'],
    ['en', 'The ticket is closed or cancelled and accepts no more changes.'],
  ] as const)('shows a refusal the data layer returns, and stays open (%s)', async (lang, message) => {
    const onSubmit = vi
      .fn()
      .mockResolvedValue({ ok: false, code: 'ticket_closed', message: 'The ticket is closed.' });
    const onClose = vi.fn();
    renderIn(lang, <ResolveDialog ticket={working} onSubmit={onSubmit} onClose={onClose} />);
    await userEvent.type(screen.getByRole('textbox'), 'Hecho');
    await userEvent.click(screen.getByRole('button', { name: lang === 'es' ? 'Resolver' : 'Resolve' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes on Escape', async () => {
    const onClose = vi.fn();
    renderIn('en', <ResolveDialog ticket={working} onSubmit={vi.fn()} onClose={onClose} />);
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});

describe('ReasonDialog', () => {
  it.each([
    ['es', 'pending', 'Poner INC-1042 en espera', 'Para ponerlo en espera hace falta un motivo.'],
    ['en', 'pending', 'Set INC-1042 pending', 'Setting it pending needs a reason.'],
    ['es', 'cancelled', 'Cancelar INC-1042', 'Para cancelarlo hace falta un motivo.'],
    ['en', 'cancelled', 'Cancel INC-1042', 'Cancelling needs a reason.'],
  ] as const)('%s %s: a blank reason is refused next to the field', async (lang, to, title, message) => {
    const onSubmit = vi.fn();
    renderIn(lang, <ReasonDialog to={to} ticket={working} onSubmit={onSubmit} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: title });
    await userEvent.type(screen.getByRole('textbox'), '   ');
    await userEvent.click(dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it.each([
    ['es', 'Desde «Nuevo» no se puede pasar a «En espera».'],
    ['en', 'A ticket that is “New” cannot move to “Pending”.'],
  ] as const)(
    'a transition the table forbids is explained by the submit button (%s)',
    async (lang, message) => {
      const onSubmit = vi.fn();
      renderIn(lang, <ReasonDialog to="pending" ticket={fresh} onSubmit={onSubmit} onClose={() => {}} />);
      await userEvent.type(screen.getByRole('textbox'), 'Esperando al proveedor');
      await userEvent.click(
        screen.getByRole('button', { name: lang === 'es' ? 'Poner en espera' : 'Set pending' }),
      );
      expect(await screen.findByRole('alert')).toHaveTextContent(message);
      expect(screen.getByRole('textbox')).not.toHaveAttribute('aria-invalid');
      expect(onSubmit).not.toHaveBeenCalled();
    },
  );

  it('sends the reason for a cancel', async () => {
    const onSubmit = vi.fn().mockResolvedValue({ ok: true });
    renderIn('en', <ReasonDialog to="cancelled" ticket={fresh} onSubmit={onSubmit} onClose={() => {}} />);
    await userEvent.type(screen.getByRole('textbox'), 'Duplicate of INC-6');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel ticket' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith('cancelled', { cancelReason: 'Duplicate of INC-6' }),
    );
  });
});

describe('ReopenDialog', () => {
  const resolved = (days: number): DialogTicket => ({
    ...working,
    status: 'resolved',
    resolvedAt: daysAgo(days),
  });

  it.each([
    ['es', 'Ya no se puede reabrir: pasaron más de 7 días desde que se resolvió. Crea un ticket nuevo.'],
    ['en', 'It can no longer be reopened: it was resolved more than 7 days ago. Create a new ticket.'],
  ] as const)('explains the expired reopen window (%s)', async (lang, message) => {
    const onSubmit = vi.fn();
    renderIn(lang, <ReopenDialog ticket={resolved(10)} onSubmit={onSubmit} onClose={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: lang === 'es' ? 'Reabrir' : 'Reopen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('reopens inside the window', async () => {
    const onSubmit = vi.fn().mockResolvedValue({ ok: true });
    const onClose = vi.fn();
    renderIn('es', <ReopenDialog ticket={resolved(2)} onSubmit={onSubmit} onClose={onClose} />);
    await userEvent.click(screen.getByRole('button', { name: 'Reabrir' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith('in_progress', {});
  });
});

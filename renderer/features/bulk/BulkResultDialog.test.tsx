import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderIn } from '../../testing/render-in';
import { BulkResultDialog } from './BulkResultDialog';
import type { BulkOutcome } from './run-bulk';

const outcome: BulkOutcome = {
  applied: ['a', 'b', 'c'],
  refused: [
    {
      ticketId: 'd',
      label: 'INC-4',
      refusal: { code: 'pending_reason_required' },
      from: 'in_progress',
      to: 'pending',
    },
    { ticketId: 'e', label: 'INC-5', refusal: { code: 'invalid_transition' }, from: 'closed', to: 'pending' },
  ],
};

describe('BulkResultDialog', () => {
  it.each([
    [
      'es',
      'Se aplicó a 3 tickets.',
      '2 tickets no admiten el cambio:',
      'Desde «Cerrado» no se puede pasar a «En espera».',
    ],
    [
      'en',
      'Applied to 3 tickets.',
      '2 tickets refused the change:',
      'A ticket that is “Closed” cannot move to “Pending”.',
    ],
  ] as const)('lists every refused ticket with its reason (%s)', (lang, applied, refused, reason) => {
    renderIn(lang, <BulkResultDialog outcome={outcome} onOpenTicket={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getByText(applied)).toBeInTheDocument();
    expect(screen.getByText(refused)).toBeInTheDocument();
    const items = within(screen.getByTestId('bulk-refused')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[1]).toHaveTextContent(reason);
  });

  it('links each refused ticket', async () => {
    const onOpenTicket = vi.fn();
    renderIn('en', <BulkResultDialog outcome={outcome} onOpenTicket={onOpenTicket} onClose={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'INC-4' }));
    expect(onOpenTicket).toHaveBeenCalledWith('d');
  });
});

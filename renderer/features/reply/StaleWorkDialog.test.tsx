import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderIn } from '../../testing/render-in';
import { StaleWorkDialog } from './StaleWorkDialog';

const report = {
  changes: [
    { field: 'status', before: 'assigned', after: 'pending' },
    { field: 'assigneeId', before: 'me', after: 'lucia' },
  ],
  newComments: 2,
};
const nameOf = (id: string | null) => (id === 'lucia' ? 'Lucía Fernández' : 'Alex Agent');

describe('StaleWorkDialog', () => {
  it.each([
    [
      'es',
      'El ticket cambió mientras escribías',
      ['el estado', 'Asignado', 'En espera'],
      '2 comentarios nuevos',
      'Enviar de todos modos',
    ],
    [
      'en',
      'The ticket changed while you were writing',
      ['the status', 'Assigned', 'Pending'],
      '2 new comments',
      'Send anyway',
    ],
  ] as const)('shows what changed, in words (%s)', async (lang, title, statusRow, comments, send) => {
    const onSendAnyway = vi.fn();
    renderIn(
      lang,
      <StaleWorkDialog report={report} nameOf={nameOf} onSendAnyway={onSendAnyway} onReview={() => {}} />,
    );
    expect(screen.getByRole('dialog', { name: title })).toBeInTheDocument();
    const rows = screen.getAllByRole('row');
    expect(rows[1]).toHaveTextContent(statusRow.join(''));
    expect(rows[2]).toHaveTextContent('Lucía Fernández');
    expect(screen.getByText(comments)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: send }));
    expect(onSendAnyway).toHaveBeenCalled();
  });
});

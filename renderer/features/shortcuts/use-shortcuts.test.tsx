import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderIn } from '../../testing/render-in';
import { useUiStore } from '../../stores/ui-store';
import { useShortcuts } from './use-shortcuts';

/** A ticket view's reply box, with the console's keyboard on. */
function ReplyBoxStandIn() {
  useShortcuts('me');
  return <textarea aria-label="Reply" />;
}

beforeEach(() => {
  useUiStore.setState({ openTicketId: 'ticket-1', search: '', overlay: null, focusSearchTick: 0 });
});

describe('keyboard in the reply box', () => {
  it('first Esc leaves the reply box, the next goes back to the queue', async () => {
    renderIn('en', <ReplyBoxStandIn />);
    const reply = screen.getByRole('textbox', { name: 'Reply' });
    await userEvent.click(reply);
    await userEvent.keyboard('{Escape}');
    expect(reply).not.toHaveFocus();
    expect(useUiStore.getState().openTicketId).toBe('ticket-1');
    await userEvent.keyboard('{Escape}');
    expect(useUiStore.getState().openTicketId).toBeNull();
  });

  it('after Esc, "/" goes to the search, not into the reply', async () => {
    renderIn('en', <ReplyBoxStandIn />);
    const reply = screen.getByRole('textbox', { name: 'Reply' });
    await userEvent.click(reply);
    await userEvent.keyboard('{Escape}/vpn');
    expect(reply).toHaveValue('');
    expect(useUiStore.getState().focusSearchTick).toBe(1);
  });

  it('typing in the reply box never triggers a one-letter shortcut', async () => {
    renderIn('en', <ReplyBoxStandIn />);
    const reply = screen.getByRole('textbox', { name: 'Reply' });
    await userEvent.click(reply);
    await userEvent.keyboard('n/a');
    expect(reply).toHaveValue('n/a');
    expect(useUiStore.getState().overlay).toBeNull();
  });
});

describe('g r', () => {
  function QueueStandIn() {
    useShortcuts('me');
    return <p>Queue</p>;
  }

  it('opens the reports, closing the open ticket', async () => {
    useUiStore.setState({ view: 'queue' });
    renderIn('en', <QueueStandIn />);
    await userEvent.keyboard('gr');
    expect(useUiStore.getState()).toMatchObject({ view: 'reports', openTicketId: null });
  });

  it('is a sequence: r alone, or after another key, is still the reply', async () => {
    useUiStore.setState({ view: 'queue', replyFocusPending: false });
    renderIn('en', <QueueStandIn />);
    await userEvent.keyboard('gjr');
    expect(useUiStore.getState()).toMatchObject({ view: 'queue', replyFocusPending: true });
  });
});

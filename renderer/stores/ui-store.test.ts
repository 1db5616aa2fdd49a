import { beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from './ui-store';

beforeEach(() => useUiStore.setState({ openTicketId: null, search: '', overlay: null, newTicketSeed: null }));

describe('ui store', () => {
  it('typing a search while a ticket is open shows the results instead of the ticket', () => {
    useUiStore.getState().openTicket('ticket-1');
    useUiStore.getState().setSearch('vpn');
    expect(useUiStore.getState()).toMatchObject({ search: 'vpn', openTicketId: null });
  });

  it('a ticket opened from the results stays open while the search is cleared', () => {
    useUiStore.getState().setSearch('vpn');
    useUiStore.getState().openTicket('ticket-1');
    useUiStore.getState().setSearch('');
    expect(useUiStore.getState().openTicketId).toBe('ticket-1');
  });

  it('`n` opens an empty new-ticket form even after one was opened with refused work in it', () => {
    useUiStore
      .getState()
      .openNewTicket({ title: 'Sin VPN', description: 'Texto', requester: null, fromRefusalId: 'r1' });
    useUiStore.getState().setOverlay(null);
    useUiStore.getState().setOverlay('newTicket');
    expect(useUiStore.getState().newTicketSeed).toBeNull();
  });
});

import type { MesaApi } from '../../shared/index';
import type { MesaDb } from '../data/db';
import { ticketByNumber } from '../data/ticket-queries';

/**
 * The main process asks to open a ticket when a native notification is clicked (by id) or
 * a mesa://ticket/INC-1042 link arrives (by number). Numbers are looked up in the cache; a
 * number the cache does not know is reported so the view can say so instead of doing nothing.
 */
export function listenForOpenTicket(
  api: Pick<MesaApi, 'on'>,
  db: MesaDb,
  openTicket: (ticketId: string) => void,
  onUnknownNumber: (number: string) => void = () => undefined,
): () => void {
  return api.on('openTicket', ({ ticketId, number }) => {
    if (ticketId) return openTicket(ticketId);
    if (!number) return;
    void ticketByNumber(number, db).then((ticket) =>
      ticket ? openTicket(ticket.id) : onUnknownNumber(number),
    );
  });
}

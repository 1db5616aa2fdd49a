import type { Ticket } from '../../shared/index';
import { HttpMesaApi } from '../../renderer/sync/testing/http-mesa-api';
import { readServer } from '../../renderer/sync/testing/server-view';
import { DEMO_PASSWORD } from './mesa-fixtures';

/** A ticket as the server holds it, read over HTTP by another login (not through the page under test). */
export async function serverTicket(
  backendUrl: string,
  ticketId: string,
  email = 'admin@example.com',
): Promise<Ticket | undefined> {
  const api = new HttpMesaApi(backendUrl);
  await api.login({ serverUrl: backendUrl, email, password: DEMO_PASSWORD });
  return (await readServer(api)).tickets.get(ticketId);
}

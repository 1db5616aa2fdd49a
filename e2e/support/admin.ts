import { randomUUID } from 'node:crypto';
import type { MutationResult } from '../../shared/index';
import { HttpMesaApi } from '../../renderer/sync/testing/http-mesa-api';
import { readServer, type ServerView } from '../../renderer/sync/testing/server-view';
import { DEMO_PASSWORD } from './mesa-fixtures';

/**
 * Another person at the team's server: Ana the admin, working straight against the
 * backend over HTTP while the console under test is open (or offline).
 */
export class Colleague {
  private constructor(private readonly api: HttpMesaApi) {}

  static async signIn(backendUrl: string, email = 'admin@example.com'): Promise<Colleague> {
    const api = new HttpMesaApi(backendUrl);
    await api.login({ serverUrl: backendUrl, email, password: DEMO_PASSWORD });
    return new Colleague(api);
  }

  async push(type: string, args: Record<string, unknown>): Promise<MutationResult> {
    const { results } = await this.api.push({
      clientId: 'e2e-colleague',
      mutations: [{ id: randomUUID(), type, args }],
    });
    const result = results[0];
    if (!result) throw new Error('the server answered no result');
    return result;
  }

  /** Everything the server holds, as another client reads it. */
  read(): Promise<ServerView> {
    return readServer(this.api);
  }

  reply(ticketId: string, body: string): Promise<MutationResult> {
    return this.push('comment.add', { ticketId, commentId: randomUUID(), body, visibility: 'public' });
  }
}

import { useSession } from '../features/connect/use-session';
import { SignInForm } from './SignInForm';
import { SyncBar } from './SyncBar';
import { TicketTable } from './TicketTable';
import { RefusedChanges } from './RefusedChanges';
import './first-screen.css';

/**
 * The first, plain screen that proves the chain main process → sync → Dexie → React:
 * sign in, the cached tickets, the sync state, and one way to change a ticket. The full
 * triage console replaces it (mount another root component in main.tsx).
 */
export function FirstScreen() {
  const session = useSession();
  if (session.isPending) return <p role="status">Loading…</p>;
  const agent = session.data?.agent ?? null;
  if (!agent) return <SignInForm serverUrl={session.data?.serverUrl ?? null} />;
  return (
    <div className="first-screen">
      <SyncBar agentName={agent.name} />
      <main id="main">
        <RefusedChanges />
        <TicketTable agentId={agent.id} />
      </main>
    </div>
  );
}

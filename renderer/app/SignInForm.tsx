import { useState, type FormEvent } from 'react';
import { MesaError } from '../../shared/index';
import { getMesa } from '../bridge/bridge';
import { useSetSession } from '../features/connect/use-session';

/** Where the backend probably is when the session does not say: the page's own origin, if it is a web one. */
function defaultServerUrl(): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '';
}

/** Sign in: the token stays in the main process; the page only learns who is signed in. */
export function SignInForm({ serverUrl }: { serverUrl: string | null }) {
  const setSession = useSetSession();
  const [server, setServer] = useState(serverUrl ?? defaultServerUrl());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSession(await getMesa().login({ serverUrl: server.trim(), email: email.trim(), password }));
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      setError(caught instanceof MesaError && caught.code === 'unauthorized' ? 'Wrong email or password.' : message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title" data-testid="sign-in-form">
        <h1 id="sign-in-title">Sign in to Mesa</h1>
        <label>
          Server URL
          <input type="url" required value={server} onChange={(e) => setServer(e.target.value)} data-testid="sign-in-server" />
        </label>
        <label>
          Email
          <input type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="sign-in-email" />
        </label>
        <label>
          Password
          <input
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="sign-in-password"
          />
        </label>
        {error ? (
          <p role="alert" data-testid="sign-in-error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy} data-testid="sign-in-submit">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

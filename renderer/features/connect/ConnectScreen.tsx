import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MesaError } from '../../../shared/index';
import { getMesa } from '../../bridge/bridge';
import { usePrefsStore } from '../../stores/prefs-store';
import { Field } from '../../ui/Field';
import { SettingsMenu } from '../settings/SettingsMenu';
import { useSetSession } from './use-session';
import './connect.css';

const KNOWN_ERRORS = ['unauthorized', 'offline', 'invalid_request', 'insecure_server'] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];
const isKnownError = (code: string | null): code is KnownError => KNOWN_ERRORS.includes(code as KnownError);

/** Sign in: server address (remembered), email and password. The token stays in the main process. */
export function ConnectScreen({ serverUrl }: { serverUrl: string | null }) {
  const { t } = useTranslation();
  const lastServerUrl = usePrefsStore((s) => s.lastServerUrl);
  const lastEmail = usePrefsStore((s) => s.lastEmail);
  const rememberServer = usePrefsStore((s) => s.rememberServer);
  const setSession = useSetSession();
  const [server, setServer] = useState(serverUrl ?? lastServerUrl);
  const [email, setEmail] = useState(lastEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const demo = useQuery({
    queryKey: ['appInfo'],
    queryFn: () => getMesa().getAppInfo(undefined),
    staleTime: Infinity,
  }).data?.demoAccount;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const session = await getMesa().login({ serverUrl: server.trim(), email: email.trim(), password });
      rememberServer(server.trim(), email.trim());
      setSession(session);
    } catch (caught) {
      const code = caught instanceof MesaError ? caught.code : null;
      if (isKnownError(code)) setError(t(`connect.errors.${code}`));
      else
        setError(
          t('connect.errors.generic', { message: caught instanceof Error ? caught.message : String(caught) }),
        );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="connect-screen" id="main">
      <div className="connect-settings">
        <SettingsMenu />
      </div>
      <form
        className="connect-card"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="connect-title"
      >
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            M
          </span>
          <span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline muted">{t('app.tagline')}</span>
          </span>
        </div>
        <h1 id="connect-title">{t('connect.title')}</h1>
        <p className="muted">{t('connect.intro')}</p>
        {demo ? (
          <p className="connect-demo" data-testid="demo-account">
            {t('connect.demoAccount', { email: demo.email, password: demo.password })}
          </p>
        ) : null}
        <Field label={t('connect.serverUrl')} hint={t('connect.serverUrlHint')}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="url"
              required
              autoComplete="url"
              value={server}
              onChange={(e) => setServer(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('connect.email')}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="email"
              required
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('connect.password')}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="password"
              required
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {error ? (
          <p className="refusal" role="alert" data-testid="connect-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary connect-submit" disabled={busy}>
          {busy ? t('connect.submitting') : t('connect.submit')}
        </button>
        <p className="muted small">{t('connect.remembered')}</p>
      </form>
    </main>
  );
}

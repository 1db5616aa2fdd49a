import { useTranslation } from 'react-i18next';
import { getMesa } from '../../bridge/bridge';
import { ConnectScreen } from '../connect/ConnectScreen';
import { useSession, useSetSession } from '../connect/use-session';
import { Console } from './Console';

/** Signed in → the console; signed out → the connect screen. The session is the main process's. */
export function ConsoleApp() {
  const { t } = useTranslation();
  const session = useSession();
  const setSession = useSetSession();

  if (session.isPending) {
    return (
      <p className="splash muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const agent = session.data?.agent ?? null;
  if (!agent) return <ConnectScreen serverUrl={session.data?.serverUrl ?? null} />;
  const signOut = () => void getMesa().logout(undefined).then(setSession);
  return <Console agent={agent} onSignOut={signOut} />;
}

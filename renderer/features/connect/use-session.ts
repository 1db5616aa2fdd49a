import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Session } from '../../../shared/index';
import { getMesa } from '../../bridge/bridge';

const SESSION_KEY = ['session'] as const;

/**
 * The session is the main process's (it holds the token); the page asks once and then
 * follows `sessionChanged`. A server resource that is not a cached entity: react-query.
 */
export function useSession() {
  const client = useQueryClient();
  useEffect(
    () => getMesa().on('sessionChanged', (session) => client.setQueryData<Session>(SESSION_KEY, session)),
    [client],
  );
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => getMesa().getSession(undefined),
    staleTime: Infinity,
    retry: 2,
  });
}

export function useSetSession(): (session: Session) => void {
  const client = useQueryClient();
  return (session) => client.setQueryData<Session>(SESSION_KEY, session);
}

import { createContext, useContext } from 'react';
import type { Me } from '../api/queries';

export interface Session {
  me: Me;
  /** The body the user is working in (from the URL when it names one, else their choice). */
  bodyId: string | null;
  chooseBody(bodyId: string): void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and their current body; only inside the signed-in layout. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the signed-in layout');
  return session;
}

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setUnauthorizedHandler, tokenStore } from '../api/client';
import type { CurrentUser } from '../api/types';

interface Auth {
  user: CurrentUser | undefined;
  loading: boolean;
  signIn: (userName: string, password: string) => Promise<CurrentUser>;
  signOut: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [hasToken, setHasToken] = useState(() => !!tokenStore.get());
  const me = useQuery({
    queryKey: ['me'],
    queryFn: () => api<CurrentUser>('/api/auth/me'),
    enabled: hasToken,
    staleTime: Infinity,
    retry: false,
  });

  const signOut = () => {
    tokenStore.clear();
    setHasToken(false);
    client.clear();
    if (!location.pathname.startsWith('/login')) location.assign('/login');
  };

  useEffect(() => {
    // An expired or revoked token: back to the login page, nothing cached from the last user stays.
    setUnauthorizedHandler(signOut);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const signIn = async (userName: string, password: string) => {
    const { accessToken } = await api<{ accessToken: string }>('/api/auth/login', { method: 'POST', json: { userName, password } });
    tokenStore.set(accessToken);
    // Nothing read as the previous user may show for this one.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    const user = await api<CurrentUser>('/api/auth/me');
    client.setQueryData(['me'], user);
    setHasToken(true);
    return user;
  };

  return (
    <AuthContext.Provider value={{ user: hasToken ? me.data : undefined, loading: hasToken && me.isLoading, signIn, signOut }}>
      {children}
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

export function useHasRole(...roles: string[]): boolean {
  const { user } = useAuth();
  return !!user && roles.some((r) => user.roles.includes(r));
}

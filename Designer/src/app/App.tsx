import { lazy, Suspense, useEffect } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { AuthProvider, useAuth } from './auth';
import { LoginPage } from './LoginPage';
import { homeFor, menuFor } from './menus';
import { CaseDetailPage, pageAvailable, pages } from './pages';
import { preloadForAddress } from './preload';
import './app.css';

// The signed-in shell (antd with its stylesheet, theme and locale, the menu, header, drawer, and antd's App with its
// dialogs and messages) and the not-found page are not needed to show the login page, which is plain markup: they load
// after sign-in, so a first visit loads and compiles no antd before the form is there.
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));
const NotFoundPage = lazy(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      // 4xx answers are final (403 scope, 404); only network trouble and 5xx are worth another try.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});
preloadForAddress(queryClient);

function PageFallback() {
  const { t } = useTranslation();
  return <div className="gc-page-loading"><span className="gc-spinner" role="status" aria-label={t('app.loading')} /></div>;
}

function RequireUser({ children }: { children: React.ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageFallback />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

function Home() {
  const { user } = useAuth();
  return <Navigate to={homeFor(user?.roles ?? [], pageAvailable)} replace />;
}

function RoutedPages() {
  const { user } = useAuth();
  const allowed = menuFor(user?.roles ?? [], pageAvailable);
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireUser><Suspense fallback={<PageFallback />}><AppLayout /></Suspense></RequireUser>}>
        <Route index element={<Home />} />
        {allowed.map((m) => {
          const Page = pages[m.key]!;
          return <Route key={m.key} path={`${m.path}/*`} element={<Suspense fallback={<PageFallback />}><Page /></Suspense>} />;
        })}
        <Route path="/cases/:id" element={<Suspense fallback={<PageFallback />}><CaseDetailPage /></Suspense>} />
        <Route path="*" element={<Suspense fallback={<PageFallback />}><NotFoundPage /></Suspense>} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AuthProvider>
          <RoutedPages />
        </AuthProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

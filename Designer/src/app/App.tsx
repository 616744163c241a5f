import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { AuthProvider, useAuth } from './auth';
import { LoginPage } from './LoginPage';
import { homeFor, menuFor } from './menus';
import { CaseDetailPage, pageAvailable, pages } from './pages';
import { preloadForAddress } from './preload';
import { useMediaQuery } from '../shared/useMediaQuery';

// The signed-in shell (menu, header, drawer, and antd's App with its dialogs and messages) and the not-found page are
// not needed to show the login page: they load after sign-in, so a first visit compiles less before the form is there.
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

// Zero runtime: antd's prebuilt stylesheet (antd/dist/antd.css, imported in main.tsx) instead of styles computed and
// injected while components first render, which was about a sixth of the main thread's work opening a large flow.
// The tokens below still apply: antd writes them as CSS variables, which that stylesheet reads.
const theme = {
  zeroRuntime: true,
  token: { colorPrimary: '#1d5fc1', borderRadius: 6, fontFamily: "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif" },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#0f2a52' }, Menu: { darkItemBg: '#0f2a52', darkSubMenuItemBg: '#0c2346' } },
};

function PageFallback() {
  return <div style={{ padding: 64, textAlign: 'center' }}><Spin size="large" /></div>;
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
  const [lang, setLang] = useState(i18n.language);
  useEffect(() => {
    const changed = (l: string) => setLang(l);
    i18n.on('languageChanged', changed);
    return () => i18n.off('languageChanged', changed);
  }, [i18n]);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
  }, [lang]);

  // Someone who asked the system for less motion gets dialogs, drawers and menus that appear without zooming or sliding.
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const appTheme = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);

  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={appTheme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AuthProvider>
            <RoutedPages />
          </AuthProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </ConfigProvider>
  );
}

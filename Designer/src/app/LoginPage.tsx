import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { DemoUsers } from '../api/types';
import { useAuth } from './auth';
import { FONT_FAMILY } from './font';
import { LanguageSwitch } from './LanguageSwitch';
import { ErrorIcon, EyeIcon, EyeOffIcon, LockIcon, UserIcon } from './loginIcons';
import { homeFor } from './menus';
import { pageAvailable } from './pages';
import './login.css';

/** The demo users, only when the Host says it runs in demo mode; a Host without the endpoint shows none. */
function useDemoUsers() {
  return useQuery({
    queryKey: ['auth-demo'],
    queryFn: async () => {
      try {
        return await api<DemoUsers>('/api/auth/demo');
      } catch (e) {
        if (e instanceof ApiError) return { enabled: false } satisfies DemoUsers;
        throw e;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState({ userName: '', password: '' });
  // A field says it is required once it was emptied, or once sign-in was tried, as antd's Form would.
  const [checked, setChecked] = useState({ userName: false, password: false });
  const ids = useId();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const demo = useDemoUsers().data;
  const from = (location.state as { from?: string } | null)?.from;

  if (user) return <Navigate to={from ?? homeFor(user.roles, pageAvailable)} replace />;

  const missing = { userName: !values.userName.trim(), password: !values.password };
  const invalid = (name: keyof typeof values) => checked[name] && missing[name];
  const field = (name: keyof typeof values) => ({
    id: `${ids}-${name}`,
    value: values[name],
    'aria-invalid': invalid(name),
    'aria-describedby': invalid(name) ? `${ids}-${name}-error` : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [name]: e.target.value }));
      setChecked((c) => ({ ...c, [name]: true }));
    },
  });
  const fieldError = (name: keyof typeof values, message: string) =>
    invalid(name) ? <div id={`${ids}-${name}-error`} className="gc-login-field-error" role="alert">{message}</div> : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setChecked({ userName: true, password: true });
    if (missing.userName || missing.password) return;
    const { userName, password } = values;
    setBusy(true);
    setError(undefined);
    try {
      const me = await signIn(userName.trim(), password);
      navigate(from && from !== '/login' ? from : homeFor(me.roles, pageAvailable), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('login.wrong') : e instanceof ApiError ? e.problem.title : t('common.error'));
    } finally {
      setBusy(false);
    }
  };

  const demoUsers = demo?.enabled ? demo.users ?? [] : [];

  // The whole page is plain markup drawn with antd's default values (login.css): antd, its stylesheet and its icons load
  // with the signed-in shell, so a first visit loads and compiles about half the code before the form is there.
  const box = (name: keyof typeof values) => `gc-login-input${invalid(name) ? ' gc-login-input--error' : ''}`;
  return (
    <div className="gc-login" style={{ fontFamily: FONT_FAMILY }}>
      <div className="gc-login-cards" style={{ maxWidth: demoUsers.length > 0 ? 880 : 420 }}>
        <section className="gc-login-card" data-testid="login-card">
          <div className="gc-login-card-body">
            <div className="gc-login-head">
              <div>
                <h1 className="gc-login-title">{t('app.title')}</h1>
                <div className="gc-login-secondary">{t('login.subtitle')}</div>
              </div>
              <LanguageSwitch />
            </div>
            <form onSubmit={submit} noValidate>
              <div className="gc-login-field">
                <label htmlFor={`${ids}-userName`}>{t('login.userName')}</label>
                <span className={box('userName')}>
                  <span className="gc-login-input-prefix"><UserIcon /></span>
                  <input type="text" autoComplete="username" autoFocus data-testid="login-user" {...field('userName')} />
                </span>
                {fieldError('userName', t('login.userNameRequired'))}
              </div>
              <div className="gc-login-field">
                <label htmlFor={`${ids}-password`}>{t('login.password')}</label>
                <span className={box('password')}>
                  <span className="gc-login-input-prefix"><LockIcon /></span>
                  <input type={showPassword ? 'text' : 'password'} autoComplete="current-password" data-testid="login-password" {...field('password')} />
                  <button type="button" className="gc-login-input-suffix" aria-label={t(showPassword ? 'login.hidePassword' : 'login.showPassword')}
                    aria-pressed={showPassword} onClick={() => setShowPassword((v) => !v)}>
                    {showPassword ? <EyeIcon /> : <EyeOffIcon />}
                  </button>
                </span>
                {fieldError('password', t('login.passwordRequired'))}
              </div>
              {error && <div className="gc-login-alert" role="alert" data-testid="login-error"><ErrorIcon /><span>{error}</span></div>}
              <button type="submit" className="gc-login-submit" aria-busy={busy} data-testid="login-submit">
                {busy && <span className="gc-spinner gc-spinner--small" aria-hidden />}
                {t('login.submit')}
              </button>
            </form>
          </div>
        </section>
        {demoUsers.length > 0 && (
          <section className="gc-login-card" data-testid="demo-users">
            <h2 className="gc-login-card-title">{t('login.demoTitle')}</h2>
            <div className="gc-login-demo">
              <p className="gc-login-secondary gc-login-hint">{t('login.demoHint')}</p>
              <ul className="gc-login-users">
                {demoUsers.map((u) => (
                  <li key={u.userName}>
                    <button type="button" data-testid={`demo-user-${u.userName}`}
                      onClick={() => setValues({ userName: u.userName, password: demo?.password ?? '' })}>
                      <span className="gc-login-user">
                        <span><strong>{u.displayName}</strong> <code>{u.userName}</code></span>
                        <span className="gc-login-secondary">{u.orgUnitCode}</span>
                      </span>
                      <span className="gc-login-role">{t(`role.${u.role}`, { defaultValue: u.role })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}

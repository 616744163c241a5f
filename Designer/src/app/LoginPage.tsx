import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Input, Segmented } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { DemoUsers } from '../api/types';
import { setLanguage, type Language } from '../i18n';
import { useAuth } from './auth';
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
  const { t, i18n } = useTranslation();
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState({ userName: '', password: '' });
  // A field says it is required once it was emptied, or once sign-in was tried, as antd's Form would.
  const [checked, setChecked] = useState({ userName: false, password: false });
  const ids = useId();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const demo = useDemoUsers().data;
  const from = (location.state as { from?: string } | null)?.from;

  if (user) return <Navigate to={from ?? homeFor(user.roles, pageAvailable)} replace />;

  const missing = { userName: !values.userName.trim(), password: !values.password };
  const invalid = (name: keyof typeof values) => checked[name] && missing[name];
  const field = (name: keyof typeof values) => ({
    id: `${ids}-${name}`,
    value: values[name],
    status: invalid(name) ? ('error' as const) : undefined,
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

  // Cards and the demo list are plain markup drawn with antd's default values (login.css): antd's Card brings its Tabs and its
  // List brings Pagination, Select and a virtual list, code a first visit would compile before the form is there.
  return (
    <div className="gc-login">
      <div className="gc-login-cards" style={{ maxWidth: demoUsers.length > 0 ? 880 : 420 }}>
        <section className="gc-login-card" data-testid="login-card">
          <div className="gc-login-card-body">
            <div className="gc-login-head">
              <div>
                <h1 className="gc-login-title">{t('app.title')}</h1>
                <div className="gc-login-secondary">{t('login.subtitle')}</div>
              </div>
              <Segmented size="small" value={i18n.language === 'en' ? 'en' : 'zh-CN'} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en' }]} onChange={(v) => setLanguage(v as Language)} />
            </div>
            {/* A plain form: antd's Form brings its validator, tooltips and field store, code the login page can do without. */}
            <form onSubmit={submit} noValidate>
              <div className="gc-login-field">
                <label htmlFor={`${ids}-userName`}>{t('login.userName')}</label>
                <Input size="large" prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-user" {...field('userName')} />
                {fieldError('userName', t('login.userNameRequired'))}
              </div>
              <div className="gc-login-field">
                <label htmlFor={`${ids}-password`}>{t('login.password')}</label>
                <Input.Password size="large" prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" {...field('password')} />
                {fieldError('password', t('login.passwordRequired'))}
              </div>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
              <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="login-submit">{t('login.submit')}</Button>
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

import { useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Segmented, Tag, Typography } from 'antd';
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
  const [form] = Form.useForm<{ userName: string; password: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const demo = useDemoUsers().data;
  const from = (location.state as { from?: string } | null)?.from;

  if (user) return <Navigate to={from ?? homeFor(user.roles, pageAvailable)} replace />;

  const submit = async ({ userName, password }: { userName: string; password: string }) => {
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

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: 'linear-gradient(160deg,#0f2a52 0%,#1d5fc1 60%,#5a9bff 100%)' }}>
      <div style={{ width: '100%', maxWidth: demoUsers.length > 0 ? 880 : 420, display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'stretch' }}>
        <Card style={{ flex: '1 1 360px', boxShadow: '0 12px 40px rgba(0,0,0,.18)' }} data-testid="login-card">
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', marginBottom: 24 }}>
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>{t('app.title')}</Typography.Title>
              <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
            </div>
            <Segmented size="small" value={i18n.language === 'en' ? 'en' : 'zh-CN'} options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en' }]} onChange={(v) => setLanguage(v as Language)} />
          </div>
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
            <Form.Item name="userName" label={t('login.userName')} rules={[{ required: true, message: t('login.userNameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-user" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">{t('login.submit')}</Button>
          </Form>
        </Card>
        {demoUsers.length > 0 && (
          <Card style={{ flex: '1 1 360px', boxShadow: '0 12px 40px rgba(0,0,0,.18)' }} title={t('login.demoTitle')} data-testid="demo-users"
            styles={{ body: { maxHeight: 420, overflow: 'auto', padding: '0 12px' } }}>
            <Typography.Paragraph type="secondary" style={{ margin: '12px 8px' }}>{t('login.demoHint')}</Typography.Paragraph>
            <List
              size="small"
              dataSource={demoUsers}
              renderItem={(u) => (
                <List.Item
                  style={{ cursor: 'pointer' }}
                  data-testid={`demo-user-${u.userName}`}
                  onClick={() => form.setFieldsValue({ userName: u.userName, password: demo?.password ?? '' })}
                >
                  <List.Item.Meta title={<span>{u.displayName} <Typography.Text type="secondary" code>{u.userName}</Typography.Text></span>} description={u.orgUnitCode} />
                  <Tag color="blue">{t(`role.${u.role}`, { defaultValue: u.role })}</Tag>
                </List.Item>
              )}
            />
          </Card>
        )}
      </div>
    </div>
  );
}

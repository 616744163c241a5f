import { useEffect, useState } from 'react';
import { App as AntApp, Avatar, Button, Drawer, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import {
  AlertOutlined, AuditOutlined, AppstoreOutlined, BarChartOutlined, FileSearchOutlined, FormOutlined, InboxOutlined,
  BugOutlined, LogoutOutlined, MenuOutlined, PartitionOutlined, RetweetOutlined, UserOutlined, WifiOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AntdProvider } from './AntdProvider';
import { useAuth } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import { menuFor, type PageKey } from './menus';
import { pageAvailable } from './pages';
import { prefetchDesignerCode } from './preload';
import { useMediaQuery } from '../shared/useMediaQuery';

const icons: Record<PageKey, React.ReactNode> = {
  inbox: <InboxOutlined />,
  intake: <FormOutlined />,
  cases: <FileSearchOutlined />,
  supervision: <AlertOutlined />,
  arbitration: <AuditOutlined />,
  repeats: <RetweetOutlined />,
  dashboard: <BarChartOutlined />,
  catalog: <AppstoreOutlined />,
  flows: <PartitionOutlined />,
  devices: <WifiOutlined />,
  incidents: <BugOutlined />,
};

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10, padding: compact ? 0 : '18px 20px', color: '#fff' }}>
      <div style={{ width: 32, height: 32, borderRadius: 8, background: 'linear-gradient(135deg,#3b8bff,#1d5fc1)', display: 'grid', placeItems: 'center', fontWeight: 700, color: '#fff', flex: 'none', lineHeight: 1 }}>格</div>
      <div style={{ lineHeight: 1.25 }}>
        <div style={{ fontWeight: 600, fontSize: 14, whiteSpace: 'nowrap', color: compact ? '#0f2a52' : '#fff' }}>{t('app.title')}</div>
        <div style={{ fontSize: 11, opacity: 0.7, color: compact ? '#0f2a52' : '#c9d6ee' }}>{t('app.subtitle')}</div>
      </div>
    </div>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = !useMediaQuery('(min-width: 768px)'); // antd's md breakpoint
  const [drawer, setDrawer] = useState(false);
  const entries = menuFor(user?.roles ?? [], pageAvailable);
  const selected = entries.find((m) => location.pathname.startsWith(m.path))?.key;
  const designs = entries.some((m) => m.key === 'flows');
  useEffect(() => (designs ? prefetchDesignerCode() : undefined), [designs]);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={entries.map((m) => ({ key: m.key, icon: icons[m.key], label: t(`menu.${m.key}`), 'data-testid': `menu-${m.key}` }))}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(entries.find((m) => m.key === key)!.path);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  // antd's App (the context of App.useApp's message, modal and notification) wraps the signed-in pages only: the login
  // page uses none of them and does not load their code.
  return (
    <AntdProvider>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          {!narrow && (
            <Layout.Sider width={232} style={{ position: 'sticky', top: 0, height: '100vh' }}>
              <Brand />
              {menu}
            </Layout.Sider>
          )}
          {narrow && (
            <Drawer placement="left" open={drawer} onClose={() => setDrawer(false)} size={240} styles={{ body: { padding: 0, background: '#0f2a52' }, header: { display: 'none' } }}>
              <Brand />
              {menu}
            </Drawer>
          )}
          <Layout>
            <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: narrow ? '0 12px' : '0 24px', borderBottom: '1px solid #e8edf5', position: 'sticky', top: 0, zIndex: 10 }}>
              {narrow && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('app.menu')} data-testid="menu-toggle" />}
              {narrow && <Brand compact />}
              <div style={{ flex: 1 }} />
              <LanguageSwitch testId="lang-switch" />
              <Dropdown
                menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('app.logout'), onClick: signOut }] }}
                trigger={['click']}
              >
                <Space style={{ cursor: 'pointer' }}>
                  <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d5fc1' }} data-testid="app-user" />
                  {!narrow && (
                    <span style={{ lineHeight: 1.2, display: 'inline-flex', flexDirection: 'column' }}>
                      <Typography.Text strong>{user?.displayName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {user?.roles.map((r) => t(`role.${r}`)).join('、')} · {user?.orgUnitName}
                      </Typography.Text>
                    </span>
                  )}
                </Space>
              </Dropdown>
            </Layout.Header>
            <Layout.Content style={{ padding: narrow ? 12 : 24, background: '#f3f6fb' }}>
              <Outlet />
            </Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </AntdProvider>
  );
}

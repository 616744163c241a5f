// Development entry for the flow designer alone, until the app shell lands; not part of the build.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Input, Space } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { tokenStore } from '../api/client';
import { setLanguage } from '../i18n';
import '../i18n';
import FlowsPage from './FlowsPage';
import { CaseFlowView } from './CaseFlowView';

function Login() {
  const [user, setUser] = useState('policy');
  const [password, setPassword] = useState('Demo#2026');
  return (
    <Space style={{ margin: 40 }}>
      <Input value={user} onChange={(e) => setUser(e.target.value)} data-testid="login-user" />
      <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
      <Button data-testid="login-submit" onClick={async () => {
        const r = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName: user, password }) });
        const { accessToken } = await r.json();
        tokenStore.set(accessToken);
        location.reload();
      }}>login</Button>
    </Space>
  );
}

function Shell() {
  const { i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const caseView = new URLSearchParams(location.search).get('case');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS}>
      <AntApp>
        <div style={{ height: 48, display: 'flex', alignItems: 'center', padding: '0 16px', background: '#001529', color: '#fff', justifyContent: 'space-between' }}>
          <span>GridCase · dev</span>
          <Button size="small" onClick={() => setLanguage(zh ? 'en' : 'zh-CN')} data-testid="lang-switch">{zh ? 'English' : '中文'}</Button>
        </div>
        {!tokenStore.get() ? <Login /> : caseView ? <CaseDemo id={caseView} /> : <FlowsPage />}
      </AntApp>
    </ConfigProvider>
  );
}

function CaseDemo({ id }: { id: string }) {
  const [data, setData] = useState<{ workflow: { definitionId: string; version: number }; journal: { activityId?: string; event: string; outcome?: string; at: string }[]; openWorkItems: { activityId: string }[] } | null>(null);
  const [selected, setSelected] = useState<string>();
  if (!data)
    void fetch(`/api/cases/${id}`, { headers: { authorization: `Bearer ${tokenStore.get()}` } }).then((r) => r.json()).then(setData);
  if (!data) return null;
  return (
    <div style={{ height: 'calc(100vh - 48px)' }}>
      <CaseFlowView definitionId={data.workflow.definitionId} version={data.workflow.version} journal={data.journal} openActivityIds={data.openWorkItems.map((w) => w.activityId)} selectedActivityId={selected} onSelectActivity={setSelected} />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <BrowserRouter>
        <Shell />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);

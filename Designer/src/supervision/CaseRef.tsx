import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCase } from '../api/reference';

/** A case named by its number and title (the supervision lists carry only its id); shares the case cache. */
export function CaseRef({ caseId }: { caseId: string }) {
  const c = useCase(caseId);
  return (
    <div style={{ minWidth: 0 }}>
      <Link to={`/cases/${caseId}`} data-testid="case-ref">{c.data?.number ?? caseId.slice(0, 8)}</Link>
      <div><Typography.Text ellipsis style={{ maxWidth: 280 }}>{c.data?.title ?? ''}</Typography.Text></div>
    </div>
  );
}

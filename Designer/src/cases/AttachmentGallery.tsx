import { Empty, Image, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../api/types';
import { AuthImage } from '../shared/AuthImage';

/** The case's photos grouped as before / after / other. */
export function AttachmentGallery({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.noPhotos')} />;
  const kinds = (['Before', 'After', 'Other'] as const).filter((k) => attachments.some((a) => a.kind === k));
  return (
    <Image.PreviewGroup>
      <div data-testid="attachments">
        {kinds.map((kind) => (
          <div key={kind} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>{t(`attachment.${kind}`)}</Typography.Text>
            <Space wrap size={10}>
              {attachments.filter((a) => a.kind === kind).map((a) => (
                <div key={a.id} style={{ textAlign: 'center' }} data-testid="attachment">
                  <AuthImage attachmentId={a.id} alt={a.fileName} size={112} />
                  <div style={{ fontSize: 11, color: '#8c8c8c', marginTop: 2 }}>{a.uploadedBy} · {dayjs(a.uploadedAt).format('MM-DD HH:mm')}</div>
                </div>
              ))}
            </Space>
          </div>
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

import { useRef } from 'react';
import { App, Button } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCaseActions } from './useCaseActions';

/**
 * A photo of the case. On a phone `capture="environment"` opens the back camera; on a desktop it is a file picker.
 * The server checks the bytes (JPG/PNG/WebP, ≤ 10 MB) and says why it refuses.
 */
export function PhotoUpload({ caseId, kind, done }: { caseId: string; kind: 'Before' | 'After' | 'Other'; done?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const { upload } = useCaseActions(caseId);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        data-testid={`photo-input-${kind}`}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          try {
            await upload.mutateAsync({ file, kind });
            message.success(t('cases.photoUploaded', { kind: t(`attachment.${kind}`) }));
          } catch (err) {
            message.error((err as Error).message);
          }
        }}
      />
      <Button icon={<CameraOutlined />} loading={upload.isPending} onClick={() => input.current?.click()} type={done ? 'default' : 'dashed'}
        data-testid={`photo-button-${kind}`}>
        {t('cases.addPhoto', { kind: t(`attachment.${kind}`) })}
      </Button>
    </>
  );
}

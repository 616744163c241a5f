import { Image, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { api } from '../api/client';

/** An attachment's image: the API wants the bearer token, which an <img src> cannot send, so it is fetched as a blob. */
export function AuthImage({ attachmentId, alt, size = 120 }: { attachmentId: string; alt: string; size?: number }) {
  const { data } = useQuery({
    queryKey: ['attachment-bytes', attachmentId],
    queryFn: () => api<Blob>(`/api/attachments/${attachmentId}`),
    staleTime: Infinity,
  });
  const url = useMemo(() => (data ? URL.createObjectURL(data) : undefined), [data]);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);
  if (!url) return <Skeleton.Image active style={{ width: size, height: size }} />;
  return <Image src={url} alt={alt} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 6 }} />;
}

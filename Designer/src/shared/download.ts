import { api } from '../api/client';

/** Downloads an export with the bearer token (a plain link would go without it); the object URL is let go after 10 s. */
export async function downloadFile(path: string, fileName: string) {
  const blob = await api<Blob>(path);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

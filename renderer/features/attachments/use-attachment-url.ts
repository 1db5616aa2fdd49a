import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { CachedAttachment } from '../../data/db';
import { getMesa } from '../../bridge/bridge';

/**
 * The bytes of an attachment as an object URL. Bytes stored in the cache (ours, or already
 * fetched) are used as they are; otherwise they are a server resource, fetched through the
 * main process with react-query (cached per hash, never retried while offline).
 */
export function useAttachmentUrl(
  attachment: CachedAttachment,
  wanted: boolean,
): { url: string | null; failed: boolean } {
  const remote = useQuery({
    queryKey: ['attachment-bytes', attachment.sha256],
    queryFn: async () => {
      const { bytes, contentType } = await getMesa().downloadAttachment({ sha256: attachment.sha256 });
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType || attachment.contentType });
    },
    enabled: wanted && !attachment.blob && attachment.uploaded === 1,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: 1,
  });
  const blob = attachment.blob ?? remote.data ?? null;
  const url = useObjectUrl(blob);
  return { url, failed: remote.isError };
}

/** An object URL for a blob, revoked when the blob changes or the component goes. */
export function useObjectUrl(blob: Blob | null): string | null {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return url;
}

export const isImage = (contentType: string): boolean => /^image\/(png|jpeg|gif|webp)$/.test(contentType);

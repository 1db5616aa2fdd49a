import { useTranslation } from 'react-i18next';
import type { CachedAttachment } from '../../data/db';
import { Dialog } from '../../ui/Dialog';
import { isImage, useAttachmentUrl } from './use-attachment-url';

interface AttachmentViewerProps {
  attachments: readonly CachedAttachment[];
  index: number;
  online: boolean;
  onIndex(index: number): void;
  onClose(): void;
}

/** One attachment at full size, with previous/next (also ← →) and a download link. */
export function AttachmentViewer({ attachments, index, online, onIndex, onClose }: AttachmentViewerProps) {
  const { t } = useTranslation();
  const attachment = attachments[index]!;
  const { url } = useAttachmentUrl(attachment, online);
  const image = isImage(attachment.contentType);
  const go = (delta: number) => onIndex((index + delta + attachments.length) % attachments.length);
  return (
    <Dialog
      title={t('attachments.viewer', { name: attachment.fileName })}
      onClose={onClose}
      size="wide"
      footer={
        <>
          {attachments.length > 1 ? (
            <>
              <button type="button" className="btn" onClick={() => go(-1)}>
                ← {t('attachments.previous')}
              </button>
              <button type="button" className="btn" onClick={() => go(1)}>
                {t('attachments.next')} →
              </button>
            </>
          ) : null}
          {url ? (
            <a className="btn btn-primary" href={url} download={attachment.fileName}>
              {t('attachments.download')}
            </a>
          ) : null}
        </>
      }
    >
      <div
        className="attachment-stage"
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') go(-1);
          if (e.key === 'ArrowRight') go(1);
        }}
      >
        {url && image ? <img src={url} alt={attachment.fileName} /> : null}
        {url && !image ? <p>{attachment.contentType}</p> : null}
        {!url ? <p className="muted">{t('attachments.notDownloaded')}</p> : null}
      </div>
    </Dialog>
  );
}

import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sourcePathOf, uploadFailureOf } from '../../attachments/local-attachment-fields';
import { uploadFailureText } from '../../attachments/upload-failure-text';
import type { CachedAttachment } from '../../data/db';
import { formatBytes } from '../../i18n/format';
import { AttachmentViewer } from './AttachmentViewer';
import { isImage, useAttachmentUrl } from './use-attachment-url';
import './attachments.css';
import { Icon } from '../../ui/Icon';

/** Attachments as thumbnails (images) or file tiles; each opens the viewer. Failed uploads say why below. */
export function AttachmentList({
  attachments,
  online,
  action,
}: {
  attachments: readonly CachedAttachment[];
  online: boolean;
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="ticket-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {t('attachments.title')}
      </h3>
      {attachments.length === 0 ? (
        <p className="muted small">{t('attachments.empty')}</p>
      ) : (
        <ul className="attachment-grid">
          {attachments.map((attachment, index) => (
            <li key={attachment.id}>
              <AttachmentTile
                attachment={attachment}
                online={online}
                failureId={`${headingId}-failure-${index}`}
                onOpen={() => setOpen(index)}
              />
            </li>
          ))}
        </ul>
      )}
      <UploadFailures attachments={attachments} idPrefix={`${headingId}-failure-`} />
      {action}
      {open !== null && attachments[open] ? (
        <AttachmentViewer
          attachments={attachments}
          index={open}
          online={online}
          onIndex={setOpen}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

function AttachmentTile({
  attachment,
  online,
  failureId,
  onOpen,
}: {
  attachment: CachedAttachment;
  online: boolean;
  failureId: string;
  onOpen(): void;
}) {
  const { t, i18n } = useTranslation();
  const image = isImage(attachment.contentType);
  const { url } = useAttachmentUrl(attachment, image && online);
  const failed = attachment.uploaded === 0 && uploadFailureOf(attachment) !== null;
  const sourcePath = sourcePathOf(attachment);
  return (
    <button
      type="button"
      className="attachment-tile"
      onClick={onOpen}
      aria-label={t('attachments.open', { name: attachment.fileName })}
      aria-describedby={failed ? failureId : undefined}
      title={sourcePath ? t('attachments.from', { path: sourcePath }) : undefined}
    >
      <span className="attachment-thumb" aria-hidden="true">
        {image && url ? (
          <img src={url} alt="" />
        ) : (
          <Icon name={image ? 'image' : 'file'} size={26} className="attachment-icon" />
        )}
      </span>
      <span className="attachment-name">{attachment.fileName}</span>
      <span className={`attachment-meta ${failed ? 'attachment-meta-failed' : 'muted'}`}>
        {formatBytes(attachment.size, i18n.resolvedLanguage ?? 'es')}
        {failed
          ? ` · ${t('attachments.uploadFailed')}`
          : attachment.uploaded === 0
            ? ` · ${t('attachments.notUploaded')}`
            : ''}
      </span>
    </button>
  );
}

/**
 * Why attachments will never upload, one line each under the tiles (a tile is too narrow for
 * a sentence). Text only: the reason may be the server's words or carry the file's name.
 */
function UploadFailures({
  attachments,
  idPrefix,
}: {
  attachments: readonly CachedAttachment[];
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const failures = attachments
    .map((attachment, index) => ({
      attachment,
      index,
      failure: attachment.uploaded === 0 ? uploadFailureOf(attachment) : null,
    }))
    .filter((entry) => entry.failure !== null);
  if (failures.length === 0) return null;
  return (
    <ul className="attachment-failures" data-testid="attachment-upload-failures">
      {failures.map(({ attachment, index, failure }) => (
        <li key={attachment.id} id={`${idPrefix}${index}`} data-code={failure!.code}>
          {uploadFailureText(t, attachment.fileName, failure!)}
        </li>
      ))}
    </ul>
  );
}

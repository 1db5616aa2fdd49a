import { useTranslation } from 'react-i18next';
import type { RefusedFile } from '../../data/db';
import type { RefusedWork } from '../../data/refused-work';
import { useFormat } from '../../i18n/format';
import { useObjectUrl } from '../attachments/use-attachment-url';
import './refused-work.css';

/** A refused file as a link that saves its bytes, from the copy the refusal keeps. */
function SaveFileLink({ file }: { file: RefusedFile }) {
  const { t } = useTranslation();
  const href = useObjectUrl(file.blob);
  return href ? (
    <a className="btn btn-small" href={href} download={file.fileName}>
      {t('refused.saveFile', { name: file.fileName })}
    </a>
  ) : null;
}

/** What the agent wrote or attached, shown as plain text (never as markup) so they can read and copy it. */
export function RefusedWorkView({ work }: { work: RefusedWork }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (work.kind === 'file') {
    return (
      <div className="refused-work" data-testid="refused-work">
        <strong className="small">{t('refused.work.file')}</strong>
        <ul className="plain-list">
          {work.files.map((file, index) => (
            <li key={index}>
              <span className="mono">{file.fileName}</span>{' '}
              <span className="muted small">{format.bytes(file.size)}</span> <SaveFileLink file={file} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const label =
    work.kind === 'ticket'
      ? t('refused.work.ticket')
      : work.visibility === 'internal'
        ? t('refused.work.note')
        : t('refused.work.reply');
  return (
    <div
      className={`refused-work ${work.kind === 'reply' && work.visibility === 'internal' ? 'refused-internal' : ''}`}
      data-testid="refused-work"
    >
      <strong className="small">{label}</strong>
      {work.kind === 'ticket' ? <p className="refused-work-text">{work.title}</p> : null}
      {work.text ? <p className="refused-work-text">{work.text}</p> : null}
    </div>
  );
}

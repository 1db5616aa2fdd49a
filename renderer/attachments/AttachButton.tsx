import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_CONTENT_TYPES } from '../../shared/index';
import { Icon } from '../ui/Icon';
import { AttachProblems } from './AttachProblems';
import { useAttachFiles } from './use-attach-files';

/** The keyboard- and screen-reader-friendly way to attach: a button that opens the file picker. */
export function AttachButton({ ticketId, disabled = false }: { ticketId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { attach, problems, refusal, busy, dismiss } = useAttachFiles(ticketId);
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={disabled || busy}
        onClick={() => input.current?.click()}
      >
        <Icon name="paperclip" />
        {t('attach.pick')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="attach-file-input"
        // A hint to the picker only; the limits are checked on what is actually chosen.
        accept={ATTACHMENT_CONTENT_TYPES.filter((type) => type !== 'application/octet-stream').join(',')}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared so picking the same file again still fires change.
          e.currentTarget.value = '';
          void attach(files);
        }}
      />
      <AttachProblems problems={problems} refusal={refusal} onDismiss={dismiss} />
    </>
  );
}

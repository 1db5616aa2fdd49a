import { useTranslation } from 'react-i18next';
import { RefusalMessage } from '../ui/RefusalMessage';
import { limitText, type AttachmentProblem } from './attachment-limits';
import type { Refusal } from '../i18n/refusals';

/** Why files were not attached, one line per file, read out by screen readers as it appears. */
export function AttachProblems({
  problems,
  refusal,
  onDismiss,
}: {
  problems: readonly AttachmentProblem[];
  refusal: Refusal | null;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  if (problems.length === 0 && !refusal) return null;
  return (
    <div className="attach-problems" role="alert" data-testid="attach-problems">
      <ul>
        {problems.map((problem, i) => (
          <li key={`${problem.fileName}-${i}`} data-code={problem.code}>
            {problem.code === 'too_large'
              ? t('attach.tooLarge', { name: problem.fileName, limit: limitText(problem.limit ?? 0) })
              : problem.code === 'too_many'
                ? t('attach.tooMany', { name: problem.fileName, limit: problem.limit ?? 0 })
                : problem.code === 'type_not_allowed'
                  ? t('attach.typeNotAllowed', { name: problem.fileName, type: problem.contentType ?? '' })
                  : t('attach.empty', { name: problem.fileName })}
          </li>
        ))}
      </ul>
      <RefusalMessage refusal={refusal} />
      <button type="button" className="btn btn-small" onClick={onDismiss}>
        {t('app.close')}
      </button>
    </div>
  );
}

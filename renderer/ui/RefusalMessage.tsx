import { useTranslation } from 'react-i18next';
import { refusalDetail, refusalText, type Refusal, type RefusalContext } from '../i18n/refusals';

interface RefusalMessageProps {
  refusal: Refusal | null;
  context?: RefusalContext;
  id?: string;
}

/** Why a rule refused the agent's action, in their language, placed beside the control. */
export function RefusalMessage({ refusal, context, id }: RefusalMessageProps) {
  const { t } = useTranslation();
  if (!refusal) return null;
  const detail = refusalDetail(refusal);
  return (
    <p id={id} className="refusal" role="alert" data-code={refusal.code}>
      <span>
        {refusalText(t, refusal, context)}
        {detail ? <span className="refusal-detail">{t('refusal.detail', { message: detail })}</span> : null}
      </span>
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import { refusalText, type Refusal, type RefusalContext } from '../i18n/refusals';

interface RefusalMessageProps {
  refusal: Refusal | null;
  context?: RefusalContext;
  id?: string;
}

/** Why a rule refused the agent's action, in their language, placed beside the control. */
export function RefusalMessage({ refusal, context, id }: RefusalMessageProps) {
  const { t } = useTranslation();
  if (!refusal) return null;
  return (
    <p id={id} className="refusal" role="alert" data-code={refusal.code}>
      {refusalText(t, refusal, context)}
    </p>
  );
}

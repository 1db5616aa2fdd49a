import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../stores/ui-store';
import { Icon } from '../../ui/Icon';

const VISIBLE_MS = 5_000;

/** Feedback for keyboard actions that have no control to show it beside (e.g. `a`). */
export function Toast() {
  const { t } = useTranslation();
  const toast = useUiStore((s) => s.toast);
  const dismiss = useUiStore((s) => s.dismissToast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast ? (
        <div className={`toast toast-${toast.kind}`} data-testid="toast" key={toast.id}>
          <span>{toast.text}</span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={dismiss}
            aria-label={t('app.close')}
          >
            <Icon name="x" />
          </button>
        </div>
      ) : null}
    </div>
  );
}

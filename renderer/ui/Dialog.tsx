import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import './dialog.css';
import { Icon } from './Icon';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom (submit, cancel). */
  footer?: ReactNode;
  /** Wide dialogs hold tables (bulk results, stale-work diffs). */
  size?: 'normal' | 'wide';
  /** The element that takes focus on open; otherwise the first focusable one. */
  initialFocus?: React.RefObject<HTMLElement | null>;
  /** Dialogs whose body is a form submit through it, so Enter in a field submits. */
  onSubmit?(): void;
  describedBy?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves in, stays in (Tab wraps), Escape closes, and focus returns
 * to whatever opened it, so a keyboard-only agent never loses their place in the queue.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  size = 'normal',
  initialFocus,
  onSubmit,
  describedBy,
}: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first =
      initialFocus?.current ?? panel.current?.querySelector<HTMLElement>(FOCUSABLE) ?? panel.current;
    first?.focus();
    return () => {
      if (opener && document.contains(opener)) opener.focus();
    };
    // Focus only on open; later renders must not steal focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Escape is heard on the document, not the panel: focus may have left the dialog (the
  // button the agent pressed went away), and Escape must still close it. Only the topmost
  // dialog answers, so a dialog opened from a dialog closes first.
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const dialogs = document.querySelectorAll('[aria-modal="true"]');
      if (dialogs[dialogs.length - 1] !== panel.current) return;
      event.preventDefault();
      event.stopPropagation();
      close.current();
    };
    document.addEventListener('keydown', onEscape, true);
    return () => document.removeEventListener('keydown', onEscape, true);
  }, []);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const body = (
    <>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label={t('app.close')}
          onClick={() => close.current()}
        >
          <Icon name="x" size={16} />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </>
  );

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close.current()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        className={`dialog dialog-${size}`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {onSubmit ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              onSubmit();
            }}
          >
            {body}
          </form>
        ) : (
          body
        )}
      </div>
    </div>,
    document.body,
  );
}

import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { SHORTCUTS } from './shortcut-list';

/** Between the keys: pressed together (Ctrl + K), one after the other (g r), or alternatives (j / ↓). */
function separatorOf(shortcut: (typeof SHORTCUTS)[number]): string {
  if ('sequence' in shortcut) return '';
  return shortcut.keys[0] === 'Ctrl' ? '+' : '/';
}

/** `?`: every shortcut, from the same list the handler implements. */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('keyboard.title')} onClose={onClose}>
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <Fragment key={shortcut.label}>
            <dt>
              {shortcut.keys.map((key, i) => (
                <Fragment key={key}>
                  {i > 0 ? <span className="muted"> {separatorOf(shortcut)} </span> : null}
                  <kbd>{key}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{t(shortcut.label)}</dd>
          </Fragment>
        ))}
      </dl>
    </Dialog>
  );
}

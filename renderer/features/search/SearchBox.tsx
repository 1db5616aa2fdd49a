import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { Icon } from '../../ui/Icon';

/** The search field in the top bar; `/` focuses it, Escape clears it and returns to the queue. */
export function SearchBox() {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const search = useUiStore((s) => s.search);
  const setSearch = useUiStore((s) => s.setSearch);
  const focusTick = useUiStore((s) => s.focusSearchTick);
  const setActive = useQueueStore((s) => s.setActive);

  useEffect(() => {
    if (focusTick > 0) {
      input.current?.focus();
      input.current?.select();
    }
  }, [focusTick]);

  return (
    <form className="search-box" role="search" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={id} className="visually-hidden">
        {t('search.label')}
      </label>
      <Icon name="search" className="search-icon" />
      <input
        id={id}
        ref={input}
        type="search"
        className="input search-input"
        placeholder={t('search.placeholder')}
        value={search}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setSearch(e.target.value);
          setActive(0, null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setSearch('');
            input.current?.blur();
          }
          if (e.key === 'ArrowDown' || e.key === 'Enter') {
            e.preventDefault();
            document.querySelector<HTMLElement>('[data-testid="ticket-grid"]')?.focus();
          }
        }}
      />
    </form>
  );
}

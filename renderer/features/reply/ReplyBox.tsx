import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentVisibility, Macro } from '../../../shared/index';
import { serverCopyOf } from '../../data/cached-ticket';
import type { CachedComment, CachedTicket } from '../../data/db';
import type { Refusal } from '../../i18n/refusals';
import { draftOf, useDraftStore, type Draft } from '../../stores/draft-store';
import { useUiStore } from '../../stores/ui-store';
import { RefusalMessage } from '../../ui/RefusalMessage';
import { MacroPicker } from '../macros/MacroPicker';
import type { ActionResult } from '../ticket/actions';
import { staleReport, type StaleReport } from './stale-changes';
import { StaleWorkDialog } from './StaleWorkDialog';
import './reply.css';
import { Icon } from '../../ui/Icon';

interface ReplyBoxProps {
  ticket: CachedTicket;
  comments: readonly CachedComment[];
  macros: readonly Macro[];
  meId: string | null;
  offline: boolean;
  nameOf(agentId: string | null): string;
  onPickMacro(macro: Macro): void;
  onSend(draft: Draft): Promise<ActionResult>;
}

/**
 * The reply box: public reply or internal note, canned replies, and the stale-work guard.
 * The draft lives in the draft store (it survives switching tickets); this component only
 * edits it. Before sending, if someone else changed the ticket since the agent last looked,
 * the agent sees what changed and chooses.
 */
export function ReplyBox({
  ticket,
  comments,
  macros,
  meId,
  offline,
  nameOf,
  onPickMacro,
  onSend,
}: ReplyBoxProps) {
  const { t } = useTranslation();
  const textareaId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const draft = useDraftStore((s) => draftOf(s.drafts, ticket.id));
  const setDraft = useDraftStore((s) => s.setDraft);
  const clearDraft = useDraftStore((s) => s.clearDraft);
  const markSeen = useDraftStore((s) => s.markSeen);
  const seen = useDraftStore((s) => s.seenServerVersion[ticket.id]);
  const focusPending = useUiStore((s) => s.replyFocusPending);
  const replyFocused = useUiStore((s) => s.replyFocused);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [stale, setStale] = useState<StaleReport | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = ticket.status === 'closed' || ticket.status === 'cancelled';

  useEffect(() => {
    if (!focusPending || !textarea.current) return;
    textarea.current.focus();
    replyFocused();
  }, [focusPending, replyFocused]);

  async function send(force: boolean) {
    setRefusal(null);
    if (!draft.body.trim()) return setRefusal({ code: 'empty_reply' });
    const report = force ? null : staleReport(serverCopyOf(ticket), seen, comments, meId);
    if (report) return setStale(report);
    setStale(null);
    setBusy(true);
    try {
      const result = await onSend(draft);
      if (!result.ok) return setRefusal({ code: result.code, message: result.message });
      clearDraft(ticket.id);
      // What the agent saw when they chose to send is now the baseline for the next reply.
      markSeen(ticket.id, serverCopyOf(ticket)?.updatedAt ?? null);
    } finally {
      setBusy(false);
    }
  }

  function review() {
    setStale(null);
    markSeen(ticket.id, serverCopyOf(ticket)?.updatedAt ?? null);
  }

  const setVisibility = (visibility: CommentVisibility) => setDraft(ticket.id, { visibility });
  const internal = draft.visibility === 'internal';

  return (
    <section className={`reply-box ${internal ? 'reply-internal' : ''}`} aria-label={t('reply.label')}>
      <div className="reply-toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('reply.visibility')}</legend>
          {(['public', 'internal'] as const).map((value) => (
            <label key={value} className={draft.visibility === value ? 'checked' : ''}>
              <input
                type="radio"
                name={`visibility-${ticket.id}`}
                value={value}
                checked={draft.visibility === value}
                onChange={() => setVisibility(value)}
              />
              {value === 'internal' ? <Icon name="lock" size={12} /> : null}
              {t(`reply.${value}`)}
            </label>
          ))}
        </fieldset>
        <MacroPicker macros={macros} onPick={onPickMacro} disabled={closed} />
      </div>
      <label htmlFor={textareaId} className="visually-hidden">
        {t('reply.label')}
      </label>
      <textarea
        id={textareaId}
        ref={textarea}
        className="textarea reply-text"
        placeholder={internal ? t('reply.placeholderInternal') : t('reply.placeholder')}
        value={draft.body}
        disabled={closed}
        onChange={(e) => setDraft(ticket.id, { body: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(false);
        }}
      />
      {draft.effects ? (
        <p className="reply-effects muted small">
          {draft.effects.setStatus
            ? t('reply.macroSetsStatus', { status: t(`status.${draft.effects.setStatus}`) })
            : null}
          {draft.effects.setStatus && draft.effects.setCategory ? ' · ' : null}
          {draft.effects.setCategory
            ? t('reply.macroSetsCategory', { category: draft.effects.setCategory })
            : null}
        </p>
      ) : null}
      <div className="reply-actions">
        {offline ? <span className="muted small">{t('reply.queuedOffline')}</span> : <span />}
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || closed}
          onClick={() => void send(false)}
        >
          {internal ? t('reply.sendInternal') : t('reply.send')}
        </button>
      </div>
      {refusal?.code === 'empty_reply' ? (
        <p className="refusal" role="alert">
          {t('reply.empty')}
        </p>
      ) : (
        <RefusalMessage refusal={refusal} />
      )}
      {stale ? (
        <StaleWorkDialog
          report={stale}
          nameOf={nameOf}
          onReview={review}
          onSendAnyway={() => void send(true)}
        />
      ) : null}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { emailSchema, type Impact, type TicketChannel, type Urgency } from '../../../shared/index';
import type { Refusal } from '../../i18n/refusals';
import { dismissRejection } from '../../data/ticket-queries';
import { useUiStore, type NewTicketSeed } from '../../stores/ui-store';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { ImpactUrgencyFields } from '../../ui/ImpactUrgencyFields';
import { RefusalMessage } from '../../ui/RefusalMessage';
import { mutate } from '../mutations';
import { useCategories } from '../reference/use-reference-data';
import './new-ticket.css';

const CHANNELS: TicketChannel[] = ['phone', 'walk_in', 'email', 'chat'];

type Errors = Partial<Record<'name' | 'email' | 'title' | 'category', string>>;

/**
 * For the phone call or the person at the desk. It goes through the outbox like any other
 * change, so it works offline: the ticket shows at once as not synced, and gets its
 * number when the server receives it.
 */
export function NewTicketForm({ onClose, seed = null }: { onClose(): void; seed?: NewTicketSeed | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  const categories = useCategories().filter((c) => c.active);
  const openTicket = useUiStore((s) => s.openTicket);
  const [name, setName] = useState(seed?.requester?.name ?? '');
  const [email, setEmail] = useState(seed?.requester?.email ?? '');
  const [phone, setPhone] = useState(seed?.requester?.phone ?? '');
  const [channel, setChannel] = useState<TicketChannel>('phone');
  const [title, setTitle] = useState(seed?.title ?? '');
  const [description, setDescription] = useState(seed?.description ?? '');
  const [category, setCategory] = useState('');
  const [impact, setImpact] = useState<Impact>(3);
  const [urgency, setUrgency] = useState<Urgency>(2);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const chosenCategory = category || categories[0]?.id || '';

  async function submit() {
    const next: Errors = {};
    if (!name.trim()) next.name = t('dialogs.required');
    if (!email.trim()) next.email = t('dialogs.required');
    else if (!emailSchema.safeParse(email).success) next.email = t('newTicket.invalidEmail');
    if (!title.trim()) next.title = t('dialogs.required');
    if (!chosenCategory) next.category = t('dialogs.required');
    setErrors(next);
    setRefusal(null);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    const ticketId = uuidv7();
    try {
      const result = await mutate('ticket.create', {
        ticketId,
        title,
        description,
        category: chosenCategory,
        impact,
        urgency,
        channel,
        requester: { name, email, ...(phone.trim() ? { phone } : {}) },
      });
      if (!result.ok) return setRefusal({ code: result.code, message: result.message });
      // The refused work now lives in this ticket (and its outbox entry): the refusal has done its job.
      if (seed) await dismissRejection(seed.fromRefusalId);
      onClose();
      openTicket(ticketId);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('newTicket.title')}
      onClose={onClose}
      size="wide"
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('newTicket.submit')}
          </button>
        </>
      }
    >
      <p className="muted">{t('newTicket.intro')}</p>
      <div className="form-grid">
        <Field label={t('newTicket.requesterName')} error={errors.name}>
          {(p) => (
            <input
              {...p}
              className="input"
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('newTicket.requesterEmail')} error={errors.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              className="input"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('newTicket.requesterPhone')}>
          {(p) => (
            <input
              {...p}
              type="tel"
              className="input"
              autoComplete="off"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('newTicket.channel')}>
          {(p) => (
            <select
              {...p}
              className="select"
              value={channel}
              onChange={(e) => setChannel(e.target.value as TicketChannel)}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('newTicket.subject')} error={errors.title}>
        {(p) => <input {...p} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('newTicket.description')}>
        {(p) => (
          <textarea
            {...p}
            className="textarea"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('newTicket.category')} error={errors.category}>
        {(p) => (
          <select
            {...p}
            className="select"
            value={chosenCategory}
            onChange={(e) => setCategory(e.target.value)}
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name[lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ImpactUrgencyFields impact={impact} urgency={urgency} onImpact={setImpact} onUrgency={setUrgency} />
      <RefusalMessage refusal={refusal} />
    </Dialog>
  );
}

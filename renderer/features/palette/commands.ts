import type { TFunction } from 'i18next';
import type { Macro } from '../../../shared/index';
import { LANGUAGE_NAMES, currentLanguage, setLanguage } from '../../i18n/i18n';
import { applyTheme, usePrefsStore } from '../../stores/prefs-store';
import { QUEUE_IDS, useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { applyMacro } from '../macros/apply-macro';
import { mutate } from '../mutations';
import { refusalText } from '../../i18n/refusals';

export type CommandGroup = 'navigation' | 'ticket' | 'macros' | 'app';

export interface Command {
  id: string;
  group: CommandGroup;
  label: string;
  shortcut?: string;
  run(): void;
}

interface CommandContext {
  t: TFunction;
  ticketId: string | null;
  me: { id: string; name: string } | null;
  macros: readonly Macro[];
  signOut(): void;
}

/** What the palette can do right now: navigation always; ticket actions and macros with a ticket. */
export function buildCommands({ t, ticketId, me, macros, signOut }: CommandContext): Command[] {
  const ui = useUiStore.getState;
  const commands: Command[] = QUEUE_IDS.map((queue) => ({
    id: `queue:${queue}`,
    group: 'navigation' as const,
    label: t('palette.goQueue', { queue: t(`queues.${queue}`) }),
    run: () => {
      useQueueStore.getState().setQueue(queue);
      ui().setSearch('');
      ui().closeTicket();
    },
  }));
  commands.push(
    { id: 'search', group: 'navigation', label: t('keyboard.search'), shortcut: '/', run: () => ui().focusSearch() },
    { id: 'new-ticket', group: 'navigation', label: t('newTicket.open'), shortcut: 'n', run: () => ui().setOverlay('newTicket') },
    { id: 'refused', group: 'navigation', label: t('refused.title'), run: () => ui().setOverlay('refused') },
  );
  if (ticketId) {
    commands.push({ id: 'reply', group: 'ticket', label: t('keyboard.reply'), shortcut: 'r', run: () => ui().focusReply() });
    if (me) {
      commands.push({
        id: 'assign-me',
        group: 'ticket',
        label: t('ticket.assignToMe'),
        shortcut: 'a',
        run: () =>
          void mutate('ticket.assign', { ticketId, assigneeId: me.id }).then((result) =>
            result.ok ? ui().showToast('info', t('ticket.assignedToYou')) : ui().showToast('error', refusalText(t, result)),
          ),
      });
    }
    for (const macro of macros) {
      commands.push({
        id: `macro:${macro.id}`,
        group: 'macros',
        label: t('palette.insertMacro', { name: macro.name }),
        run: () => void applyMacro(ticketId, macro, me?.name ?? ''),
      });
    }
  }
  const other = currentLanguage() === 'es' ? 'en' : 'es';
  commands.push(
    { id: 'shortcuts', group: 'app', label: t('keyboard.title'), shortcut: '?', run: () => ui().setOverlay('shortcuts') },
    { id: 'language', group: 'app', label: t('palette.switchLanguage', { language: LANGUAGE_NAMES[other] }), run: () => setLanguage(other) },
    {
      id: 'theme',
      group: 'app',
      label: t('palette.toggleTheme'),
      run: () => {
        const prefs = usePrefsStore.getState();
        const dark = prefs.theme === 'dark' || (prefs.theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
        const next = dark ? 'light' : 'dark';
        prefs.setTheme(next);
        applyTheme(next);
      },
    },
    { id: 'sign-out', group: 'app', label: t('connect.signOut'), run: signOut },
  );
  return commands;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** Every word typed must appear in the label, accents ignored ("asignar" finds "Asignármelo"). */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((command) => {
    const label = fold(command.label);
    return words.every((word) => label.includes(word));
  });
}

import type { TFunction } from 'i18next';
import {
  allowedNextStatuses,
  type Agent,
  type CommentVisibility,
  type Macro,
  type Ticket,
} from '../../../shared/index';
import { LANGUAGE_NAMES, currentLanguage, setLanguage } from '../../i18n/i18n';
import { applyTheme, usePrefsStore } from '../../stores/prefs-store';
import { QUEUE_IDS, useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { applyMacro } from '../macros/apply-macro';
import { useDraftStore } from '../../stores/draft-store';
import { mutate } from '../mutations';
import { refusalText } from '../../i18n/refusals';
import type { Viewer } from '../queue/queue-query-of';
import { stepTicket } from '../queue/step-ticket';
import type { ActionResult } from '../ticket/actions';
import { needsOwnerFirst, takeAndMove } from '../ticket/take-and-move';

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
  /** The open ticket, or else the queue's highlighted one. */
  ticketId: string | null;
  /** That ticket as cached, once read: its status decides which moves are offered. */
  ticket?: Pick<Ticket, 'id' | 'status' | 'assigneeId'> | null;
  /** True when the ticket is on screen (not just highlighted in the queue): next/previous step from it. */
  ticketOpen?: boolean;
  me: { id: string; name: string } | null;
  agents?: readonly Pick<Agent, 'id' | 'name' | 'active'>[];
  viewer?: Viewer;
  /** The reply box's current visibility on that ticket. */
  visibility?: CommentVisibility;
  macros: readonly Macro[];
  signOut(): void;
}

/** What the palette can do right now: navigation always; ticket actions and macros with a ticket. */
export function buildCommands(context: CommandContext): Command[] {
  const { t, ticketId, me, macros, signOut } = context;
  const ui = useUiStore.getState;
  const commands: Command[] = QUEUE_IDS.map((queue) => ({
    id: `queue:${queue}`,
    group: 'navigation' as const,
    label: t('palette.goQueue', { queue: t(`queues.${queue}`) }),
    run: () => {
      useQueueStore.getState().setQueue(queue);
      ui().showView('queue');
    },
  }));
  commands.push(
    {
      id: 'search',
      group: 'navigation',
      label: t('keyboard.search'),
      shortcut: '/',
      run: () => ui().focusSearch(),
    },
    {
      id: 'new-ticket',
      group: 'navigation',
      label: t('newTicket.open'),
      shortcut: 'n',
      run: () => ui().setOverlay('newTicket'),
    },
    { id: 'refused', group: 'navigation', label: t('refused.title'), run: () => ui().setOverlay('refused') },
    {
      id: 'reports',
      group: 'navigation',
      label: t('reports.goTo'),
      shortcut: 'g r',
      run: () => ui().showView('reports'),
    },
  );
  if (ticketId) {
    commands.push({
      id: 'reply',
      group: 'ticket',
      label: t('keyboard.reply'),
      shortcut: 'r',
      run: () => ui().focusReply(),
    });
    if (me) {
      commands.push({
        id: 'assign-me',
        group: 'ticket',
        label: t('ticket.assignToMe'),
        shortcut: 'a',
        run: () =>
          void mutate('ticket.assign', { ticketId, assigneeId: me.id }).then((result) =>
            result.ok
              ? ui().showToast('info', t('ticket.assignedToYou'))
              : ui().showToast('error', refusalText(t, result)),
          ),
      });
    }
    commands.push(...ticketCommands(context, ticketId));
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
    {
      id: 'shortcuts',
      group: 'app',
      label: t('keyboard.title'),
      shortcut: '?',
      run: () => ui().setOverlay('shortcuts'),
    },
    {
      id: 'language',
      group: 'app',
      label: t('palette.switchLanguage', { language: LANGUAGE_NAMES[other] }),
      run: () => setLanguage(other),
    },
    {
      id: 'theme',
      group: 'app',
      label: t('palette.toggleTheme'),
      run: () => {
        const prefs = usePrefsStore.getState();
        const dark =
          prefs.theme === 'dark' ||
          (prefs.theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
        const next = dark ? 'light' : 'dark';
        prefs.setTheme(next);
        applyTheme(next);
      },
    },
    { id: 'sign-out', group: 'app', label: t('connect.signOut'), run: signOut },
  );
  return commands;
}

/** Tells the agent how a palette action went, since the palette has closed and no control is beside it. */
function report(t: TFunction, done: string) {
  return (result: ActionResult) =>
    useUiStore.getState().showToast(result.ok ? 'info' : 'error', result.ok ? done : refusalText(t, result));
}

/** Everything the ticket view's controls do, by name: moves, assignment to anyone, reply visibility, next/previous. */
function ticketCommands(
  { t, ticket, ticketOpen, me, agents = [], viewer, visibility = 'public' }: CommandContext,
  ticketId: string,
): Command[] {
  const ui = useUiStore.getState;
  const commands: Command[] = [];
  const onScreen = () => {
    if (ui().openTicketId !== ticketId) ui().openTicket(ticketId);
  };
  if (ticket) {
    const next = allowedNextStatuses(ticket.status);
    const moved = t('palette.movedTo', { status: t('status.in_progress') });
    if (next.includes('in_progress') && ticket.status !== 'resolved') {
      commands.push({
        id: 'start-work',
        group: 'ticket',
        label: t('statusAction.in_progress'),
        run: () =>
          void (
            me && needsOwnerFirst(ticket, 'in_progress')
              ? takeAndMove(ticketId, me.id, 'in_progress')
              : mutate('ticket.transition', { ticketId, to: 'in_progress' })
          ).then(report(t, moved)),
      });
    }
    for (const to of ['pending', 'resolved'] as const) {
      if (!next.includes(to)) continue;
      commands.push({
        id: `status:${to}`,
        group: 'ticket',
        label: t(`statusAction.${to}`),
        run: () => {
          onScreen();
          ui().requestStatusDialog(to);
        },
      });
    }
    if (ticket.status !== 'closed' && ticket.status !== 'cancelled') {
      for (const agent of agents) {
        if (!agent.active || agent.id === me?.id || agent.id === ticket.assigneeId) continue;
        commands.push({
          id: `assign:${agent.id}`,
          group: 'ticket',
          label: t('palette.assignTo', { name: agent.name }),
          run: () =>
            void mutate('ticket.assign', { ticketId, assigneeId: agent.id }).then(
              report(t, t('palette.assignedTo', { name: agent.name })),
            ),
        });
      }
    }
  }
  const other: CommentVisibility = visibility === 'public' ? 'internal' : 'public';
  commands.push({
    id: 'reply-visibility',
    group: 'ticket',
    label: other === 'internal' ? t('palette.replyInternal') : t('palette.replyPublic'),
    run: () => {
      onScreen();
      useDraftStore.getState().setDraft(ticketId, { visibility: other });
      ui().focusReply();
    },
  });
  if (ticketOpen && viewer) {
    for (const [id, delta, label] of [
      ['next-ticket', 1, t('palette.nextTicket')],
      ['previous-ticket', -1, t('palette.previousTicket')],
    ] as const) {
      commands.push({
        id,
        group: 'ticket',
        label,
        run: () =>
          void stepTicket(delta, viewer).then(
            (moved) => moved || ui().showToast('info', t('palette.queueEnd')),
          ),
      });
    }
  }
  return commands;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Every word typed must appear in the label, accents ignored ("asignar" finds "Asignármelo"). */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((command) => {
    const label = fold(command.label);
    return words.every((word) => label.includes(word));
  });
}

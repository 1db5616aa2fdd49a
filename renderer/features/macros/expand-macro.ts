import type { Macro, Ticket } from '../../../shared/index';

export interface MacroContext {
  ticket: Pick<Ticket, 'number' | 'title' | 'requester'>;
  agentName: string;
}

/**
 * Fills a canned reply's placeholders ({{requester.name}}, {{ticket.number}}, …). An unknown
 * placeholder is left as written so the agent sees it before sending, rather than a blank.
 * A ticket created offline has no number yet; its subject stands in, quoted.
 */
export function expandMacro(body: string, { ticket, agentName }: MacroContext): string {
  const values: Record<string, string> = {
    'requester.name': ticket.requester.name,
    'requester.email': ticket.requester.email,
    'requester.first_name': ticket.requester.name.split(/\s+/)[0] ?? ticket.requester.name,
    'ticket.number': ticket.number ?? `«${ticket.title}»`,
    'ticket.title': ticket.title,
    'agent.name': agentName,
  };
  return body.replace(/\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** What applying a macro also changes on the ticket, besides inserting text. */
export interface MacroEffects {
  setStatus: Macro['setStatus'];
  setCategory: Macro['setCategory'];
}

export const effectsOf = (macro: Macro): MacroEffects | null =>
  macro.setStatus || macro.setCategory
    ? { setStatus: macro.setStatus, setCategory: macro.setCategory }
    : null;

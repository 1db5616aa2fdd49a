import { ipcEventChannels, type EventPayload } from '../../shared/ipc/contract';

/**
 * mesa:// links, from e-mails and chat: `mesa://ticket/INC-1042` (by number) or
 * `mesa://ticket/<uuid>` (by id). They come from outside the app, so anything that is not
 * exactly one of these shapes is ignored rather than half-understood.
 */
export const DEEP_LINK_SCHEME = 'mesa';

const TICKET_NUMBER = /^[A-Z]{2,6}-\d{1,9}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseDeepLink(link: string): EventPayload<'openTicket'> | null {
  if (link.length > 300) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.host !== 'ticket') return null;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length !== 1) return null;
  const ref = decodeURIComponent(segments[0]!);
  const payload = UUID.test(ref)
    ? { ticketId: ref.toLowerCase() }
    : TICKET_NUMBER.test(ref.toUpperCase())
      ? { number: ref.toUpperCase() }
      : null;
  if (!payload) return null;
  const parsed = ipcEventChannels.openTicket.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/** The deep link in a command line (Windows and Linux pass it as an argument; the last one wins). */
export function findDeepLink(argv: readonly string[]): EventPayload<'openTicket'> | null {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i]!;
    if (arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return parseDeepLink(arg);
  }
  return null;
}

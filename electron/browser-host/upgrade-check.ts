import { WIRE_PROTOCOL, secretProtocol } from '../../shared/ipc/wire-codec';
import { secretsMatch } from './launch-secret';

/**
 * Who may open the browser host's IPC socket: a request to /ipc, from a page whose Origin is
 * exactly this host's (parsed and compared whole: a browser tab on another site sends its
 * own Origin, and a missing Origin means a non-browser client), addressed to our Host (DNS
 * rebinding), offering our protocol version and this launch's secret as subprotocols.
 */
export const SECRET_PROTOCOL_PREFIX = secretProtocol('');

export interface UpgradeRequest {
  path: string | undefined;
  origin: string | undefined;
  host: string | undefined;
  protocols: readonly string[];
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 400 | 403 | 404; reason: string };

export function parseProtocolsHeader(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function parsedOrigin(header: string | undefined): string | null {
  if (!header) return null;
  try {
    return new URL(header).origin;
  } catch {
    return null;
  }
}

export function checkUpgrade(
  request: UpgradeRequest,
  expected: { origin: string; secret: string },
): UpgradeVerdict {
  const path = (request.path ?? '').split('?')[0];
  if (path !== '/ipc') return { ok: false, status: 404, reason: 'no such socket' };
  if (parsedOrigin(request.origin) !== expected.origin)
    return { ok: false, status: 403, reason: 'foreign or missing Origin' };
  if (request.host !== new URL(expected.origin).host)
    return { ok: false, status: 403, reason: 'unexpected Host' };
  if (!request.protocols.includes(WIRE_PROTOCOL))
    return { ok: false, status: 400, reason: 'unsupported protocol' };
  const offered = request.protocols
    .find((p) => p.startsWith(SECRET_PROTOCOL_PREFIX))
    ?.slice(SECRET_PROTOCOL_PREFIX.length);
  if (!secretsMatch(expected.secret, offered))
    return { ok: false, status: 403, reason: 'wrong or missing secret' };
  return { ok: true };
}

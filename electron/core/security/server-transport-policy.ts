/**
 * Where the console may send the agent's password and token. Plain http:// is readable and
 * rewritable by anyone on the path (a shared office network, a rogue proxy, hotel Wi-Fi), so
 * a server on another machine must be https://. Loopback never leaves this computer, which is
 * why the demo and the tests may keep plain http:// there.
 */
export type ServerTransportDecision =
  { allowed: true } | { allowed: false; reason: 'insecure_http' | 'invalid_url' };

export function decideServerTransport(serverUrl: string): ServerTransportDecision {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return { allowed: false, reason: 'invalid_url' };
  }
  if (url.protocol === 'https:') return { allowed: true };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { allowed: true };
  return { allowed: false, reason: url.protocol === 'http:' ? 'insecure_http' : 'invalid_url' };
}

/**
 * `hostname` as the WHATWG URL parser gives it: IPv4 already in dotted decimal (so 127.1 and
 * 2130706433 arrive as 127.0.0.1), IPv6 in brackets and compressed, names lowercased.
 * "localhost." and "*.localhost" are left out: they go to a resolver, which may ask DNS.
 */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)) return true;
  // IPv4-mapped 127.0.0.0/8 (::ffff:127.x.y.z, which the parser writes as ::ffff:7fxx:yyzz).
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(hostname);
}

import { isIP } from 'node:net';

/**
 * Which proxies in front of the backend are believed about the client's address
 * (`X-Forwarded-For`): none (the default: the header is anyone's to forge), the N
 * nearest hops, or the proxies at these addresses or CIDR ranges. Fastify's `trustProxy`
 * takes either form and sets `request.ip`, which every rate limit keys on.
 */
export type TrustProxy = false | number | string[];

/** `--trust-proxy` to a setting: a hop count (`1`) or addresses (`10.0.0.5,10.1.0.0/16`). */
export function parseTrustProxy(value: string): Exclude<TrustProxy, false> {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 32) return hops;
    throw new Error(`--trust-proxy: a hop count is 1 to 32, not "${value}"`);
  }
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0)
      throw new Error(
        `--trust-proxy: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/8)`,
      );
  }
  return entries;
}

/** The setting in the form Fastify's types accept: a hop count as "the N nearest hops". */
export function fastifyTrustProxy(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}

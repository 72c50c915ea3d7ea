/**
 * The client's address for rate limits. With `trustedHops` proxies in front, each appends the
 * address it saw to X-Forwarded-For, so the client is that many entries from the right; what a
 * client writes further left is ignored. With none, the header is ignored altogether.
 */
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  const direct = socketAddress ?? 'unknown';
  if (trustedHops <= 0 || forwardedFor === undefined) return direct;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (chain.length === 0) return direct;
  return chain[Math.max(0, chain.length - trustedHops)];
}

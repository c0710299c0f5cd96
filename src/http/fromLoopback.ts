/**
 * Whether a request comes straight from this machine: the socket's own peer address (never
 * X-Forwarded-For), and no forwarding header, since a local tunnel or proxy would relay strangers.
 */
export function fromLoopback(remoteAddress: string | undefined, headers: Record<string, unknown>): boolean {
  if (headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined) return false;
  const addr = (remoteAddress ?? '').replace(/^::ffff:/, '');
  return addr === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(addr);
}

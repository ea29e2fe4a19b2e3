import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { promisify } from 'node:util';

/**
 * Addresses a webhook may never be sent to: the server's own machine and networks the integrator's
 * URL should not reach through us (SSRF). Checked at registration and again on the connection itself.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64],
] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** Eight 16-bit groups of an IPv6 address, whatever its notation (::, embedded dotted IPv4). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16));
}

/** An IPv4 address carried inside an IPv6 one (IPv4-mapped ::ffff:a.b.c.d, or NAT64 64:ff9b::a.b.c.d). */
function embeddedIpv4(groups: number[]): string | null {
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  const compatible = groups.slice(0, 6).every((g) => g === 0) && (groups[6] !== 0 || groups[7] > 1);
  if (!mapped && !nat64 && !compatible) return null;
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
}

/** True for loopback, private, link-local, CGNAT, multicast, reserved and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const groups = ipv6Groups(address);
  const v4 = embeddedIpv4(groups);
  if (v4) return blocked.check(v4, 'ipv4');
  return blocked.check(address.split('%')[0], 'ipv6');
}

export class UnsafeUrlError extends Error {}

const lookupAll = promisify(dnsLookup) as unknown as (host: string, options: { all: true }) => Promise<LookupAddress[]>;

/** The host of a URL as a resolver or an IP parser wants it: without the brackets of an IPv6 literal. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Refuses what a webhook must not be sent to: anything but https (http too when private URLs are
 * allowed), credentials in the URL, and hosts that resolve to a private address.
 */
export async function assertPublicUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('Địa chỉ webhook không phải URL hợp lệ.');
  }
  const schemes = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) throw new UnsafeUrlError('Địa chỉ webhook phải dùng https://.');
  if (url.username || url.password) throw new UnsafeUrlError('Địa chỉ webhook không được chứa tên đăng nhập hay mật khẩu.');
  if (allowPrivate) return url;
  const host = bareHost(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookupAll(host, { all: true })).map((a) => a.address);
    } catch {
      throw new UnsafeUrlError(`Không phân giải được tên miền ${host}.`);
    }
  }
  if (!addresses.length || addresses.some(isPrivateAddress)) {
    throw new UnsafeUrlError(
      `Địa chỉ webhook trỏ tới mạng nội bộ hoặc địa chỉ dành riêng (${host}): chỉ chấp nhận địa chỉ công khai trên Internet.`,
    );
  }
  return url;
}

/**
 * A `lookup` for http(s).request that refuses private addresses on the connection actually made, so
 * a name that resolved to a public address at registration cannot be rebound to an internal one later.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as LookupAddress[];
      if (!allowPrivate && (!list.length || list.some((a) => isPrivateAddress(a.address)))) {
        return callback(new UnsafeUrlError(`${hostname} trỏ tới địa chỉ nội bộ: không gửi.`), '');
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

import { checkIpAddress, type IpRangeName } from '../../domain/ip.js';
import type { MessageData, RecordCheck } from '../api.js';
import { arrayAt } from '../access.js';

/**
 * ip-address (一、4 网站 IP 地址): each access IP is a valid, public unicast
 * address, one a server can actually be reached at on the Internet.
 *
 * Message ids: one per syntax problem (the fix differs: drop the port, the
 * prefix, the brackets …) and one per kind of special range a filer is likely
 * to paste (private, shared/CGN, loopback, link-local, documentation,
 * multicast); rarer ranges share `default`, which names the range.
 */
export const ipAddressMessages = [
  'empty',
  'invalid',
  'cidr',
  'port',
  'zone-id',
  'brackets',
  'non-decimal',
  'private',
  'shared',
  'loopback',
  'link-local',
  'documentation',
  'multicast',
] as const;

const RANGE_MESSAGES: Partial<Record<IpRangeName, (typeof ipAddressMessages)[number]>> = {
  private: 'private',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
  carrierGradeNat: 'shared',
  loopback: 'loopback',
  linkLocal: 'link-local',
  documentation: 'documentation',
  multicast: 'multicast',
};

/** `carrierGradeNat` → `carrier grade nat`, for the generic message. */
function rangeWords(range: string): string {
  return range.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
}

export const ipAddress: RecordCheck = (ctx) => {
  arrayAt(ctx.record, '/websites').forEach((site, i) => {
    arrayAt(site, '/access/ips').forEach((ip, k) => {
      // Not a string: the schema rule reports the type.
      if (typeof ip !== 'string') return;
      const r = checkIpAddress(ip);
      if (r.ok) return;
      const path = `/websites/${i}/access/ips/${k}`;
      const data: MessageData = { value: ip.trim() };
      if (r.problem === 'syntax') {
        ctx.report({ path, messageId: r.reason === 'format' ? 'invalid' : r.reason, data });
        return;
      }
      const messageId = Object.prototype.hasOwnProperty.call(RANGE_MESSAGES, r.range) ? RANGE_MESSAGES[r.range] : undefined;
      ctx.report({ path, ...(messageId ? { messageId } : {}), data: { ...data, range: rangeWords(r.range) } });
    });
  });
};

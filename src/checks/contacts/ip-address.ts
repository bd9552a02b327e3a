import type { FromSchema } from 'json-schema-to-ts';
import { checkIpAddress, IP_RANGE_NAMES, type IpRangeName } from '../../domain/ip.js';
import { verbatim } from '../../domain/vocabulary.js';
import type { MessageData, RecordCheck } from '../api.js';
import { arrayAt } from '../access.js';
import { WEBSITES } from '../fields.js';

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

/**
 * Options: `rangeNames` gives each special range (by the range code of
 * src/domain/ip.ts) its name in both languages, for the generic message.
 * The codes are identifiers (`6to4`, `rfc6052`, `carrierGradeNat`), not
 * words: split mechanically they read "6to 4", so each is named in the table.
 */
export const ipAddressOptions = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rangeNames: {
      type: 'object',
      description: 'The name of each special-purpose range in messages, by range code',
      propertyNames: { enum: [...IP_RANGE_NAMES] },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['en', 'zh-CN'],
        properties: { en: { type: 'string', minLength: 1 }, 'zh-CN': { type: 'string', minLength: 1 } },
      },
    },
  },
} as const;

export type IpAddressOptions = FromSchema<typeof ipAddressOptions>;

/** The range's names from the table; a code the table lacks (a user's partial table) is shown as the code itself. */
function rangeData(names: IpAddressOptions['rangeNames'], range: IpRangeName): MessageData {
  const entry = names && Object.prototype.hasOwnProperty.call(names, range) ? names[range] : undefined;
  return { range: entry ? { en: entry.en, 'zh-CN': entry['zh-CN'] } : verbatim(range) };
}

export const ipAddress: RecordCheck<IpAddressOptions, (typeof ipAddressMessages)[number]> = (ctx) => {
  arrayAt(ctx.record, WEBSITES).forEach((site, i) => {
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
      ctx.report({ path, ...(messageId ? { messageId } : {}), data: { ...data, ...rangeData(ctx.options.rangeNames, r.range) } });
    });
  });
};

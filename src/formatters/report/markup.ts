import { PROVINCE_FILING_ABBREVIATIONS } from '../../domain/citizen-id.js';
import { maskPersonalText } from '../../domain/personal-text.js';
import { safeText } from '../escape.js';
import type { Say } from './texts.js';

/** Text for HTML content and attribute values, with control and bidirectional characters named (`\uXXXX`) as in every report. */
export function esc(text: string): string {
  return safeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Data for a `<script type="application/json">` element: JSON whose `<` is
 * written `\u003c`, so no text from a record can close the element, and
 * whose line and paragraph separators are escaped too.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A province as the reports show it: its code and the character of its filing numbers (44 粤). Control characters named, as everywhere. */
export function provinceLabel(code: string, say: Say): string {
  if (code === '??') return say('unknownProvince');
  const abbreviation = PROVINCE_FILING_ABBREVIATIONS[code];
  return abbreviation ? `${code} ${abbreviation}` : safeText(code);
}

/**
 * An access provider's name. A provider is a unit, but its name is typed
 * into each record: a phone or an ID number put there is masked, whatever
 * --no-redact says, as no count needs it. A record without one is said so.
 */
export function providerLabel(name: string, say: Say): string {
  return name === '?' || name.trim() === '' ? say('unknownProvider') : safeText(maskPersonalText(name));
}

export function percentOf(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}

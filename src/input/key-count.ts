// A repeated key is rare, and finding one exactly needs a full position tree.
// Counting cheaply first — property names in the text against keys in the
// parsed value, which JSON.parse keeps only once each — tells almost every
// record apart without building that tree.

/**
 * Property names in valid JSON text: strings followed (after whitespace) by a
 * colon. Outside strings valid JSON has no quote but a string's own, so the
 * string starts and ends are found with the native indexOf, a quote being
 * escaped when an odd number of backslashes precedes it.
 */
export function countJsonPropertyNames(text: string): number {
  let count = 0;
  const n = text.length;
  let start = text.indexOf('"');
  while (start !== -1) {
    let end = text.indexOf('"', start + 1);
    while (end !== -1) {
      let backslashes = 0;
      for (let b = end - 1; b > start && text.charCodeAt(b) === 92 /* \ */; b--) backslashes++;
      if (backslashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    if (end === -1) break;
    let k = end + 1;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      k++;
    }
    if (text.charCodeAt(k) === 58 /* : */) count++;
    start = text.indexOf('"', end + 1);
  }
  return count;
}

/** Keys of every object in a parsed JSON value. */
export function countParsedKeys(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    } else {
      // for…in without Object.keys: no array per object. JSON.parse makes plain objects, so every
      // enumerable key is an own one; the check keeps that true whatever the prototype holds.
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        count++;
        const child = (v as Record<string, unknown>)[k];
        if (child !== null && typeof child === 'object') stack.push(child);
      }
    }
  }
  return count;
}

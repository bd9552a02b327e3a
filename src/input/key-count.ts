// A repeated key is rare, and finding one exactly needs a full position tree.
// Counting cheaply first — property names in the text against keys in the
// parsed value, which JSON.parse keeps only once each — tells almost every
// record apart without building that tree.

/** Property names in JSON text: strings followed (after whitespace) by a colon. */
export function countJsonPropertyNames(text: string): number {
  let count = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 34 /* " */) continue;
    // Skip to the closing quote, honouring escapes.
    let j = i + 1;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 92 /* \ */) j++;
      else if (c === 34) break;
    }
    let k = j + 1;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      k++;
    }
    if (text.charCodeAt(k) === 58 /* : */) count++;
    i = j;
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
      for (const item of v) stack.push(item);
    } else {
      const keys = Object.keys(v);
      count += keys.length;
      for (const k of keys) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return count;
}

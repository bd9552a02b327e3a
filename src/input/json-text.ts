// Reading valid JSON text without parsing it: the duplicate-key count and the
// targeted locator skip whole strings this way.

/**
 * One past the closing quote of the string whose opening quote is at `at`,
 * or the text's length when it is not closed. Outside strings valid JSON has
 * no quote but a string's own, so the closing quote is the next one found
 * with the native indexOf that an even number of backslashes precedes.
 */
export function jsonStringEnd(text: string, at: number): number {
  let end = text.indexOf('"', at + 1);
  while (end !== -1) {
    let backslashes = 0;
    // Stops at the opening quote at the latest, which is no backslash.
    for (let b = end - 1; text.charCodeAt(b) === 92 /* \ */; b--) backslashes++;
    if (backslashes % 2 === 0) return end + 1;
    end = text.indexOf('"', end + 1);
  }
  return text.length;
}

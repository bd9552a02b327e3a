import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/input/line-index.js';

// Positions both ways: the fixer and the language server turn a message's
// line and column back into an offset through the same index that made them.
describe('LineIndex', () => {
  const text = 'a: 1\r\nbb: 2\rccc: 3\n\nlast';
  const lines = new LineIndex(text);

  it('gives back every offset from its position, with LF, CRLF and a lone CR as breaks', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF: no position of its own
      const { line, column } = lines.position(offset);
      expect(lines.offset(line, column), `offset ${offset}`).toBe(offset);
    }
  });

  it('has no offset for a line or column the text does not have', () => {
    expect(lines.offset(0, 1)).toBeUndefined();
    expect(lines.offset(6, 1)).toBeUndefined();
    expect(lines.offset(1, 0)).toBeUndefined();
    expect(lines.offset(3, 9)).toBeUndefined();
    expect(lines.offset(5, 5)).toBe(text.length);
  });
});

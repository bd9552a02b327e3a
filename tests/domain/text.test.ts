import { describe, expect, it } from 'vitest';
import { escapeControls, isPadded, PADDED, stringFlags, UNUSUAL } from '../../src/domain/text.js';

describe('stringFlags: one walk for trimming and the record-wide rules', () => {
  it('is 0 for a record whose strings need nothing', () => {
    expect(stringFlags({ a: 'x', b: ['y', { c: 'z' }], n: 1, t: true, z: null })).toBe(0);
  });

  it('finds padding and unusual characters however deep, in arrays and objects', () => {
    expect(stringFlags({ a: { b: [{ c: 'example.com\u3000' }] } })).toBe(PADDED);
    expect(stringFlags({ a: [[['ab\u202Ecd']]] })).toBe(UNUSUAL);
    expect(stringFlags({ a: 'line\nbreak' })).toBe(UNUSUAL);
    expect(stringFlags({ a: 'para\u2028graph' })).toBe(UNUSUAL);
    expect(stringFlags([' a', 'b\u0007'])).toBe(PADDED | UNUSUAL);
    expect(stringFlags(' top-level string')).toBe(PADDED);
  });

  it('answers for the record asked about, not the one before it', () => {
    const clean = { a: 'x' };
    const padded = { a: ' x' };
    expect(stringFlags(clean)).toBe(0);
    expect(stringFlags(padded)).toBe(PADDED);
    expect(stringFlags(clean)).toBe(0);
  });

  it('reaches a string nested deeper than recursion would', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(stringFlags(deep)).toBe(0);
    let padded: unknown = ' x';
    for (let i = 0; i < 200_000; i++) padded = { a: padded };
    expect(stringFlags(padded)).toBe(PADDED);
  });
});

describe('isPadded and escapeControls', () => {
  it('take whitespace as String.prototype.trim does', () => {
    for (const s of [' a', 'a ', '\u3000a', 'a\u00A0', '\uFEFFa', '\ta']) expect(isPadded(s), JSON.stringify(s)).toBe(s.trim() !== s);
    expect(isPadded('a b')).toBe(false);
    expect(isPadded('')).toBe(false);
  });

  it('escapes control and bidirectional characters, and leaves other text as it is', () => {
    expect(escapeControls('a\u202Eb\u001B[2Jc')).toBe('a\\u202Eb\\u001B[2Jc');
    expect(escapeControls('北京示例科技有限公司')).toBe('北京示例科技有限公司');
  });
});

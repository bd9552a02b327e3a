import { describe, it, expect } from 'vitest';
import { checkEmail } from '../../src/domain/email.js';

describe('checkEmail', () => {
  it('accepts a dot-atom address', () => {
    expect(checkEmail('zhang.san@example.com')).toEqual({
      ok: true,
      address: 'zhang.san@example.com',
      local: 'zhang.san',
      domainAscii: 'example.com',
      domainUnicode: 'example.com',
      smtputf8: false,
    });
  });

  it.each([
    'user+tag@example.co.uk',
    "o'brien@example.com",
    'a!#$%&*+-/=?^_`{|}~@example.com',
    '12345678@qq.com',
    'contact@mail.example.com.cn',
    ' a@example.com ',
  ])('accepts %j', (input) => {
    expect(checkEmail(input).ok).toBe(true);
  });

  it('maps an IDN domain and keeps the local part as given', () => {
    expect(checkEmail('Info@例子.中国')).toEqual({
      ok: true,
      address: 'Info@xn--fsqu00a.xn--fiqs8s',
      local: 'Info',
      domainAscii: 'xn--fsqu00a.xn--fiqs8s',
      domainUnicode: '例子.中国',
      smtputf8: false,
    });
    expect(checkEmail('A@EXAMPLE.COM')).toMatchObject({ ok: true, address: 'A@example.com' });
  });

  it('accepts a UTF-8 local part (RFC 6531) and flags it', () => {
    expect(checkEmail('张三@例子.中国')).toMatchObject({ ok: true, local: '张三', smtputf8: true });
    expect(checkEmail('用户.名@example.com')).toMatchObject({ ok: true, smtputf8: true });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['plainaddress', 'at-sign'],
    ['@example.com', 'at-sign'],
    ['a@', 'at-sign'],
    ['a@@example.com', 'at-sign'],
    ['a@b@example.com', 'at-sign'],
    ['a..b@example.com', 'local-part'],
    ['.a@example.com', 'local-part'],
    ['a.@example.com', 'local-part'],
    ['"john doe"@example.com', 'local-part'], // quoted strings: RFC 5321 §4.1.2 SHOULD avoid
    ['"a@b"@example.com', 'local-part'],
    ['a b@example.com', 'local-part'],
    ['a,b@example.com', 'local-part'],
    ['a\u200b@example.com', 'local-part'], // zero-width space
    ['a\u202e@example.com', 'local-part'], // RLO
    ['\ud800@example.com', 'local-part'], // lone surrogate
    ['e\u0301@example.com', 'local-part'], // not NFC (RFC 6532 §3.1)
    [`${'x'.repeat(65)}@example.com`, 'local-too-long'],
    [`${'张'.repeat(22)}@example.com`, 'local-too-long'], // 66 octets in UTF-8
    ['a@[192.0.2.1]', 'domain-literal'],
  ])('rejects %j as syntax/%s', (input, reason) => {
    expect(checkEmail(input)).toEqual({ ok: false, problem: 'syntax', reason });
  });

  it('limits the whole address to 254 octets', () => {
    const local = 'x'.repeat(64);
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(52)}.com`; // 184 octets: 249 in all
    expect(checkEmail(`${local}@${domain}`)).toMatchObject({ ok: true });
    const longer = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(60)}.com`; // 192 octets: 257 in all
    expect(checkEmail(`${local}@${longer}`)).toEqual({ ok: false, problem: 'syntax', reason: 'too-long' });
    expect(checkEmail(`${'x'.repeat(10_000)}@example.com`)).toEqual({ ok: false, problem: 'syntax', reason: 'too-long' });
  });

  it.each([
    ['a@b', 'no-public-suffix'],
    ['a@localhost', 'no-public-suffix'],
    ['a@example.invalid', 'no-public-suffix'],
    ['a@192.0.2.1', 'ip-address'],
    ['a@exa_mple.com', 'syntax'],
    ['a@-example.com', 'syntax'],
    ['a@example.com.', 'syntax'],
    ['a@http://example.com', 'syntax'],
    ['a@com.cn', 'is-public-suffix'],
  ])('reports the domain of %j', (input, domainProblem) => {
    expect(checkEmail(input)).toEqual({ ok: false, problem: 'domain', domainProblem });
  });

  it('does not throw on non-string input', () => {
    expect(checkEmail(null as unknown as string).ok).toBe(false);
  });
});

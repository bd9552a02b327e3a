import { describe, it, expect } from 'vitest';
import { checkDomainName, checkWithLibrary, domainKey, domainKeyWithLibrary, isUnderSuffix } from '../../src/domain/domain-name.js';

describe('checkDomainName', () => {
  it('accepts a registrable domain', () => {
    expect(checkDomainName('example.com')).toEqual({
      ok: true,
      ascii: 'example.com',
      unicode: 'example.com',
      registrable: 'example.com',
      publicSuffix: 'com',
      isSubdomain: false,
      trailingDot: false,
    });
    expect(checkDomainName('example.com.cn')).toMatchObject({ ok: true, registrable: 'example.com.cn', publicSuffix: 'com.cn' });
    expect(checkDomainName('example.bj.cn')).toMatchObject({ ok: true, registrable: 'example.bj.cn', isSubdomain: false });
  });

  it('accepts IDNs in Unicode or A-label form, with ideographic full stops', () => {
    const expected = {
      ok: true,
      ascii: 'xn--fsqu00a.xn--fiqs8s',
      unicode: '例子.中国',
      registrable: 'xn--fsqu00a.xn--fiqs8s',
      publicSuffix: 'xn--fiqs8s',
      isSubdomain: false,
      trailingDot: false,
    };
    expect(checkDomainName('例子.中国')).toEqual(expected);
    expect(checkDomainName('XN--FSQU00A.xn--fiqs8s')).toEqual(expected);
    expect(checkDomainName('例子。中国')).toEqual(expected);
    expect(checkDomainName('例子．中国')).toEqual(expected);
    expect(checkDomainName('例子.com.cn')).toMatchObject({ ok: true, ascii: 'xn--fsqu00a.com.cn' });
  });

  it('maps with UTS #46 non-transitional processing', () => {
    // ß stays ß (IDNA2008), not ss as in IDNA2003 transitional processing.
    expect(checkDomainName('faß.de')).toMatchObject({ ok: true, ascii: 'xn--fa-hia.de', unicode: 'faß.de' });
    expect(checkDomainName('ｅｘａｍｐｌｅ.ｃｏｍ')).toMatchObject({ ok: true, ascii: 'example.com' });
  });

  it('folds upper case and trims', () => {
    expect(checkDomainName('  WWW.Example.COM ')).toMatchObject({ ok: true, ascii: 'www.example.com' });
  });

  it('flags subdomains but accepts them', () => {
    expect(checkDomainName('www.example.com')).toMatchObject({
      ok: true,
      registrable: 'example.com',
      isSubdomain: true,
    });
    expect(checkDomainName('a.b.c.example.com.cn')).toMatchObject({ ok: true, registrable: 'example.com.cn', isSubdomain: true });
    expect(checkDomainName('www.例子.中国')).toMatchObject({ ok: true, isSubdomain: true, unicode: 'www.例子.中国' });
  });

  it('uses only the ICANN section: a name under a private suffix is a subdomain of the company domain', () => {
    expect(checkDomainName('me.github.io')).toMatchObject({
      ok: true,
      registrable: 'github.io',
      isSubdomain: true,
      privateSuffix: 'github.io',
    });
    expect(checkDomainName('bucket.s3.amazonaws.com')).toMatchObject({
      ok: true,
      registrable: 'amazonaws.com',
      isSubdomain: true,
      privateSuffix: 's3.amazonaws.com',
    });
    expect(checkDomainName('example.com')).not.toHaveProperty('privateSuffix');
  });

  it('accepts one trailing root dot and says so', () => {
    expect(checkDomainName('example.com.')).toMatchObject({ ok: true, ascii: 'example.com', trailingDot: true });
    expect(checkDomainName('例子.中国。')).toMatchObject({ ok: true, ascii: 'xn--fsqu00a.xn--fiqs8s', trailingDot: true });
    expect(checkDomainName('example.com..')).toEqual({ ok: false, problem: 'syntax', reason: 'empty-label' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['.', 'empty-label'],
    ['a..com', 'empty-label'],
    ['.a.com', 'empty-label'],
    ['http://a.com/x', 'url'],
    ['https://example.com', 'url'],
    ['a.com/x', 'url'],
    ['a.com:8080', 'url'],
    ['user@a.com', 'url'],
    ['a.com?x=1', 'url'],
    ['a_b.com', 'character'],
    ['a b.com', 'character'],
    ['a!.com', 'character'],
    ['-a.com', 'hyphen'],
    ['a-.com', 'hyphen'],
    ['ab--cd.com', 'hyphen'],
    ['-例.com', 'hyphen'],
    ['例-.com', 'hyphen'],
    ['ab--例.com', 'hyphen'],
    [`${'x'.repeat(64)}.com`, 'label-too-long'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}.com`, 'too-long'],
    ['example.123', 'numeric-tld'],
    ['xn--zz.com', 'idna'],
    ['xn--.com', 'hyphen'],
    ['a\u200db.com', 'idna'], // ZWJ outside its CONTEXTJ context
    ['\u200fexample.com', 'idna'], // RLM
    ['\ud800.com', 'idna'], // lone surrogate
    ['⒈.com', 'idna'], // maps to "1." and leaves an empty label
  ])('rejects %j as syntax/%s', (input, reason) => {
    expect(checkDomainName(input)).toEqual({ ok: false, problem: 'syntax', reason });
  });

  it('accepts names at the length limits', () => {
    expect(checkDomainName(`${'x'.repeat(63)}.com`).ok).toBe(true);
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(name.length).toBe(253);
    expect(checkDomainName(name).ok).toBe(true);
  });

  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['010.1.1.1', '010.1.1.1'],
    ['0x7f.1', '0x7f.1'],
    ['１.２.３.４', '1.2.3.4'],
    ['::1', '::1'],
    ['[2001:db8::1]', '2001:db8::1'],
  ])('reports %j as an IP address', (input, address) => {
    expect(checkDomainName(input)).toEqual({ ok: false, problem: 'ip-address', address });
  });

  it.each([
    ['example.invalid', 'invalid'],
    ['localhost', 'localhost'],
    ['corp.local', 'local'],
    ['foo.bar.baz', 'baz'],
    ['x.onion', 'onion'],
    ['1.168.192.in-addr.arpa', 'arpa'],
  ])('reports %j as having no public suffix', (input, tld) => {
    expect(checkDomainName(input)).toMatchObject({ ok: false, problem: 'no-public-suffix', tld });
  });

  it.each(['com', 'com.cn', 'gov.cn', 'bj.cn', '中国', 'co.uk'])('reports %j as a public suffix', (input) => {
    expect(checkDomainName(input)).toMatchObject({ ok: false, problem: 'is-public-suffix' });
  });

  it('does not throw on huge or non-string input', () => {
    expect(checkDomainName('a.'.repeat(1_000_000))).toEqual({ ok: false, problem: 'syntax', reason: 'too-long' });
    expect(checkDomainName(undefined as unknown as string).ok).toBe(false);
  });
});

describe('domainKey', () => {
  it('meets the same name however it is written', () => {
    const key = 'xn--fsqu00a.xn--fiqs8s';
    for (const s of ['例子.中国', 'XN--FSQU00A.XN--FIQS8S', ' 例子。中国. ']) expect(domainKey(s), s).toBe(key);
    expect(domainKey('WWW.Example.com.')).toBe('www.example.com');
  });

  it('keys unmappable text as its folded self, never as a cut-down name', () => {
    expect(domainKey('a.com/x')).toBe('a.com/x');
    expect(domainKey('http://A.com')).toBe('http://a.com');
    expect(domainKey('xn--zz.com')).toBe('xn--zz.com');
    expect(domainKey('')).toBe('');
  });
});

describe('plain ASCII names skip the UTS #46 mapping and one Public Suffix List parse', () => {
  // checkDomainName maps plain letter-digit-hyphen names itself and parses most
  // names once; it must say what the library path says of every name.
  const labels = [
    'a', 'example', 'Example-Tech', 'www', 'mail', 'x1', '1x', '123', '0x1f', '0X', '0xg', '-a', 'a-', 'ab--c', 'xn--fiqs8s',
    'XN--FSQU00A', 'xn--zz', 'com', 'cn', 'COM', 'gov', 'edu', 'net', 'org', 'co', 'uk', 'jp', 'io', 'github', 'blogspot',
    'appspot', 's3', 'amazonaws', 'local', 'localhost', 'onion', 'arpa', 'invalid', 'ck', 'kawasaki', 'a'.repeat(63), 'b'.repeat(64),
    '例子', '中国', 'faß', '_dmarc', 'a b', '', '0', '255', '08',
  ];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const names: string[] = [];
  for (const a of labels) for (const b of labels) names.push(`${a}.${b}`);
  for (let i = 0; i < 6000; i++) {
    const n = 1 + (next() % 5);
    const parts = Array.from({ length: n }, () => labels[next() % labels.length]);
    names.push(parts.join('.') + (next() % 7 === 0 ? '.' : ''));
  }
  names.push('1.2.3.4', '1.2.3', 'a.0x1', 'example.com', 'www.example.com.cn', 'me.github.io', 'a.b.kawasaki.jp', 'city.kawasaki.jp');

  it('gives the library verdict for every name', () => {
    const differ = names.filter((n) => JSON.stringify(checkDomainName(n)) !== JSON.stringify(checkWithLibrary(n)));
    expect(differ).toEqual([]);
  });

  it('gives the library key for every name', () => {
    const differ = names.filter((n) => domainKey(n) !== domainKeyWithLibrary(n));
    expect(differ).toEqual([]);
  });
});

describe('isUnderSuffix', () => {
  it.each([
    ['a.gov.cn', 'gov.cn', true],
    ['gov.cn', 'gov.cn', true],
    ['x.y.gov.cn', 'gov.cn', true],
    ['notgov.cn', 'gov.cn', false],
    ['gov.cn.example.com', 'gov.cn', false],
    ['a-gov.cn', 'gov.cn', false],
    ['A.GOV.CN.', 'gov.cn', true],
    ['a。gov。cn', 'gov.cn', true],
    ['示例.政务.cn', '政务.cn', true],
    ['示例.政务.cn', 'xn--zfr164b.cn', true],
    ['shili.xn--zfr164b.cn', '政务.cn', true],
    ['示例.政务', '政务.cn', false],
    ['a.edu.cn', '', false],
    ['', 'gov.cn', false],
  ])('%j under %j: %s', (domain, suffix, expected) => {
    expect(isUnderSuffix(domain, suffix)).toBe(expected);
  });
});

describe('政务.cn and 公益.cn: suffixes of the registry, not in the Public Suffix List', () => {
  it('a name under them is registrable, not a subdomain', () => {
    for (const name of ['北京市人民政府.政务.cn', 'xn--fiqs8s.xn--zfr164b.cn', '示例.公益.cn']) {
      const r = checkDomainName(name);
      expect(r.ok && r.isSubdomain, name).toBe(false);
      expect(r.ok && r.publicSuffix, name).toMatch(/^xn--(zfr164b|55qw42g)\.cn$/);
    }
  });

  it('a name below one is a subdomain of it, and the suffix itself is no registrable name', () => {
    const r = checkDomainName('www.示例.政务.cn');
    expect(r.ok && r.isSubdomain).toBe(true);
    expect(r.ok && r.registrable).toBe(domainKey('示例.政务.cn'));
    expect(checkDomainName('政务.cn')).toMatchObject({ ok: false, problem: 'is-public-suffix' });
  });
});

import { describe, it, expect } from 'vitest';
import ipaddr from 'ipaddr.js';
import { checkIpAddress, checkWithLibrary } from '../../src/domain/ip.js';

describe('checkIpAddress', () => {
  it.each([
    ['1.2.3.4', 4, '1.2.3.4'],
    ['8.8.8.8', 4, '8.8.8.8'],
    ['114.114.114.114', 4, '114.114.114.114'],
    [' 223.5.5.5 ', 4, '223.5.5.5'],
    ['2400:3200::1', 6, '2400:3200::1'],
    ['240E:0000:0000::0001', 6, '240e::1'],
    ['2408:8000:0:0:0:0:0:1', 6, '2408:8000::1'],
  ])('accepts %j', (input, version, address) => {
    expect(checkIpAddress(input)).toEqual({ ok: true, version, address });
  });

  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['127.0.0.1', 'loopback'],
    ['169.254.1.1', 'linkLocal'],
    ['192.0.0.9', 'protocolAssignments'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.255', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['192.88.99.1', '6to4Relay'],
    ['192.31.196.1', 'as112'],
    ['192.175.48.1', 'as112'],
    ['192.52.193.1', 'amt'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
  ])('rejects IPv4 %j as %s', (input, range) => {
    expect(checkIpAddress(input)).toEqual({ ok: false, problem: 'not-public', version: 4, address: input, range });
  });

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['ff02::1', 'multicast'],
    ['100::1', 'discard'],
    ['64:ff9b::102:304', 'rfc6052'],
    ['::ffff:0:102:304', 'rfc6145'],
    ['2001::1', 'teredo'],
    ['2001:2::1', 'benchmarking'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2002:c000:204::1', '6to4'],
    ['2001:4:112::1', 'as112'],
    ['2001:10::1', 'orchid'],
    ['2001:20::1', 'orchid2'],
    ['5f00::1', 'segmentRouting'],
    ['4000::1', 'reserved'], // outside 2000::/3, unassigned
    ['::102:304', 'reserved'], // deprecated IPv4-compatible form
  ])('rejects IPv6 %j as %s', (input, range) => {
    expect(checkIpAddress(input)).toEqual({ ok: false, problem: 'not-public', version: 6, address: input, range });
  });

  it('judges IPv4-mapped IPv6 by the embedded IPv4 address', () => {
    expect(checkIpAddress('::ffff:8.8.8.8')).toEqual({ ok: true, version: 4, address: '8.8.8.8', mappedFrom: '::ffff:808:808' });
    expect(checkIpAddress('::ffff:192.168.1.1')).toEqual({
      ok: false,
      problem: 'not-public',
      version: 6,
      address: '::ffff:c0a8:101',
      range: 'private',
      embeddedIpv4: '192.168.1.1',
    });
    expect(checkIpAddress('::FFFF:c0a8:0101')).toMatchObject({ problem: 'not-public', range: 'private' });
  });

  it('does not read ::1.2.3.4 as IPv4-mapped, unlike ipaddr.js', () => {
    expect(checkIpAddress('::1.2.3.4')).toMatchObject({ ok: false, problem: 'not-public', address: '::102:304', range: 'reserved' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'format'],
    ['1.2.3.256', 'format'],
    ['1.2.3', 'non-decimal'],
    ['1.1', 'non-decimal'],
    ['1', 'non-decimal'],
    ['010.1.1.1', 'non-decimal'], // octal 010 = 8 for inet_aton
    ['1.2.3.04', 'non-decimal'],
    ['0x7f.1', 'non-decimal'],
    ['0x7f000001', 'non-decimal'],
    ['4294967295', 'non-decimal'],
    ['::ffff:010.1.1.1', 'non-decimal'],
    ['::ffff:1.2.3', 'non-decimal'],
    ['1.2.3.4/24', 'cidr'],
    ['2001:db8::/32', 'cidr'],
    ['1.2.3.4/', 'cidr'],
    ['1.2.3.4:80', 'port'],
    ['[2400:3200::1]:443', 'port'],
    ['[2400:3200::1]', 'brackets'],
    ['fe80::1%eth0', 'zone-id'],
    ['fe80::1%25eth0', 'zone-id'],
    ['1:2:3:4:5:6:7:8:9', 'format'],
    ['2400:3200::1::1', 'format'],
    ['１.２.３.４', 'format'], // full-width digits
    ['1.2.3.4\u200f', 'format'], // RLM
    ['1.2.3.4 5.6.7.8', 'format'],
    ['\ud800', 'format'],
    ['1'.repeat(1000), 'format'],
  ])('rejects %j as syntax/%s', (input, reason) => {
    expect(checkIpAddress(input)).toEqual({ ok: false, problem: 'syntax', reason });
  });

  it('never passes an address ipaddr.js puts in a special range', () => {
    // Sample both families densely around every range boundary ipaddr.js knows.
    const samples: string[] = [];
    for (let a = 0; a < 256; a++) for (const b of [0, 18, 19, 31, 51, 52, 64, 88, 127, 168, 175, 254, 255]) {
      samples.push(`${a}.${b}.0.1`, `${a}.${b}.99.1`, `${a}.${b}.100.1`, `${a}.${b}.113.1`);
    }
    for (const p of ['::', '::1', '64:ff9b::1', '100::1', '2001::1', '2001:2::1', '2001:3::1', '2001:4:112::1', '2001:10::1', '2001:20::1', '2001:30::1', '2001:db8::1', '2002::1', '2620:4f:8000::1', '3fff::1', '5f00::1', 'fc00::1', 'fe80::1', 'fec0::1', 'ff00::1', '::ffff:0:1']) {
      samples.push(p);
    }
    let accepted = 0;
    for (const s of samples) {
      const ours = checkIpAddress(s);
      const theirs = ipaddr.parse(s).range();
      if (ours.ok) {
        accepted++;
        expect(theirs, s).toBe('unicast');
      }
    }
    expect(accepted).toBeGreaterThan(1000);
  });
});

describe('the dotted-quad fast path', () => {
  it('gives ipaddr.js’s own verdict for every sampled IPv4 address, edges of every special range included', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const samples: string[] = ['0.0.0.0', '255.255.255.255', '1.1.1.1', '256.1.1.1', '1.2.3.04', '01.2.3.4', '1.2.3', '999.0.0.1'];
    // Each /8 at its first, last and a middle address, and around the bounds of the smaller special blocks.
    for (let a = 0; a < 256; a++) samples.push(`${a}.0.0.0`, `${a}.255.255.255`, `${a}.${next() % 256}.${next() % 256}.${next() % 256}`);
    for (const [a, b, c] of [[100, 63, 255], [100, 64, 0], [100, 127, 255], [100, 128, 0], [172, 15, 255], [172, 16, 0], [172, 31, 255], [172, 32, 0],
      [192, 0, 0], [192, 0, 1], [192, 0, 2], [192, 0, 3], [192, 31, 196], [192, 52, 193], [192, 88, 99], [192, 167, 255], [192, 168, 0],
      [192, 175, 48], [198, 17, 255], [198, 18, 0], [198, 19, 255], [198, 20, 0], [198, 51, 100], [203, 0, 113], [169, 254, 0]]) {
      samples.push(`${a}.${b}.${c}.0`, `${a}.${b}.${c}.255`, `${a}.${b}.${c}.${next() % 256}`);
    }
    for (let i = 0; i < 5000; i++) samples.push(`${next() % 256}.${next() % 256}.${next() % 256}.${next() % 256}`);
    for (const ip of samples) expect([ip, checkIpAddress(ip)]).toEqual([ip, checkWithLibrary(ip)]);
  });
});

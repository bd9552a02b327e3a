import { createRequire } from 'node:module';
import type IpaddrLib from 'ipaddr.js';
import type * as Tldts from 'tldts';

// The network libraries, loaded on first use through their CommonJS builds.
// Imported as ES modules they cost more to load than through require
// (tldts's ESM build is dozens of files, each resolved and linked on its own;
// ipaddr.js goes through the CJS-to-ESM translator), and a run that never
// checks a domain or an address — --help, a file that does not parse — need
// not load them at all.

const require = createRequire(import.meta.url);

let ipaddrModule: typeof IpaddrLib | undefined;
let tldtsModule: typeof Tldts | undefined;

export function ipaddr(): typeof IpaddrLib {
  return (ipaddrModule ??= require('ipaddr.js') as typeof IpaddrLib);
}

export function tldts(): typeof Tldts {
  return (tldtsModule ??= require('tldts') as typeof Tldts);
}

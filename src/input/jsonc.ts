import { createRequire } from 'node:module';
import type * as JsoncParser from 'jsonc-parser';

// jsonc-parser builds position trees and explains syntax errors: needed only
// for records that have a message or do not parse. Its CommonJS build is
// loaded on first use; through the ES module loader it was a large part of
// the start-up of a run on one small file.
let loaded: typeof JsoncParser | undefined;

export function jsonc(): typeof JsoncParser {
  return (loaded ??= createRequire(import.meta.url)('jsonc-parser') as typeof JsoncParser);
}

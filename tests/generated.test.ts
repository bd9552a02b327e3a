import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM scripts without type declarations
import { generateTypes } from '../scripts/gen-types.mjs';
// @ts-expect-error plain ESM scripts without type declarations
import { generateDocs } from '../scripts/gen-docs.mjs';
// @ts-expect-error plain ESM scripts without type declarations
import { generatePhoneMetadata } from '../scripts/gen-phone-metadata.mjs';

const root = new URL('../', import.meta.url);
const onDisk = (path: string) => readFileSync(new URL(path, root), 'utf8');

// Generated files are checked in so readers and the package have them; these
// tests fail when someone edits a schema or rule file without `npm run gen`.
describe('generated files are current (run `npm run gen` if this fails)', () => {
  it('types in src/generated match the schemas', async () => {
    const files = (await generateTypes()) as Record<string, string>;
    for (const [path, content] of Object.entries(files)) expect(onDisk(path), path).toBe(content);
  });

  it('the CN phone metadata in src/generated matches the installed libphonenumber-js', async () => {
    const files = (await generatePhoneMetadata()) as Record<string, string>;
    for (const [path, content] of Object.entries(files)) expect(onDisk(path), path).toBe(content);
  });

  it('docs/rules.md and the README rule table match rules/', async () => {
    const files = (await generateDocs()) as Record<string, string>;
    for (const [path, content] of Object.entries(files)) expect(onDisk(path), path).toBe(content);
  });
});

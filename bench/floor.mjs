#!/usr/bin/env node
// The benchmark's floor (issue 5): what linting costs at the very least on the
// same data. Read the file, JSON.parse each record, validate it with the
// compiled filing schema; no other rule, no positions, no report, one thread.
//
// ajv comes from beianlint's own createAjv (dist/schema/ajv.js, built by
// `npm run build`), as the schema rule makes it, and compiles
// schemas/filing.schema.json.
//
// JSONL is read line by line from a stream. A JSON array is read and parsed
// whole (JSON.parse of the file), which fails beyond V8's maximum string
// length (~512 MiB of text, about 230,000 records of 2.2 KB): the floor then
// prints {"error": …} and exits with status 3.
//
// Usage: node bench/floor.mjs <file.jsonl|file.json>
// Prints one JSON line: {records, valid, invalid, seconds, compileSeconds}.

import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createAjv } from '../dist/schema/ajv.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/floor.mjs <file.jsonl|file.json>\n');
  process.exit(2);
}

const t0 = process.hrtime.bigint();
const schemaPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'filing.schema.json');
const validate = createAjv({ prevalidated: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
const t1 = process.hrtime.bigint();

let records = 0;
let valid = 0;
let unparsable = 0;

function check(record) {
  records++;
  if (validate(record)) valid++;
}

if (/\.(jsonl|ndjson)$/i.test(file)) {
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      unparsable++;
      continue;
    }
    check(record);
  }
} else {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: `${e.code ?? e.name}: ${e.message}` }) + '\n');
    process.exit(3);
  }
  if (Array.isArray(data)) for (const record of data) check(record);
  else check(data);
}

const t2 = process.hrtime.bigint();
process.stdout.write(
  JSON.stringify({
    records,
    valid,
    invalid: records - valid,
    unparsable,
    seconds: Number(t2 - t0) / 1e9,
    compileSeconds: Number(t1 - t0) / 1e9,
  }) + '\n',
);

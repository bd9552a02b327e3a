#!/usr/bin/env node
import { main } from '../dist/bin/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    try {
      process.stderr.write(`beianlint: internal error: ${error?.stack ?? error}\n`);
    } catch {
      // Standard error is broken as well (a closed pipe, a full disk): the status is all that is left to tell.
    }
    process.exitCode = 2;
  },
);

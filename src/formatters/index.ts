import { checkstyle } from './checkstyle.js';
import { compact } from './compact.js';
import { csv } from './csv.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import { summary } from './summary.js';
import type { Formatter } from './types.js';

export type { ChunkedFormatter, Formatter, FormatterContext, RuleInfo } from './types.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, compact, json, sarif, junit, github, summary, html, checkstyle, gitlab, csv };

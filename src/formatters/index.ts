import { compact } from './compact.js';
import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext } from './types.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, compact, json };

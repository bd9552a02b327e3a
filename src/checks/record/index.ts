import { recordCheck, type CheckDefinition } from '../registry.js';
import { controlCharacters, controlCharactersMessageIds, controlCharactersOptionsSchema } from './control-characters.js';
import { whitespace, whitespaceMessageIds, whitespaceOptionsSchema } from './whitespace.js';

/**
 * Record-wide checks of the text of every string value (contract 1.1). They
 * read the record as parsed (`raw`); every other rule sees its trimmed view.
 */
export const RECORD_CHECKS: Record<string, CheckDefinition> = {
  whitespace: recordCheck(whitespace, whitespaceMessageIds, whitespaceOptionsSchema, { raw: true }),
  'control-characters': recordCheck(controlCharacters, controlCharactersMessageIds, controlCharactersOptionsSchema, { raw: true }),
};

// The fields many checks read, as compiled pointers (see compilePointer): each
// is read several times for every record of a batch.

import { compilePointer } from './access.js';

export const STAGE = compilePointer('/stage');
export const OWNER_KIND = compilePointer('/owner/kind');
export const OWNER_NAME = compilePointer('/owner/name');
export const OWNER_UNIT_TYPE = compilePointer('/owner/unitType');
export const WEBSITES = compilePointer('/websites');
/** Inside a website. */
export const DOMAINS = compilePointer('/domains');
/** Inside a website. */
export const SERVICE_CONTENT = compilePointer('/serviceContent');

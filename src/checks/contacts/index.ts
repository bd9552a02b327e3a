import type { CheckDefinition } from '../registry.js';

export const CONTACTS_CHECKS: Record<string, CheckDefinition> = {};

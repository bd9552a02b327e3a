import type { CheckDefinition } from '../registry.js';

export const IDENTITY_CHECKS: Record<string, CheckDefinition> = {};

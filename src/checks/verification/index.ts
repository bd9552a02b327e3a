import type { CheckDefinition } from '../registry.js';

export const VERIFICATION_CHECKS: Record<string, CheckDefinition> = {};

import type { CheckDefinition } from '../registry.js';

export const BATCH_CHECKS: Record<string, CheckDefinition> = {};

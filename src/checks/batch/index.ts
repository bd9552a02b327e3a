import { batchCheck, type CheckDefinition } from '../registry.js';
import { duplicateDomain } from './duplicate-domain.js';
import { duplicateFilingId } from './duplicate-filing-id.js';
import { identityConflict } from './identity-conflict.js';
import { sharedMobile } from './shared-mobile.js';

export const BATCH_CHECKS: Record<string, CheckDefinition> = {
  'batch-duplicate-filing-id': batchCheck(duplicateFilingId, ['default']),
  'batch-duplicate-domain': batchCheck(duplicateDomain, ['default']),
  'batch-identity-conflict': batchCheck(identityConflict, ['default']),
  'batch-shared-mobile': batchCheck(sharedMobile, ['default']),
};

import { recordCheck, type CheckDefinition } from '../registry.js';
import { citizenship, citizenshipMessageIds, citizenshipOptionsSchema } from './citizenship.js';
import { documentHolder, documentHolderMessageIds } from './document-holder.js';
import { documentNumber, documentNumberMessageIds } from './document-number.js';
import { documentValidity, documentValidityMessageIds } from './document-validity.js';
import { documentType, documentTypeMessageIds, documentTypeOptionalMessageIds, documentTypeOptionsSchema } from './document-type.js';
import {
  documentVerification,
  documentVerificationMessageIds,
  documentVerificationOptionsSchema,
} from './document-verification.js';
import { fallbackDocument, fallbackDocumentMessageIds, fallbackDocumentOptionsSchema } from './fallback-document.js';
import { firstGenerationIdCard, firstGenerationMessageIds } from './first-generation.js';
import { principalRole, principalRoleMessageIds, principalRoleOptionsSchema } from './principal-role.js';
import { regionCode, regionCodeMessageIds } from './region-code.js';
import { usccCategory, usccCategoryMessageIds, usccCategoryOptionsSchema } from './uscc-category.js';

/**
 * The owner's and the principal's identity documents (一、1; 二、(二)1.(5)).
 * Rules: owner-document-type and principal-document-type (both `document-type`),
 * citizenship, fallback-document, document-number, first-generation-id-card,
 * document-holder, principal-role, uscc-category, document-verification.
 */
export const IDENTITY_CHECKS: Record<string, CheckDefinition> = {
  // Serves two rules, owner-document-type and principal-document-type.
  'document-type': recordCheck(documentType, documentTypeMessageIds, documentTypeOptionsSchema, {
    optionalMessageIds: documentTypeOptionalMessageIds,
  }),
  citizenship: recordCheck(citizenship, citizenshipMessageIds, citizenshipOptionsSchema),
  'fallback-document': recordCheck(fallbackDocument, fallbackDocumentMessageIds, fallbackDocumentOptionsSchema),
  'document-number': recordCheck(documentNumber, documentNumberMessageIds),
  'document-validity': recordCheck(documentValidity, documentValidityMessageIds),
  'first-generation-id-card': recordCheck(firstGenerationIdCard, firstGenerationMessageIds),
  'document-holder': recordCheck(documentHolder, documentHolderMessageIds),
  'principal-role': recordCheck(principalRole, principalRoleMessageIds, principalRoleOptionsSchema),
  'uscc-category': recordCheck(usccCategory, usccCategoryMessageIds, usccCategoryOptionsSchema),
  'region-code': recordCheck(regionCode, regionCodeMessageIds),
  'document-verification': recordCheck(
    documentVerification,
    documentVerificationMessageIds,
    documentVerificationOptionsSchema,
  ),
};

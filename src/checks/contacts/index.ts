import { recordCheck, type CheckDefinition } from '../registry.js';
import { contactFormat, contactFormatMessages, contactFormatOptions } from './contact-format.js';
import {
  domainFormat,
  domainFormatMessages,
  domainFormatOptions,
  duplicateDomainInRecord,
  duplicateDomainMessages,
  ownerDomainConsistency,
  ownerDomainMessages,
  ownerDomainOptions,
} from './domains.js';
import { ipAddress, ipAddressMessages, ipAddressOptions } from './ip-address.js';
import { preApproval, preApprovalMessages, preApprovalOptions } from './pre-approval.js';
import { requiredContacts, requiredContactsMessages, requiredContactsOptions } from './required-contacts.js';
import { restrictedDomain, restrictedDomainMessages, restrictedDomainOptions } from './restricted-domain.js';

/**
 * Checks of 一、2 (contacts), 一、3 (website and domains), 一、4 (access IPs)
 * and the domain-holder check of 二、(二)1.(5). Check names equal the rule ids.
 */
export const CONTACTS_CHECKS: Record<string, CheckDefinition> = {
  'required-contacts': recordCheck(requiredContacts, requiredContactsMessages, requiredContactsOptions),
  'contact-format': recordCheck(contactFormat, contactFormatMessages, contactFormatOptions),
  'domain-format': recordCheck(domainFormat, domainFormatMessages, domainFormatOptions),
  'owner-domain-consistency': recordCheck(ownerDomainConsistency, ownerDomainMessages, ownerDomainOptions),
  'pre-approval': recordCheck(preApproval, preApprovalMessages, preApprovalOptions),
  'ip-address': recordCheck(ipAddress, ipAddressMessages, ipAddressOptions),
  'duplicate-domain': recordCheck(duplicateDomainInRecord, duplicateDomainMessages),
  'restricted-domain': recordCheck(restrictedDomain, restrictedDomainMessages, restrictedDomainOptions),
};

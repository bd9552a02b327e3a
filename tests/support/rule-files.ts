/** A valid user rule file (a schema rule on /remarks, with its examples), for tests of rule loading. */
export const USER_RULE = `id: my-rule
severity: warning
clause: 一、4
appliesFrom: draft
scope: record
title: { zh-CN: 标题, en: Title }
description: { zh-CN: 说明, en: Description }
messages:
  default: { zh-CN: '{path} 不对', en: '{path} is wrong' }
schema:
  properties:
    remarks: { maxLength: 3 }
examples:
  - { valid: false, base: individual-draft, set: { /remarks: too long }, expect: [/remarks] }
  - { valid: true, base: individual-draft }
`;

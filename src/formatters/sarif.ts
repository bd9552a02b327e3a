import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0, which GitHub code scanning and other CI dashboards import. One
 * run, the rule table with each rule's clause, and one result per message
 * with its exact region and the record it belongs to.
 */
export const sarif: Formatter = (results, { cwd, rules = [], version }) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'beianlint',
            ...(version ? { version, semanticVersion: version } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.title },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { clause: r.clause },
            })),
          },
        },
        results: results.flatMap((file) =>
          file.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(displayPath(file.filePath, cwd)), uriBaseId: '%SRCROOT%' },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
            properties: { record: m.record, filingId: m.filingId, path: m.path },
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

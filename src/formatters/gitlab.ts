import { messagesOf } from '../runner/message-store.js';
import type { LintResult } from '../engine/types.js';
import { chunked } from './chunked.js';
import { safeJson } from './escape.js';
import { FileFingerprints } from './fingerprint.js';
import { displayPath } from './paths.js';
import type { FormatterContext } from './types.js';

/** GitLab's scale is info, minor, major, critical, blocker; an error ranks above a warning, and leaves the top two to nothing. */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/**
 * GitLab Code Quality, the `codequality` report of a CI job: one array of issues, each with the
 * problem's message, its rule, a fingerprint that survives reformatting (see FileFingerprints),
 * and the file and line it is on, relative to the working directory (the project's root in CI).
 */
function* gitlabFragments(results: readonly LintResult[], { cwd }: FormatterContext): Iterable<string> {
  yield '[';
  let any = false;
  for (const file of results) {
    const path = displayPath(file.filePath, cwd);
    const fingerprints = new FileFingerprints(path);
    for (const m of messagesOf(file)) {
      const issue = {
        description: m.message,
        check_name: m.ruleId,
        fingerprint: fingerprints.of(m),
        severity: SEVERITY[m.severity],
        location: { path, lines: { begin: m.line } },
      };
      yield `${any ? ',' : ''}\n  ${safeJson(JSON.stringify(issue))}`;
      any = true;
    }
  }
  yield any ? '\n]\n' : ']\n';
}

export const gitlab = chunked(gitlabFragments);

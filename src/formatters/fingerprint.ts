import * as crypto from 'node:crypto';
import type { LintMessage } from '../engine/types.js';

/** SHA-256 in hex; crypto.hash (Node 20.12 and later) makes no Hash object per message. */
const sha256: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text) : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** Each part prefixed with its length, so no two lists of parts read as the same text. */
const joined = (...parts: string[]) => parts.map((p) => `${p.length}:${p}`).join('');

/**
 * Fingerprints of one file's problems that name what is wrong, not where it is printed: a digest
 * of the file's path, the rule, the record (its filingId, else its index) and the JSON pointer.
 * A problem keeps its fingerprint when the file is reformatted or its lines move, so GitLab's code
 * quality widget and GitHub code scanning track it as the same problem from run to run.
 *
 * Both show one problem per fingerprint, so repeats are numbered: a second record with the same
 * filingId (a batch of duplicates), and a second problem of one rule at one pointer of a record.
 * Messages come sorted by position and a record's lines are contiguous, so problems are counted
 * within the record being read only, and a spilled file's messages are never held at once.
 *
 * Feed the file's messages in their order: the numbering depends on it.
 */
export class FileFingerprints {
  /** Records with problems seen so far, by their filingId or index. */
  private readonly recordsByName = new Map<string, number>();
  /** Problems seen so far in the current record, by rule and pointer. */
  private readonly problemsInRecord = new Map<string, number>();
  private record = -1;
  private recordName = '';

  constructor(private readonly path: string) {}

  of(m: LintMessage): string {
    if (m.record !== this.record) {
      this.record = m.record;
      const name = m.filingId === null ? `record ${m.record}` : `filingId ${m.filingId}`;
      const seen = (this.recordsByName.get(name) ?? 0) + 1;
      this.recordsByName.set(name, seen);
      this.recordName = joined(name, String(seen));
      this.problemsInRecord.clear();
    }
    const problem = joined(m.ruleId, m.path);
    const repeat = (this.problemsInRecord.get(problem) ?? 0) + 1;
    this.problemsInRecord.set(problem, repeat);
    return sha256(joined(this.path, this.recordName, problem, String(repeat)));
  }
}

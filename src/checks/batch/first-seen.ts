import { createHash } from 'node:crypto';
import * as crypto from 'node:crypto';
import type { BatchReport, MessageData, RecordLocation } from '../api.js';

/**
 * Where a key was first seen, kept small: a batch of millions of records must
 * not hold the records themselves, nor their personal data.
 */
export interface Occurrence {
  displayPath: string;
  record: number;
  line: number;
  filingId?: string;
  /** What the later occurrence is compared against (a hash, never the value itself). */
  owner: string;
}

/** A short, one-way digest so keys built from identity numbers and phones are not kept in memory as such. */
export function digest(value: string): string {
  // crypto.hash (Node 20.12+) is the one-shot form, several times cheaper per call than a Hash object.
  return oneShot ? oneShot('sha256', value, 'base64').slice(0, 22) : createHash('sha256').update(value).digest('base64').slice(0, 22);
}

const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'base64') => string }).hash;

export function occurrence(at: RecordLocation, path: string, owner: string): Occurrence {
  return { displayPath: at.displayPath, record: at.record, line: at.lineOf(path), owner, ...(at.filingId ? { filingId: at.filingId } : {}) };
}

/** Placeholders naming the earlier occurrence: {earlierFile}, {earlierRecord}, {earlierLine}, {earlierFilingId}. */
export function earlierData(first: Occurrence): MessageData {
  return {
    earlierFile: first.displayPath,
    earlierRecord: first.record,
    earlierLine: first.line,
    earlierFilingId: first.filingId ?? '-',
  };
}

export function laterReport(at: RecordLocation, path: string, first: Occurrence, data: MessageData = {}): BatchReport {
  return { at, path, data: { ...earlierData(first), ...data } };
}

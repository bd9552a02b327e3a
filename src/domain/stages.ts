/**
 * The stages of a filing in the order the notice's procedure runs them
 * (二、(二)): entered, verified by the provider, submitted to the bureau, and
 * approved or returned by it. A rule that applies from a stage applies to
 * every later one; approved and returned rank alike, as both end the review.
 */
export const STAGE_ORDER: Readonly<Record<string, number>> = {
  draft: 0,
  verified: 1,
  submitted: 2,
  approved: 3,
  returned: 3,
};

/** The rank of a record's stage; an unknown or missing stage ranks as draft (the schema rule reports it). */
export function stageRank(stage: unknown): number {
  return typeof stage === 'string' && Object.prototype.hasOwnProperty.call(STAGE_ORDER, stage) ? STAGE_ORDER[stage]! : 0;
}

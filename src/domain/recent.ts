/**
 * Remembers the results of a pure computation for the last few hundred
 * distinct keys. Several rules ask the same question of one record (a
 * document number is checked by three rules, a domain by several), and the
 * records of one provider repeat the same dates, IPs and domains; a record
 * never needs more than a few dozen answers at once, so a small table that is
 * emptied when full keeps them without growing with the batch.
 *
 * Results are shared between callers and are frozen: a caller that wants to
 * change one makes its own copy.
 */
export class RecentResults<V> {
  private readonly results = new Map<string, V>();

  constructor(private readonly limit = 512) {}

  /** The result for `key`, computed by `compute` the first time it is asked for. */
  get(key: string, compute: () => V): V {
    const known = this.results.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (this.results.size >= this.limit) this.results.clear();
    this.results.set(key, typeof value === 'object' && value !== null ? Object.freeze(value) : value);
    return value;
  }
}

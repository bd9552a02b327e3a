/**
 * Remembers the results of a pure computation for the last few dozen
 * distinct keys. Several rules ask the same question of one record (a
 * document number is checked by three rules, a domain by several), and the
 * records of one provider repeat the same dates, IPs and domains.
 *
 * Two generations: when the newer table is full it becomes the older one
 * and the oldest is dropped, so a key asked for again and again stays while
 * the table never grows with the batch. The tables are kept small on
 * purpose: results that outlive a few hundred records get promoted to V8's
 * old generation, and a million records' worth of them is what made the
 * heap of a national batch grow.
 *
 * Results are shared between callers and are frozen: a caller that wants to
 * change one makes its own copy.
 */
export class RecentResults<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly limit = 64) {}

  /**
   * The result for `key`, computed by `compute(key)` the first time it is
   * asked for. Callers pass a module-level function where they can: a
   * closure made for every call costs more than the lookup it saves.
   */
  get(key: string, compute: (key: string) => V): V {
    const known = this.newer.get(key);
    if (known !== undefined) return known;
    let value = this.older.get(key);
    if (value === undefined) {
      value = compute(key);
      if (typeof value === 'object' && value !== null) Object.freeze(value);
    }
    if (this.newer.size >= this.limit) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(key, value);
    return value;
  }
}

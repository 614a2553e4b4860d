/**
 * Keyword hits grouped by the rule they concern, in flat buffers reused from one text to the next:
 * a dense keyword (`secret`, `token`) hits thousands of times per megabyte, and one small array
 * per rule per text was most of what the engine allocated.
 * @module
 */

export class HitGroups {
  /** Hit starts, rule after rule; a rule's hits in the order the prefilter reported them. */
  starts = new Int32Array(1024);
  /** Length of the keyword of each hit, at the same index. */
  lengths = new Int32Array(1024);
  /** Rules with at least one hit in the last `group`, ascending. */
  touched: number[] = [];
  /** Where each touched rule's hits begin and end in `starts`. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  private readonly counts: Int32Array;

  /** Keyword k's rules are ruleList[ruleFrom[k], ruleFrom[k + 1]): flat, read by index. */
  private readonly ruleFrom: Int32Array;
  private readonly ruleList: Int32Array;

  /** `rulesOf[keyword]`: the rules a keyword stands for; `lengthOf[keyword]`: its length. */
  constructor(
    ruleCount: number,
    rulesOf: readonly (readonly number[])[],
    private readonly lengthOf: Int32Array,
  ) {
    this.from = new Int32Array(ruleCount);
    this.to = new Int32Array(ruleCount);
    this.counts = new Int32Array(ruleCount);
    this.ruleFrom = new Int32Array(rulesOf.length + 1);
    rulesOf.forEach((rs, k) => (this.ruleFrom[k + 1] = (this.ruleFrom[k] as number) + rs.length));
    this.ruleList = Int32Array.from(rulesOf.flat());
  }

  /** Groups `hits[0, count)` ((keyword, start) pairs from KeywordAutomaton.find) by rule. */
  group(hits: Int32Array, count: number): void {
    const { counts, ruleFrom, ruleList, lengthOf } = this;
    const touched: number[] = [];
    let total = 0;
    for (let i = 0; i < count; i += 2) {
      const k = hits[i] as number;
      for (let j = ruleFrom[k] as number, e = ruleFrom[k + 1] as number; j < e; j++) {
        const ri = ruleList[j] as number;
        const c = counts[ri] as number;
        if (c === 0) touched.push(ri);
        counts[ri] = c + 1;
      }
      total += (ruleFrom[k + 1] as number) - (ruleFrom[k] as number);
    }
    // Insertion sort: a handful of rules as a rule, and Array#sort allocated a work area per call.
    for (let i = 1; i < touched.length; i++) {
      const ri = touched[i] as number;
      let j = i;
      for (; j > 0 && (touched[j - 1] as number) > ri; j--) touched[j] = touched[j - 1] as number;
      touched[j] = ri;
    }
    if (total > this.starts.length) {
      const size = Math.max(total, this.starts.length * 2);
      this.starts = new Int32Array(size);
      this.lengths = new Int32Array(size);
    }
    let at = 0;
    for (const ri of touched) {
      this.from[ri] = at;
      this.to[ri] = at;
      at += counts[ri] as number;
      counts[ri] = 0;
    }
    const { starts, lengths, to } = this;
    for (let i = 0; i < count; i += 2) {
      const k = hits[i] as number;
      const start = hits[i + 1] as number;
      const length = lengthOf[k] as number;
      for (let j = ruleFrom[k] as number, e = ruleFrom[k + 1] as number; j < e; j++) {
        const ri = ruleList[j] as number;
        const at = to[ri] as number;
        starts[at] = start;
        lengths[at] = length;
        to[ri] = at + 1;
      }
    }
    this.touched = touched;
  }
}

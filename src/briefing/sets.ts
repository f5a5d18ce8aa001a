/** Overlap between bags of words: the measures search, key points and summaries use. */

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/** Share of `of` found in `set` (0 when `of` is empty). */
export function coverage(set: ReadonlySet<string>, of: ReadonlySet<string>): number {
  return of.size === 0 ? 0 : shared(of, set) / of.size;
}

/** Shared members over all members (0 when either is empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const common = shared(a, b);
  return common / (a.size + b.size - common);
}

/** Levenshtein distance between two strings, giving up (returning max + 1) as soon as it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Letters a reader may type for one another: neighbours on the standard Arabic keyboard (ق beside ف, ي beside ب)
 * and letters of one shape told apart only by their dots (ب ت ث ن ي, ج ح خ, س ش, ص ض, ط ظ, ع غ, ف ق, د ذ, ر ز).
 */
const KEYBOARD_ROWS = ["ضصثقفغعهخحجد", "شسيبلاتنمكط", "ءؤرىةوزظ"];
const SHAPES = ["بتثني", "جحخ", "سش", "صض", "طظ", "عغ", "فق", "دذ", "رز", "وؤ", "اىي"];
const NEAR = new Set<string>();
for (const row of KEYBOARD_ROWS) for (let i = 0; i + 1 < row.length; i++) NEAR.add(row[i]! + row[i + 1]!).add(row[i + 1]! + row[i]!);
for (const shape of SHAPES) for (const a of shape) for (const b of shape) if (a !== b) NEAR.add(a + b);

/**
 * Whether two words of one length differ by one letter typed for a near one (روسبا for روسيا), the likeliest slip
 * of a finger; false for any other difference (تشتري for تشترك).
 */
export function nearSlip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && NEAR.has(a[at]! + b[at]!);
}

/**
 * Names typed in Latin letters (Xi Jinping, Tianjin, Harbin) found among the Arabic words the briefing holds.
 * Arabic spells a foreign name by sound, so a Latin spelling is read as a string of sounds, each with the Arabic
 * letters that may render it (vowels may be written as ا و ي or left out), and aligned with each vocabulary word
 * by a weighted edit distance. Only close matches count; nothing here knows a particular name.
 */

/** An Arabic rendering of one Latin sound and what choosing it costs (0 for the usual rendering). */
type Rendering = readonly [arabic: string, cost: number];
interface Sound {
  vowel: boolean;
  renderings: readonly Rendering[];
}

const r = (spec: string): Rendering[] =>
  spec.split(" ").map((part) => {
    const [arabic, cost] = part.split(":");
    return [arabic === "-" ? "" : arabic!, Number(cost ?? 0)];
  });

/** Letter groups read as one sound, longest first; "-" renders as nothing (a vowel left unwritten). */
const GROUPS: ReadonlyArray<readonly [string, Sound]> = [
  ["tch", { vowel: false, renderings: r("تش") }],
  ["kh", { vowel: false, renderings: r("خ كه:0.3") }],
  ["sh", { vowel: false, renderings: r("ش") }],
  ["ch", { vowel: false, renderings: r("تش ش:0.2 ك:0.3") }],
  ["zh", { vowel: false, renderings: r("تش ج:0.2 ش:0.2 ز:0.3") }],
  ["ts", { vowel: false, renderings: r("تس تش:0.3") }],
  ["tz", { vowel: false, renderings: r("تس") }],
  ["th", { vowel: false, renderings: r("ث ت ذ:0.3") }],
  ["ph", { vowel: false, renderings: r("ف") }],
  ["gh", { vowel: false, renderings: r("غ ج:0.3") }],
  ["dj", { vowel: false, renderings: r("ج") }],
  ["dzh", { vowel: false, renderings: r("ج") }],
  ["ck", { vowel: false, renderings: r("ك") }],
  ["qu", { vowel: false, renderings: r("كو ك") }],
  ["ng", { vowel: false, renderings: r("نغ نج:0.1 ن:0.2 نك:0.3") }],
  ["ou", { vowel: true, renderings: r("و او:0.2 -:0.2") }],
  ["eu", { vowel: true, renderings: r("و يو:0.1") }],
  ["oo", { vowel: true, renderings: r("و") }],
  ["ee", { vowel: true, renderings: r("ي") }],
  ["ai", { vowel: true, renderings: r("اي اي ي:0.2") }],
  ["ay", { vowel: true, renderings: r("اي ي:0.2") }],
  ["ei", { vowel: true, renderings: r("اي ي") }],
  ["ey", { vowel: true, renderings: r("اي ي") }],
];
const LETTERS: Readonly<Record<string, Sound>> = {
  a: { vowel: true, renderings: r("ا -:0.15 ه:0.3") },
  e: { vowel: true, renderings: r("- ي ا:0.2 ه:0.3") },
  i: { vowel: true, renderings: r("ي -:0.1") },
  o: { vowel: true, renderings: r("و -:0.15 ا:0.3") },
  u: { vowel: true, renderings: r("و -:0.15") },
  y: { vowel: false, renderings: r("ي") },
  b: { vowel: false, renderings: r("ب") },
  p: { vowel: false, renderings: r("ب") },
  f: { vowel: false, renderings: r("ف") },
  v: { vowel: false, renderings: r("ف في:0.3") },
  t: { vowel: false, renderings: r("ت ط:0.2") },
  d: { vowel: false, renderings: r("د ض:0.2") },
  k: { vowel: false, renderings: r("ك ق:0.2 خ:0.4") },
  q: { vowel: false, renderings: r("ك ق تش:0.3") },
  g: { vowel: false, renderings: r("غ ج:0.1 ك:0.3 ق:0.3") },
  j: { vowel: false, renderings: r("ج ي:0.3") },
  h: { vowel: false, renderings: r("ه ح خ:0.1 -:0.3") },
  x: { vowel: false, renderings: r("ش كس س:0.3 ز:0.3") },
  s: { vowel: false, renderings: r("س ص:0.2 ز:0.3") },
  z: { vowel: false, renderings: r("ز ذ:0.2 تس:0.3 ظ:0.3") },
  c: { vowel: false, renderings: r("ك س تس:0.2 ق:0.3") },
  l: { vowel: false, renderings: r("ل") },
  m: { vowel: false, renderings: r("م") },
  n: { vowel: false, renderings: r("ن") },
  r: { vowel: false, renderings: r("ر") },
  w: { vowel: false, renderings: r("و ف:0.3") },
};

/** The sounds of a lower-case Latin word; a doubled letter is one sound, a word-initial vowel is carried by ا. */
export function sounds(latin: string): Sound[] {
  const out: Sound[] = [];
  let i = 0;
  while (i < latin.length) {
    if (i > 0 && latin[i] === latin[i - 1] && !"aeiou".includes(latin[i]!)) {
      i++;
      continue;
    }
    const group = GROUPS.find(([g]) => latin.startsWith(g, i));
    const [length, sound] = group ? [group[0].length, group[1]] : [1, LETTERS[latin[i]!]];
    i += length;
    if (!sound) continue;
    // y after a consonant is a vowel (Pyongyang is "pyong", not "p-y-ong"); before a vowel it is a consonant.
    const isVowel = sound.vowel || (latin[i - 1] === "y" && out.length > 0 && !out[out.length - 1]!.vowel && !"aeiou".includes(latin[i] ?? ""));
    const renderings = out.length === 0 && sound.vowel ? [...sound.renderings.map(([a, c]): Rendering => [`ا${a}`, c]), ["ا", 0.1] as Rendering] : sound.renderings;
    out.push({ vowel: isVowel, renderings: isVowel && !sound.vowel ? [...renderings, ["", 0.2]] : renderings });
  }
  return out;
}

/** Letters that render the same or a near sound cost less to swap than unrelated ones. */
const NEAR = ["سصشثز", "تط", "دض", "كق", "هحخ", "زذظ", "جغ"];
const LONG_VOWELS = "اوي";
function swapCost(a: string, b: string): number {
  if (a === b) return 0;
  if (LONG_VOWELS.includes(a) && LONG_VOWELS.includes(b)) return 0.5;
  return NEAR.some((g) => g.includes(a) && g.includes(b)) ? 0.4 : 1;
}
/** A letter in the Arabic word that the Latin spelling did not ask for: a long vowel or hamza is cheap. */
const insertCost = (letter: string) => (LONG_VOWELS.includes(letter) ? 0.4 : letter === "ء" ? 0.5 : 1);

/**
 * How far an Arabic word is from a Latin spelling read as sounds: the cheapest alignment of the sounds'
 * renderings with the word's letters, divided by half the length of the longer side (sounds or letters), so 0
 * is a perfect rendering and 1 a word with every other letter wrong.
 */
export function nameDistance(latin: readonly Sound[], arabic: string): number {
  return alignmentCost(latin, arabic) / (Math.max(latin.length, arabic.length) / 2);
}

/** The alignment's cost, or Infinity as soon as it must exceed `limit` (costs only grow row by row). */
function alignmentCost(latin: readonly Sound[], arabic: string, limit = Number.POSITIVE_INFINITY): number {
  const n = arabic.length;
  let prev = new Float64Array(n + 1);
  let next = new Float64Array(n + 1);
  for (let j = 1; j <= n; j++) prev[j] = prev[j - 1]! + insertCost(arabic[j - 1]!);
  for (const sound of latin) {
    const skip = sound.vowel ? 0.1 : 1;
    next[0] = prev[0]! + (sound.vowel ? 0 : 1);
    let rowMin = next[0]!;
    for (const [text, cost] of sound.renderings) if (text === "") rowMin = next[0] = Math.min(next[0]!, prev[0]! + cost);
    for (let j = 1; j <= n; j++) {
      let best = Math.min(next[j - 1]! + insertCost(arabic[j - 1]!), prev[j]! + skip);
      // Renderings that end at j; a rendering of k letters starts at j - k.
      for (const [text, cost] of sound.renderings) {
        const start = j - text.length;
        if (start < 0) continue;
        let c = prev[start]! + cost;
        for (let k = 0; k < text.length && c < best; k++) c += swapCost(text[k]!, arabic[start + k]!);
        if (c < best) best = c;
      }
      next[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return Number.POSITIVE_INFINITY;
    [prev, next] = [next, prev];
  }
  return prev[n]!;
}

/**
 * The forms a vocabulary word may hold a name in: itself, without the article (الكرملين), and without one attached
 * particle (وبكين). A lone و ب ل is also the first letter of many words (بيان is no "يان"), so that form counts only
 * when the briefing also holds it standing alone.
 */
const ARTICLE = ["وال", "بال", "لل", "ال"];
const PARTICLES = ["و", "ب", "ل"];
function bareForms(word: string): Array<{ form: string; standsAlone: boolean }> {
  const out = [{ form: word, standsAlone: false }];
  for (const p of ARTICLE) if (word.startsWith(p) && word.length - p.length >= 3) out.push({ form: word.slice(p.length), standsAlone: false });
  for (const p of PARTICLES) if (word.startsWith(p) && word.length - p.length >= 2) out.push({ form: word.slice(p.length), standsAlone: true });
  return out;
}

/** Consonant outline used to find candidates quickly: long vowels, hamza and a final ه dropped, near letters folded. */
const FOLD: Readonly<Record<string, string>> = Object.fromEntries(NEAR.flatMap((g) => [...g].map((ch) => [ch, g[0]!])));
function outline(arabic: string): string {
  let s = "";
  for (const ch of arabic.replace(/ه$/, "")) if (!LONG_VOWELS.includes(ch) && ch !== "ء") s += FOLD[ch] ?? ch;
  return s;
}

/** Outline letters a Latin word's renderings may start with. */
function firstLetters(s: readonly Sound[], from = 0): Set<string> {
  const out = new Set<string>();
  for (let i = from; i < s.length; i++) {
    let open = false;
    for (const [text] of s[i]!.renderings) {
      const first = outline(text)[0];
      if (first) out.add(first);
      else open = true;
    }
    if (!open) break;
  }
  return out;
}

/** Fewest and most outline letters a Latin word's renderings have. */
function outlineRange(s: readonly Sound[]): [number, number] {
  let min = 0;
  let max = 0;
  for (const sound of s) {
    // A vowel's ه (a final ة) is dropped from outlines, and elsewhere it is no vowel's usual rendering.
    const lengths = sound.vowel ? [0] : sound.renderings.map(([text]) => outline(text).length);
    min += Math.min(...lengths);
    max += Math.max(...lengths);
  }
  return [min, max];
}

const RECENT_LIMIT = 10_000;

export interface NameMatch {
  arabic: string;
  distance: number;
  /** The alignment's cost before normalizing: 0.4 is one near letter swapped (س for ش). */
  cost: number;
}

/**
 * The vocabulary's words grouped by outline length and first letter, so a Latin word is aligned only with words
 * that could render it; the alignment then decides. Words are added as the briefing grows.
 */
export class NameMatcher {
  /** Forms by outline length and first letter; true when the form must also stand alone in the vocabulary. */
  private readonly buckets = new Map<string, Map<string, boolean>>();
  private readonly seen = new Set<string>();
  /** Recent answers by Latin word and distance: readers ask about the same names again and again. */
  private readonly recent = new Map<string, NameMatch[]>();

  /** Adds the words not seen before. */
  update(vocabulary: Iterable<string>): void {
    for (const word of vocabulary) {
      if (this.seen.has(word) || !/^[\u0621-\u064A]+$/.test(word)) continue;
      this.seen.add(word);
      this.recent.clear();
      for (const { form, standsAlone } of bareForms(word)) {
        const o = outline(form);
        const key = `${o.length}:${o[0] ?? ""}`;
        let bucket = this.buckets.get(key);
        if (!bucket) this.buckets.set(key, (bucket = new Map()));
        bucket.set(form, (bucket.get(form) ?? true) && standsAlone);
      }
    }
  }

  /** Vocabulary words within `maxDistance` of a Latin word, closest first. */
  match(latin: string, maxDistance: number): NameMatch[] {
    const key = `${latin.toLowerCase()} ${maxDistance}`;
    let found = this.recent.get(key);
    if (!found) {
      found = this.scan(latin.toLowerCase(), maxDistance);
      if (this.recent.size >= RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(key, found);
    }
    return found;
  }

  private scan(latin: string, maxDistance: number): NameMatch[] {
    const s = sounds(latin);
    if (s.length === 0) return [];
    const [min, max] = outlineRange(s);
    const firsts = firstLetters(s);
    const out: NameMatch[] = [];
    for (let length = Math.max(1, min - 1); length <= max + 1; length++) {
      for (const first of firsts) {
        for (const [form, standsAlone] of this.buckets.get(`${length}:${first}`) ?? []) {
          if (standsAlone && !this.seen.has(form)) continue;
          const scale = Math.max(s.length, form.length) / 2;
          const cost = alignmentCost(s, form, maxDistance * scale);
          const distance = cost / scale;
          if (distance <= maxDistance) out.push({ arabic: form, distance, cost });
        }
      }
    }
    return out.sort((a, b) => a.distance - b.distance || a.arabic.length - b.arabic.length);
  }
}

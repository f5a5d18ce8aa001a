/**
 * Other words for a question's word, searched with a lower weight than the word itself: the project's list of
 * news near-synonyms, colloquial words and the standard ones they stand for, and LibreOffice's Arabic thesaurus
 * (sources and licences in lexicon/README.md). Words are matched by their light stem, so الثناء finds ثناء's group.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { normalize, remembered, stem, tiedStem } from "./arabic.js";

export interface Synonym {
  /** A normalized word, to be analyzed as the question's words are. */
  word: string;
  /** Share of the original word's weight. */
  weight: number;
}

/**
 * How much another word of a group counts next to the word typed. A colloquial word means its standard one; the
 * project's news list is reviewed; the thesaurus is broad and noisy (its senses include rare and literary ones),
 * so it only nudges. Measured with `npm run eval` on the odd ids of the development set.
 */
export const SYNONYM_WEIGHT = { dialect: 0.9, news: 0.5, thesaurus: 0.25 } as const;
/** At most this many other words per question word and source, so a word with many senses does not flood the query. */
const MAX_PER_SOURCE = 12;

type Source = keyof typeof SYNONYM_WEIGHT;
type Groups = Map<string, string[][]>;

const lexicon = (name: string) => new URL(`./lexicon/${name}`, import.meta.url);

function readGroups(text: string, separator: RegExp): string[][] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => [...new Set(l.split(separator).map(normalize).filter(Boolean))])
    .filter((g) => g.length >= 2);
}

function grouped(groups: readonly string[][], keys: (group: string[]) => readonly string[], keyOf: (word: string) => string = stem): Groups {
  const map: Groups = new Map();
  for (const group of groups) {
    for (const key of keys(group)) {
      const s = keyOf(key);
      const list = map.get(s);
      if (list) list.push(group);
      else map.set(s, [group]);
    }
  }
  return map;
}

interface Lexicons {
  groups: Record<Source, Groups>;
  /** The standard words of the dialect list (each group's first), normalized. */
  standard: ReadonlySet<string>;
}
let loaded: Lexicons | undefined;

function lexicons(): Lexicons {
  if (!loaded) {
    const news = readGroups(readFileSync(lexicon("news-synonyms.txt"), "utf8"), /\s+/);
    // A colloquial word leads to its standard word only: the briefing is written in the standard language.
    const dialect = readGroups(readFileSync(lexicon("dialect-ar.txt"), "utf8"), /\s+/);
    const thesaurus = readGroups(gunzipSync(readFileSync(lexicon("synonyms-ar.tsv.gz"))).toString("utf8"), /\t/);
    loaded = {
      groups: {
        // Colloquial words by their exact form: by stem, بكرة ("tomorrow") would catch أبو بكر, and حاجة ("thing")
        // the standard حاجة ("need").
        dialect: grouped(dialect, (g) => g.slice(1), (w) => w),
        news: grouped(news, (g) => g),
        thesaurus: grouped(thesaurus, (g) => g),
      },
      standard: new Set(dialect.map((g) => g[0]!)),
    };
  }
  return loaded;
}

/** Whether a normalized token is a colloquial word the dialect list gives a standard word for (كتير → كثير). */
export function isColloquial(token: string): boolean {
  return colloquialForms(token).some((f) => lexicons().groups.dialect.has(f));
}

/**
 * A colloquial word as written, or behind an attached و or ف (وبدي); a plural verb also with the alef of its وا,
 * which people often leave out (حكو, شافو); a present verb in the Egyptian هـ or Levantine حـ future also as the
 * بـ present the list writes (هيتكلموا as بيتكلموا, حيقابل as بيقابل).
 */
function colloquialForms(token: string): string[] {
  const forms = token.length > 3 && /^[وف]/.test(token) ? [token, token.slice(1)] : [token];
  for (const f of [...forms]) if (f.length >= 5 && /^[هح][يتن]/.test(f)) forms.push(`ب${f.slice(1)}`);
  return /[^ا]و$/.test(token) ? forms.flatMap((f) => [f, `${f}ا`]) : forms;
}

/**
 * Other words for a normalized token, each with the share of its weight it is searched with. The lexicons do not
 * change once read, so each word's list is worked out once (questions repeat their words).
 */
export const synonymsOf: (token: string) => Synonym[] = remembered(50_000, findSynonyms);

/**
 * The near synonyms of a normalized token: from the dialect and news lists, not the broad thesaurus (which puts
 * قوة for الطاقة). What says whether a passage speaks of a word, where the thesaurus only widens a search.
 */
export function nearSynonyms(token: string): string[] {
  return synonymsOf(token).filter((s) => s.weight > SYNONYM_WEIGHT.thesaurus).map((s) => s.word);
}

function findSynonyms(token: string): Synonym[] {
  const own = stem(token);
  // A word with a pronoun on its ة (جاهزيته) is looked up as the word (جاهزية).
  const tied = tiedStem(token);
  const found = new Map<string, number>();
  // A colloquial word's standard word has the news list's synonyms too (بدو → يريد → يسعى).
  const standard: string[] = [];
  const { groups: bySource, standard: standardWords } = lexicons();
  for (const [source, groups] of Object.entries(bySource) as Array<[Source, Groups]>) {
    // A colloquial word's thesaurus senses are its standard homograph's (تاني "another" is not تأنّى "took time").
    if (source === "thesaurus" && standard.length > 0) continue;
    let taken = 0;
    const keys = [own, ...(tied ? [tied] : []), ...(source === "news" ? standard.map(stem) : [])];
    const groupsOfWord = source === "dialect" ? colloquialForms(token).flatMap((f) => groups.get(f) ?? []) : keys.flatMap((k) => groups.get(k) ?? []);
    if (source === "dialect") standard.push(...groupsOfWord.map((g) => g[0]!));
    // A standard word of the list that is also another's colloquial form (بقي "stayed"; Egyptian بقى "became") is
    // read as the standard word first: its colloquial reading counts as a news synonym.
    const weight = source === "dialect" && standardWords.has(token) ? SYNONYM_WEIGHT.news : SYNONYM_WEIGHT[source];
    for (const group of groupsOfWord) {
      const others = source === "dialect" ? group.slice(0, 1) : group;
      for (const word of others) {
        if (taken >= MAX_PER_SOURCE) break;
        if (stem(word) === own || stem(word) === tied || (found.get(word) ?? 0) >= weight) continue;
        found.set(word, weight);
        taken++;
      }
    }
  }
  return [...found].map(([word, weight]) => ({ word, weight }));
}

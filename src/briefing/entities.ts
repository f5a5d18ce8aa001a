/**
 * Names of countries, regions and currencies, in Arabic and English, from the Unicode CLDR data that Node's ICU
 * carries (`Intl.DisplayNames`): no list is written by hand, and every country of the world is known. A question
 * that names one the briefing never mentions (India at a summit, the yuan's rate) is about something the briefing
 * does not cover, however many of its other words the passages share.
 */
import { readFileSync } from "node:fs";
import { englishDictionary } from "./english.js";
import { isStopWord, normalize, remembered, stemCandidates, tokenize } from "./arabic.js";
import { synonymsOf } from "./synonyms.js";

/** One named thing: the Arabic names it may be written by, each a sequence of normalized words. */
export interface Entity {
  kind: "region" | "currency";
  /** CLDR code: a region (IN) or a currency (CNY), for naming it in the reader's language. */
  code: string;
  arabic: string[][];
  /** A region's capital, by which news names its government (واشنطن for the United States): its one-word names. */
  capitals?: string[];
}

type ByFirstWord = Map<string, Array<{ words: string[]; entity: Entity }>>;

/** Names shorter than this are too often other words (ين for the yen, the English "us"). */
const MIN_LETTERS = 3;
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function put(map: ByFirstWord, words: string[], entity: Entity): void {
  if (words.length === 0 || words.join("").length < MIN_LETTERS) return;
  const list = map.get(words[0]!);
  if (!list) map.set(words[0]!, [{ words, entity }]);
  else if (!list.some((e) => e.entity === entity && e.words.join(" ") === words.join(" "))) list.push({ words, entity });
}

const regionNames = (locale: string) =>
  (["long", "short"] as const).map((style) => new Intl.DisplayNames([locale], { type: "region", style }));

interface Known {
  regions: Entity[];
  currencies: Entity[];
  /** The English names of places.txt, for `englishEntities`. */
  otherEnglish: Map<string, string[][]>;
  /** Arabic name → entity, by the name's first word (a name is matched on whole words, as written). */
  arabic: ByFirstWord;
}

let known: Known | undefined;

interface Places {
  /** Region code → other Arabic names (word lists) and English names. */
  other: Map<string, { arabic: string[][]; english: string[][] }>;
  /** Single words that are ordinary words too: never a name alone. */
  ambiguous: Set<string>;
}

/** A list of names, split at Arabic or Latin commas. */
const list = (s: string) => s.split(/[،,]/).map((n) => n.trim()).filter(Boolean);

/** The project's list of other country names and of names that are ordinary words (lexicon/places.txt). */
function places(): Places {
  const other: Places["other"] = new Map();
  const ambiguous = new Set<string>();
  for (const raw of readFileSync(new URL("./lexicon/places.txt", import.meta.url), "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [head, english = ""] = line.split("|");
    const [code, ...rest] = head!.trim().split(/\s+/);
    const arabic = list(rest.join(" "));
    if (code === "-") for (const w of arabic) ambiguous.add(normalize(w));
    else other.set(code!, { arabic: arabic.map((n) => tokenize(n)), english: list(english).map(words) });
  }
  return { other, ambiguous };
}

function arabicEntities(): Known {
  if (known) return known;
  const arabic: ByFirstWord = new Map();
  const regions: Known["regions"] = [];
  const currencies: Known["currencies"] = [];
  const names = regionNames("ar");
  const { other, ambiguous } = places();
  // A one-word name that is an ordinary word too is not taken alone (مالي "financial"); longer names are.
  const clear = (name: string[]) => name.length > 1 || !ambiguous.has(name[0]!.replace(/^ال/, ""));
  /** A word that is an ordinary word too, as a capital's or a currency's: in places.txt's list, or one the thesaurus knows. */
  const ordinary = (w: string) => !clear([w]) || synonymsOf(w).length > 0;
  const seen = new Set<string>();
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      const ar = names.map((n) => n.of(code)).filter((n): n is string => !!n && n !== code);
      if (ar.length === 0) continue;
      // Old codes that CLDR still names (UK for GB, SU for the Soviet Union) repeat a current one: left out.
      if (ar.some((n) => seen.has(n))) continue;
      ar.forEach((n) => seen.add(n));
      const cldr = [...new Set(ar)].map((n) => tokenize(n));
      const otherNames = other.get(code)?.arabic ?? [];
      const adjectives = [...new Set(ar)].flatMap(nisbaForms).concat(otherNames.flatMap((n) => nisbaForms(n.join(" "))));
      const entity: Entity = { kind: "region", code, arabic: [...cldr, ...otherNames, ...adjectives] };
      for (const name of entity.arabic) if (clear(name)) put(arabic, name, entity);
      regions.push(entity);
    }
  }
  // A capital stands for its country (واشنطن تتهم بكين): named by it, but not one of its names, so a country the
  // briefing names only by its capital is still searched by its own names. A capital that is an ordinary word too
  // (كيف "how", القاهرة "overwhelming": a stop word, a word of places.txt's list, or one the thesaurus knows) is
  // not taken alone.
  const byCode = new Map(regions.map((r) => [r.code, r]));
  for (const raw of readFileSync(new URL("./lexicon/capitals.txt", import.meta.url), "utf8").split("\n")) {
    if (!raw.trim() || raw.startsWith("#")) continue;
    const [code = "", arabicNames = "", englishNames = ""] = raw.split("\t");
    const entity = byCode.get(code);
    if (!entity) continue;
    for (const name of list(arabicNames).map((n) => tokenize(n))) {
      if (name.length === 0 || (name.length === 1 && (isStopWord(name[0]!) || ordinary(name[0]!)))) continue;
      put(arabic, name, entity);
      if (name.length === 1) (entity.capitals ??= []).push(name[0]!);
    }
    const english = other.get(code)?.english ?? [];
    other.set(code, { arabic: other.get(code)?.arabic ?? [], english: [...english, ...list(englishNames).map(words)] });
  }
  // A currency by its noun alone: the first word of its Arabic name (يوان صيني, دولار أمريكي). Nouns that are
  // ordinary words too (ذهب for the Zimbabwe gold) are left out: the thesaurus knows them; so are currencies whose
  // English name is more than a country and a noun (Special Drawing Rights).
  const currency = new Intl.DisplayNames(["ar"], { type: "currency" });
  const englishName = new Intl.DisplayNames(["en"], { type: "currency" });
  for (const code of Intl.supportedValuesOf("currency")) {
    const noun = tokenize(currency.of(code) ?? "")[0];
    if (!noun || !ARABIC.test(noun) || words(englishName.of(code) ?? "").length > 2 || ordinary(noun)) continue;
    const entity: Entity = { kind: "currency", code, arabic: [[noun]] };
    put(arabic, [noun], entity);
    put(arabic, [`ال${noun}`], entity);
    currencies.push(entity);
  }
  const otherEnglish = new Map([...other].map(([code, names]) => [code, names.english]));
  return (known = { regions, currencies, otherEnglish, arabic });
}

/**
 * The adjective of a one-word country name, as Arabic forms it (the nisba): its final ا or ة off and ي on, with the
 * article, feminine and plural (فرنسا → الفرنسي، الفرنسية، الفرنسيون; ألمانيا → ألماني; الهند → هندي). Irregular
 * ones (النمسا → نمساوي) are not formed; one that is an ordinary word too is left out by places.txt (مالي).
 */
function nisbaForms(written: string): string[][] {
  const name = tokenize(written);
  if (name.length !== 1) return [];
  // The article is written with a bare alef (الهند); ألمانيا begins with a hamza, which normalizing takes off.
  const base = (written.startsWith("ال") ? name[0]!.slice(2) : name[0]!).replace(/[اه]$/, "");
  const nisba = base.endsWith("ي") ? base : `${base}ي`;
  if (base.length < 3 || nisba === name[0]) return [];
  return [nisba, `${nisba}ه`, `${nisba}ون`, `${nisba}ين`].flatMap((w) => [[w], [`ال${w}`]]);
}

let english: ByFirstWord | undefined;

/** Lower-case English names, built on the first English question (the dictionary is read for currencies). */
function englishEntities(): ByFirstWord {
  if (english) return english;
  const { regions, currencies, otherEnglish } = arabicEntities();
  const map: ByFirstWord = new Map();
  const names = regionNames("en");
  for (const entity of regions) {
    const { code } = entity;
    for (const n of names.map((r) => r.of(code))) if (n && n !== code) put(map, words(n), entity);
    for (const n of otherEnglish.get(code) ?? []) put(map, n, entity);
  }
  // The last word of a currency's English name (Chinese Yuan); a noun the dictionary knows with another sense
  // (won, real, pound) is not taken as one.
  const dict = englishDictionary();
  const currency = new Intl.DisplayNames(["en"], { type: "currency" });
  for (const entity of currencies) {
    const noun = entity.arabic[0]![0]!;
    const last = words(currency.of(entity.code) ?? "").pop();
    const senses = last ? dict.get(last) : undefined;
    // The noun, with the article or in the plural (دولار, الدولار, دولارات).
    const isCurrency = (sense: string) => tokenize(sense).some((w) => [w, w.replace(/^ال/u, "")].some((x) => x === noun || x === `${noun}ات`));
    if (last && (!senses || senses.every(isCurrency))) put(map, [last], entity);
  }
  return (english = map);
}

/** Lower-case Latin words, accents off (Córdoba → cordoba, Türkiye → turkiye). */
function words(name: string): string[] {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().match(/[a-z]+/g) ?? [];
}

const ARABIC = /^[\u0621-\u064A]+$/;

/** Attached letters a name may carry in Arabic: و ف ب ك ل, and ل over the article (للهند). */
function unattached(token: string): string[] {
  const out = [token];
  // A letter comes off only before the article or four letters (كبير is not ك + بير).
  const rest = (s: string) => s.startsWith("ال") || s.length >= 4;
  if ("وفبكل".includes(token[0]!) && rest(token.slice(1))) out.push(token.slice(1));
  if (token.length > 4 && token.startsWith("لل")) out.push(`ال${token.slice(2)}`);
  if (/^[وف][بكل]/.test(token) && rest(token.slice(2))) out.push(token.slice(2));
  return out;
}

/**
 * The entities a query names, Arabic by whole words (an attached preposition allowed), English by words. Worked out
 * once per text (the lexicons do not change): a question's words are looked up one by one and whole, several times.
 */
export const namedEntities: (query: string) => readonly Entity[] = remembered(20_000, (query) => entitiesNamed(query));

function entitiesNamed(query: string): Entity[] {
  const { arabic } = arabicEntities();
  const found = new Set<Entity>();
  const tokens = tokenize(query);
  tokens.forEach((token, i) => {
    for (const first of unattached(token)) {
      for (const { words: name, entity } of arabic.get(first) ?? []) {
        if (name.every((w, k) => k === 0 || tokens[i + k] === w)) found.add(entity);
      }
    }
  });
  const latin = words(query);
  const byWord = latin.length > 0 ? englishEntities() : undefined;
  latin.forEach((word, i) => {
    // A currency may be plural (rubles); a country is not (France is not "frances").
    const plural = (byWord!.get(word.replace(/s$/, "")) ?? []).filter((e) => e.entity.kind === "currency");
    let named = false;
    for (const { words: name, entity } of byWord!.get(word) ?? plural) {
      if (!name.every((w, k) => k === 0 || latin[i + k] === w)) continue;
      found.add(entity);
      named = true;
    }
    // An adjective (French, Indian) by the dictionary: a sense of one word that is a country's Arabic name or nisba.
    if (!named) for (const entity of bySense(word)) found.add(entity);
  });
  return [...found];
}

/** The regions an English word names through its dictionary senses of one word (french → فرنسي → France). */
function bySense(word: string): Entity[] {
  const { arabic } = arabicEntities();
  const out: Entity[] = [];
  for (const sense of englishDictionary().get(word) ?? []) {
    const tokens = tokenize(sense);
    if (tokens.length !== 1) continue;
    for (const { words: name, entity } of arabic.get(tokens[0]!) ?? []) if (name.length === 1 && entity.kind === "region" && !out.includes(entity)) out.push(entity);
  }
  return out;
}

/** Letters at least of a name that may be written with or without its long vowels: shorter ones collide. */
export const SKELETON_MIN_LETTERS = 5;

/**
 * A foreign name without the و and ي inside it, which Arabic news writes or leaves out as it hears the name
 * (بيشكك, بيشكيك → بشكك; قيرغيزستان, قرغيزستان): two spellings of one name have one skeleton. Not ا, whose
 * absence would join names to ordinary words (اليابان, البنى).
 */
export function nameSkeleton(word: string): string {
  return word.slice(0, 1) + word.slice(1).replace(/[وي]/gu, "");
}

/**
 * The entities a query names that the briefing never mentions: none of their Arabic names has all its words held
 * (`df` of a stem, as the index counts it), nor their capital.
 */
export function absentEntities(query: string, df: (stem: string) => number, heldSkeleton: (skeleton: string) => boolean = () => false): Entity[] {
  // Or in another spelling of its long vowels (بيشكك, بيشكيك; قيرغيزستان, قرغيزستان).
  const heldWord = (w: string) => stemCandidates(normalize(w)).some((s) => df(s) > 0) || (w.length >= SKELETON_MIN_LETTERS && heldSkeleton(nameSkeleton(normalize(w))));
  // A country the briefing names only by its capital (بروكسل) is mentioned.
  return namedEntities(query).filter((e) => !e.arabic.some((name) => name.every(heldWord)) && !(e.capitals ?? []).some(heldWord));
}

/**
 * Something a question names from one of the lexicons of things (organizations.txt: NATO, the African Union;
 * people.txt: public figures of world news; indicators.txt: population, inflation), with the words it was typed by
 * (الناتو, Macron, population).
 */
export interface NamedThing {
  /** Its Arabic names, each a sequence of normalized words. */
  arabic: string[][];
  typed: string;
}

interface NameEntry {
  words: string[];
  arabic: string[][];
  /** An English name that must be typed in capitals (UN). */
  capitals?: boolean;
}

interface NameLexicon {
  arabic: Map<string, NameEntry[]>;
  english: Map<string, NameEntry[]>;
}

/** The lexicons of things whose absence makes a question not covered, as a country's does. */
const NAME_LEXICONS = ["organizations.txt", "people.txt", "indicators.txt"] as const;

/** Latin words and numbers as typed, accents off (G7, NATO, Türkiye → Turkiye). */
const latinWords = (text: string): string[] => text.normalize("NFD").replace(/\p{M}/gu, "").match(/[A-Za-z0-9]+/g) ?? [];

let allNames: NameLexicon | undefined;

/**
 * Every lexicon's names by their first word, read once: a thing a line, its Arabic names, "|", its English names. A
 * name of several words comes before one of theirs (inflation rate before inflation).
 */
function namesByFirstWord(): NameLexicon {
  if (allNames) return allNames;
  const names: NameLexicon = { arabic: new Map(), english: new Map() };
  const add = (map: Map<string, NameEntry[]>, name: string[], arabic: string[][], capitals = false) => {
    if (name.length === 0) return;
    const entry: NameEntry = { words: name, arabic, ...(capitals ? { capitals } : {}) };
    const entries = map.get(name[0]!);
    if (entries) entries.push(entry);
    else map.set(name[0]!, [entry]);
  };
  for (const file of NAME_LEXICONS) {
    for (const raw of readFileSync(new URL(`./lexicon/${file}`, import.meta.url), "utf8").split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const [arabicNames = "", englishNames = ""] = line.split("|");
      const arabic = list(arabicNames).map((n) => tokenize(n));
      for (const name of arabic) add(names.arabic, name, arabic);
      for (const name of list(englishNames)) add(names.english, latinWords(name).map((w) => w.toLowerCase()), arabic, /^[A-Z0-9 ]+$/.test(name));
    }
  }
  for (const side of [names.arabic, names.english]) for (const entries of side.values()) entries.sort((a, b) => b.words.length - a.words.length);
  return (allNames = names);
}

/**
 * What a question names from the lexicons of names: Arabic by whole words (an attached letter allowed), English by
 * words; the longest name at each word, and no name inside one already taken ("UN" of "UN Security Council" is the
 * council, not the UN besides). Most questions name none: their words are looked up, and only a question that
 * holds a name is read again for how it typed it. Worked out once per question, as its type and words are.
 */
export const namedThings: (query: string) => readonly NamedThing[] = remembered(1_000, (query) => thingsNamed(query));

function thingsNamed(query: string): NamedThing[] {
  const { arabic, english } = namesByFirstWord();
  const found: NamedThing[] = [];
  const take = (names: string[][], typed: string) => {
    if (!found.some((f) => f.arabic === names)) found.push({ arabic: names, typed });
  };
  const plain = tokenize(query);
  if (plain.some((token) => unattached(token).some((first) => arabic.has(first)))) {
    const typedWords = query.split(/\s+/).flatMap((raw) => tokenize(raw).map((token) => ({ token, typed: raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "") })));
    const tokens = typedWords.map((w) => w.token);
    for (let i = 0; i < tokens.length; ) {
      const at = i;
      const entry = unattached(tokens[at]!)
        .flatMap((first) => arabic.get(first) ?? [])
        .find((e) => e.words.every((w, k) => k === 0 || tokens[at + k] === w));
      if (entry) take(entry.arabic, typedWords.slice(at, at + entry.words.length).map((w) => w.typed).join(" "));
      i += entry ? entry.words.length : 1;
    }
  }
  if (/[A-Za-z]/.test(query)) {
    const latin = latinWords(query);
    const lower = latin.map((w) => w.toLowerCase());
    for (let i = 0; i < lower.length; ) {
      const at = i;
      const entry = english.get(lower[at]!)?.find((e) => e.words.every((w, k) => lower[at + k] === w && (!e.capitals || latin[at + k] === w.toUpperCase())));
      if (entry) take(entry.arabic, latin.slice(at, at + entry.words.length).join(" "));
      i += entry ? entry.words.length : 1;
    }
  }
  return found;
}

/**
 * What a question names from the lexicons of things that the briefing never mentions: it writes none of its Arabic
 * names (`writes`: a name of several words as one, its words in a row, not each somewhere: سوق الأسهم is not "السوق"
 * in one passage and "وأسهم" (contributed) in another).
 */
export function absentThings(query: string, writes: (name: readonly string[]) => boolean): NamedThing[] {
  return namedThings(query).filter((o) => !o.arabic.some(writes));
}

/**
 * Turns one scraped text file into a clean article: title, date, kicker, author, sections, paragraphs and
 * sentences, with the site's boilerplate removed.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { normalize } from "./arabic.js";
import { trimDangling } from "./key-points.js";
import questionWords from "./lexicon/question-words.json" with { type: "json" };
import { withRelativeDates } from "./relative-dates.js";
import type { Article, Paragraph, Section } from "./types.js";

/** Everything after one of these lines is site furniture (related links, comment form), not the article. */
const END_MARKERS = normalizeAll(["مقالات ذات صلة", "اقرا المزيد", "اترك تعليقا", "اترك تعليق", "اترك ردا"]);
/** A link to another article inside this one: the line and the headline after it are skipped, the article goes on. */
const RELATED_MARKERS = normalizeAll(["اقرا ايضا", "اقرأ أيضاً", "اقرأ أيضًا", "اقرأ كذلك", "شاهد أيضا", "شاهد أيضاً", "read also", "read more"]);
/** A stamp of how long ago a page was published ("منذ 3 ساعات", "قبل ساعتين", "2 hours ago"): no date to read. */
const AGO_STAMP = /^(?:منذ|قبل)\s+(?:\d+\s+)?(?:دقيقه|دقيقتين|دقائق|ساعه|ساعتين|ساعات|يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع)$|^\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago$/iu;
/** Single lines that are site furniture wherever they stand. */
const BOILERPLATE = normalizeAll([
  "زر الذهاب الي الاعلي",
  "العوده الي الاعلي",
  "لن يتم نشر عنوان بريدك الالكتروني",
  "الحقول الالزاميه مشار اليها",
  "احفظ اسمي",
  "ارسال التعليق",
  "شارك هذا المقال",
  "تابعونا علي",
]);
/** Photo credits that end a caption line ("… - أ ف ب", "… (أرشيفية)", "… (صورة من موقع الوزارة)"). */
const CREDIT = "ا\\s?ف\\s?ب|ا\\.ف\\.ب|رويترز|الاناضول|ا ب|اب|د ب ا|ا ب ا|getty images|getty|afp|reuters|ap|epa|tass|تاس|سبوتنيك|شينخوا|(?:صوره )?ارشيفيه|ارشيف|من الارشيف|file photo|archive";
const CAPTION_CREDIT = new RegExp(`\\s(?:[-–—]\\s*(?:${CREDIT})\\s*\\)?|\\(\\s*(?:${CREDIT}|صوره [^()]{2,50}|photo[^()]{0,50})\\s*\\))$`, "i");
/**
 * A byline ("كتب: دميتري سوكولوف - خاباروفسك", "بقلم فاطمة علي", "By Anna Petrova"): who wrote the article, kept as its
 * author. A few words at most.
 */
const BYLINE = /^(?:كتب|كتبت|بقلم|إعداد|اعداد|by)\s*[:\-–—]?\s+(\S.*)$/iu;
const BYLINE_MAX_WORDS = 8;
/** A dateline without a date at the head of the first paragraph ("فلاديفوستوك - أنهت…", "هاربين (الصين) - فاز…"): kept in the text, left out of a derived title. */
const DATELINE_PLACE = /^[\p{L}]+(?: [\p{L}]+){0,2}(?: \([\p{L} ]{2,30}\))?\s*[-–—]\s+/u;
/** Section names that scraped breadcrumbs glue together ("آسياروسيا"). */
const KICKER_WORDS = normalizeAll(["اخبار العالم", "العالم", "اسيا", "روسيا", "الصين", "اوروبا", "سياسه", "اقتصاد", "تقارير", "تحليلات", "اخبار", "دولي", "عربي", "مقالات", "الشرق الاوسط"]).sort((a, b) => b.length - a.length);
function normalizeAll(list: string[]): string[] {
  return list.map((p) => normalize(p));
}

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s*/i;
/** Month numbers by each of their names as news writes them (Gregorian, Levantine, English), normalized. */
const MONTH_NUMBER = new Map(questionWords.monthNames.flatMap((names, i) => names.map((n) => [normalize(n), i + 1] as const)));
const MONTH_NAME = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join("|");
/** Words a stamp of publication opens with, besides a label or place before a colon or dash, normalized. */
const STAMP_WORDS = [
  ...normalizeAll(["نشر", "نُشر", "تم النشر", "تاريخ النشر", "بتاريخ", "في", "اخر تحديث", "تحديث", "محدث", "published", "updated", "posted", "on", "last"]),
  ...questionWords.weekdays.flat().map((w) => normalize(w)),
].sort((a, b) => b.length - a.length).join("|");
/**
 * A line that is only a stamp of when the page was published or updated, or a dateline (موسكو – 21 أكتوبر
 * 2025; آخر تحديث: 16 مايو 2026 - 14:35; نشر في 12/03/2025): a label or place of a few words, a weekday, the date
 * (day, month by name or number, year), a time. Read normalized.
 */
const STAMP = new RegExp(
  `^(?:[\\p{L} ]{0,30}?[:\\-–—،,]\\s*)?(?:(?:${STAMP_WORDS})\\s*[:،,]?\\s*)*(?:(\\d{1,2})\\s+(${MONTH_NAME})\\s*[،,]?\\s+(\\d{4})|(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})|(\\d{4})[/.\\-](\\d{1,2})[/.\\-](\\d{1,2}))(?:\\s*[-–—،,|]?\\s*(?:الساعه\\s*)?\\d{1,2}:\\d{2}(?:\\s*(?:ص|م|am|pm))?)?(?:\\s*(?:بتوقيت|gmt|utc)[\\p{L} +\\d]{0,20})?$`,
  "iu",
);
/** Words at most in a stamp line: more is a sentence that holds a date. */
const STAMP_MAX_WORDS = 10;

/** The ISO date a stamp line gives, or undefined when the line is no stamp. */
export function stampDate(line: string): string | undefined {
  const n = normalize(line).trim();
  if (words(n) > STAMP_MAX_WORDS) return undefined;
  const m = STAMP.exec(n);
  if (!m) return undefined;
  const [day, month, year] = m[1] ? [Number(m[1]), MONTH_NUMBER.get(m[2]!)!, Number(m[3])] : m[4] ? [Number(m[4]), Number(m[5]), Number(m[6])] : [Number(m[9]), Number(m[8]), Number(m[7])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
const TITLE_MAX_WORDS = 25;
const HEADING_MAX_WORDS = 14;
const DERIVED_TITLE_MAX = 90;

export function articleId(source: string): string {
  return createHash("sha1").update(source).digest("base64url").slice(0, 8).replace(/[-_]/g, "x");
}

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

function endsLikeSentence(line: string): boolean {
  return /[.!?؟:;…]$/.test(line.replace(/["'”»)]+$/u, ""));
}

/** A title or sub-heading as news writes them: a heading (`looksLikeHeading`) that may ask (ماذا يعني…؟). */
function looksLikeHeadline(line: string, maxWords = TITLE_MAX_WORDS): boolean {
  return looksLikeHeading(line.replace(/[?؟]$/u, ""), maxWords);
}

/** A short line without closing punctuation: a title or a sub-heading rather than prose. */
function looksLikeHeading(line: string, maxWords: number): boolean {
  return words(line) <= maxWords && !endsLikeSentence(line) && !/^[•\-*]/.test(line);
}

function matchesAny(line: string, patterns: readonly string[]): boolean {
  const n = normalize(line).replace(/[^\p{L}\p{N} ]/gu, " ").replace(/\s+/g, " ").trim();
  return patterns.some((p) => n === p || n.startsWith(`${p} `) || (p.length > 12 && n.includes(p)));
}

/** "آسياروسيا" → "آسيا · روسيا" when the line is made only of known section names; else undefined. */
function splitKicker(line: string): string | undefined {
  const n = normalize(line).replace(/\s+/g, "");
  if (n.length === 0 || n.length > 40) return undefined;
  const parts: string[] = [];
  let rest = n;
  let raw = line.replace(/\s+/g, "");
  outer: while (rest.length > 0) {
    for (const w of KICKER_WORDS) {
      const key = w.replace(/\s+/g, "");
      if (rest.startsWith(key)) {
        parts.push(raw.slice(0, key.length));
        rest = rest.slice(key.length);
        raw = raw.slice(key.length);
        continue outer;
      }
    }
    return undefined;
  }
  return parts.length === 1 || /\s/.test(line.trim()) ? line.trim() : parts.join(" · ");
}

/** Words at most in a section name over a headline ("علوم وتكنولوجيا", "اقتصادطاقة"). */
const CATEGORY_MAX_WORDS = 3;
const CATEGORY_MAX_CHARS = 30;

/**
 * A site's section name over the headline, from a list the project does not know ("علوم وتكنولوجيا", or glued
 * like "اقتصادطاقة"): a line of a few words of letters alone, above a headline of more words.
 */
function categoryLine(line: string, next: string | undefined): string | undefined {
  if (next === undefined || words(line) > CATEGORY_MAX_WORDS || line.length > CATEGORY_MAX_CHARS || !/^[\p{L}\p{M} ]+$/u.test(line)) return undefined;
  return looksLikeHeadline(next) && words(next) > words(line) + 1 ? line.trim() : undefined;
}

/** Fix what scraping glues: a sentence end stuck to the next word, odd spaces, bullet marks. */
function cleanLine(line: string): string {
  return line
    .replace(/[\u00A0\u2000-\u200A\u202F\u3000]/g, " ")
    .replace(/^[\s•·▪◦●*-]+(?=\S)/u, (m) => (/[•·▪◦●*]/u.test(m) ? "" : m.trimStart()))
    .replace(/([\p{L}\p{M}][.!؟?])(?=[\p{L}])/gu, "$1 ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Sentence split on . ! ? ؟ followed by a space or the end, keeping numbers like 2.5 whole. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let buf = "";
  for (const part of paragraph.split(/(?<=[.!?؟…])\s+/u)) {
    buf = buf ? `${buf} ${part}` : part;
    // Keep very short fragments ("أ.", "2.") attached to what follows.
    if (buf.replace(/[^\p{L}]/gu, "").length >= 12) {
      out.push(buf.trim());
      buf = "";
    }
  }
  if (buf.trim()) {
    if (out.length > 0 && buf.replace(/[^\p{L}]/gu, "").length < 12) out[out.length - 1] += ` ${buf.trim()}`;
    else out.push(buf.trim());
  }
  return out.filter(Boolean);
}

/** Cut text at a word boundary so it fits in max characters, adding an ellipsis when cut; no preposition is left dangling. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never end on the first half of a surrogate pair (an emoji): alone it is not UTF-8, and Telegram refuses it.
  const slice = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, "");
  const space = slice.lastIndexOf(" ");
  return `${trimDangling((space > max * 0.5 ? slice.slice(0, space) : slice).replace(/[\s،,:;.-]+$/u, ""))}…`;
}

/** A weekday between commas in a lead sentence ("بوتين، اليوم الثلاثاء، أن"): news furniture, not headline. */
const DAY_ASIDE = /\s*[،,]\s*(?:(?:اليوم|أمس|امس|غدا|غداً|غدًا|يوم|صباح|مساء|ظهر|ليلة|فجر)\s+)?(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)\s*[،,]\s*/gu;
/** Words that open a phrase: a headline may end just before them. */
const PHRASE_OPENER = /^(?:في|من|إلى|الى|على|عن|مع|حول|خلال|بعد|قبل|منذ|عبر|نحو|بين|لدى|ضمن|وسط|لل|بال)/u;

/**
 * A headline from an article's first sentence: the sentence when it fits; else up to the last clause boundary
 * that fits, or the first phrase boundary past most of the length ("… إلى العاصمة الصينية بكين" rather than
 * "… بكين للمشاركة في مراسم…"); an ellipsis only when no boundary serves.
 */
export function headline(sentence: string, max: number): string {
  const text = sentence.replace(DAY_ASIDE, " ").replace(/[.!?؟…]+$/u, "").trim();
  if (text.length <= max) return text;
  const clauses = [...text.matchAll(/[،,;:؛]\s/gu)].map((m) => m.index).filter((i) => i >= max * 0.5 && i <= max);
  if (clauses.length > 0) return trimDangling(text.slice(0, clauses[clauses.length - 1]));
  for (const m of text.matchAll(/\s+(\S+)/gu)) {
    if (m.index > max) break;
    if (m.index >= max * 0.6 && PHRASE_OPENER.test(m[1]!) && (m[1]!.length <= 4 || /^(?:لل|بال)/u.test(m[1]!))) {
      const cut = trimDangling(text.slice(0, m.index));
      if (cut.length >= max * 0.5) return cut;
    }
  }
  return cutAtWord(text, max);
}

export interface IngestWarning {
  source: string;
  reason: string;
}

/** Parse one file's text. Returns undefined when nothing readable remains. */
export function parseArticle(source: string, raw: string): Article | undefined {
  let date: string | undefined;
  let author: string | undefined;
  const lines: string[] = [];
  /** True just after a line that links to another article ("اقرأ أيضاً:"): its headline follows. */
  let skipHeadline = false;
  for (const rawLine of raw.replace(/^\uFEFF/, "").split(/\r?\n|\r|\u2028|\u2029/)) {
    let line = rawLine;
    const d = DATE_LINE.exec(line);
    if (d) {
      date ??= d[1];
      line = line.slice(d[0].length);
    }
    line = cleanLine(line);
    if (!line) continue;
    if (matchesAny(line, END_MARKERS)) break;
    const stamped = stampDate(line);
    if (stamped) {
      date ??= stamped;
      continue;
    }
    // Normalized once: digits of any script as ASCII, as the patterns below are written.
    const folded = normalize(line);
    if (AGO_STAMP.test(folded)) continue;
    if (matchesAny(line, RELATED_MARKERS)) {
      // The marker alone: the linked headline is the next line. With the headline after it: the line is the link.
      if (words(line) <= 3) {
        skipHeadline = true;
        continue;
      }
      if (/^[^:]{2,20}:/u.test(line) && looksLikeHeadline(line.slice(line.indexOf(":") + 1).trim())) continue;
    }
    const byline = words(line) <= BYLINE_MAX_WORDS ? BYLINE.exec(line) : null;
    if (byline && !endsLikeSentence(line)) {
      author ??= byline[1]!.trim();
      continue;
    }
    if (skipHeadline) {
      skipHeadline = false;
      if (looksLikeHeadline(line)) continue;
    }
    if (matchesAny(line, BOILERPLATE)) continue;
    if (line.length < 200 && CAPTION_CREDIT.test(folded)) continue;
    lines.push(line);
  }
  if (lines.length === 0) return undefined;

  let kicker: string | undefined;
  const kick = splitKicker(lines[0]!) ?? categoryLine(lines[0]!, lines[1]);
  if (kick !== undefined && lines.length > 1) {
    kicker = kick;
    lines.shift();
  }

  let title: string | undefined;
  if (lines.length > 1 && looksLikeHeadline(lines[0]!) && words(lines[1]!) > words(lines[0]!)) {
    title = lines.shift()!.replace(/\.{2,}$/, "");
  }

  // Trailing short lines after the last paragraph are the author's signature ("name", "role").
  const signature: string[] = [];
  while (lines.length > 1 && words(lines[lines.length - 1]!) <= 6 && !endsLikeSentence(lines[lines.length - 1]!)) {
    signature.unshift(lines.pop()!);
  }
  if (signature.length > 2) lines.push(...signature.splice(0));

  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  /** The first paragraph as written, for a derived title (without the dates added to the text). */
  let firstLine: string | undefined;
  let current: Section = { paragraphs: [] };
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (next !== undefined && looksLikeHeadline(line, HEADING_MAX_WORDS) && !looksLikeHeading(next, HEADING_MAX_WORDS)) {
      if (current.paragraphs.length > 0 || current.title !== undefined) sections.push(current);
      current = { title: line.replace(/\.{2,}$/, ""), paragraphs: [] };
      return;
    }
    const n = paragraphs.length + 1;
    // Relative dates carry the day they mean, in the text itself, so every passage, snippet and point shows it.
    const text = date ? withRelativeDates(line, date) : line;
    firstLine ??= line;
    paragraphs.push({ n, text, sentences: splitSentences(text), ...(current.title ? { section: current.title } : {}) });
    current.paragraphs.push(n);
  });
  if (current.paragraphs.length > 0) sections.push(current);
  if (paragraphs.length === 0) return undefined;

  const derived = title === undefined;
  return {
    id: articleId(source),
    source,
    // A title from the file is kept as written, even cut off; one derived here is made a clean headline.
    title: title ?? headline(splitSentences(firstLine!.replace(DATELINE_PLACE, ""))[0] ?? firstLine!, DERIVED_TITLE_MAX),
    titleDerived: derived,
    ...(date ? { date } : {}),
    ...(kicker ? { kicker } : {}),
    ...(author !== undefined || signature.length > 0 ? { author: author ?? signature.join(" — ") } : {}),
    sections,
    paragraphs,
  };
}

/** Read every `.txt` file of a folder; a file that cannot be read or has no text is skipped with a warning. */
export async function loadArticles(
  dir: string,
  warn: (w: IngestWarning) => void,
): Promise<Article[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
  const articles: Article[] = [];
  for (const name of names) {
    const source = basename(name, ".txt");
    try {
      const article = parseArticle(source, await readFile(join(dir, name), "utf8"));
      if (article) articles.push(article);
      else warn({ source, reason: "no readable text" });
    } catch (err) {
      warn({ source, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return articles;
}

/**
 * Relative dates in a dated article ("اليوم الثلاثاء", "أمس الاثنين", "غدا الأربعاء") resolved to the day they
 * mean. A span is resolved only when its weekday agrees with the article's date, so a date line that is the day
 * of publication rather than of writing leaves the text as it is.
 */
import { foldWithPositions } from "./question.js";

export interface DateSpan {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD */
  isoDate: string;
}

/** Days from the article's date, by the relative word (normalized). */
const OFFSETS: Record<string, number> = { اليوم: 0, امس: -1, البارحه: -1, غدا: 1 };
/** Weekday names (normalized) in the order of Date.getUTCDay(). */
const WEEKDAYS = ["الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"];
const MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const SPAN = new RegExp(`(?<![\\p{L}])(اليوم|امس|البارحه|غدا)\\s+(?:يوم\\s+)?(${WEEKDAYS.join("|")})(?![\\p{L}])`, "gu");

export function relativeDates(text: string, articleDate: string): DateSpan[] {
  const base = new Date(`${articleDate}T00:00:00Z`);
  if (Number.isNaN(base.getTime())) return [];
  const { folded, at } = foldWithPositions(text);
  const out: DateSpan[] = [];
  for (const m of folded.matchAll(SPAN)) {
    const day = new Date(base.getTime() + OFFSETS[m[1]!]! * 86_400_000);
    if (WEEKDAYS[day.getUTCDay()] !== m[2]) continue;
    const start = at[m.index]!;
    const end = at[m.index + m[0].length - 1]! + 1;
    out.push({ start, end, text: text.slice(start, end), isoDate: day.toISOString().slice(0, 10) });
  }
  return out;
}

/** "2 سبتمبر 2025" for 2025-09-02. */
export function arabicDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** The text with each resolved relative date followed by the date it means: "أمس الاثنين (1 سبتمبر 2025)". */
export function withRelativeDates(text: string, articleDate: string): string {
  let out = "";
  let at = 0;
  for (const span of relativeDates(text, articleDate)) {
    out += `${text.slice(at, span.end)} (${arabicDate(span.isoDate)})`;
    at = span.end;
  }
  return out + text.slice(at);
}

/**
 * Local dates and times in a subscriber's zone, from the time-zone database (so daylight-saving changes are
 * handled), and parsing of what subscribers type. Pure functions.
 */
import { normalize } from "../briefing/arabic.js";

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localTime(now: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(now).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** "08:30", "8:30", "٠٨:٣٠", "8" → minutes since midnight; undefined when it is not a time of day. */
export function parseTime(text: string): number | undefined {
  const m = /^\s*(\d{1,2})(?:\s*[:.٫]\s*(\d{2}))?\s*$/.exec(normalize(text));
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The canonical IANA name of a zone typed as "Area/City" (any case) or "UTC"; undefined when unknown. */
export function canonicalTimeZone(text: string): string | undefined {
  const name = text.trim();
  if (!/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/i.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export const COMMON_ZONES = ["Asia/Riyadh", "Africa/Cairo", "Asia/Dubai", "Asia/Baghdad", "Europe/Moscow", "Asia/Shanghai", "UTC"] as const;
export const COMMON_TIMES = ["07:00", "08:00", "09:00", "12:00", "18:00", "21:00"] as const;

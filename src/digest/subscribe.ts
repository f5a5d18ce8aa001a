/**
 * Saving a subscription, and reading the time zone a subscriber types the way people type it: an IANA name
 * ("Africa/Cairo"), a city or country in Arabic or English ("القاهرة", "cairo", "Riyadh"), or an offset ("UTC+3").
 * The first digest comes at the next occurrence of the chosen time, not at once.
 */
import { normalize } from "../briefing/arabic.js";
import { editDistance } from "../briefing/edit-distance.js";
import type { Stores, Subscription } from "../store/store.js";
import { canonicalTimeZone, localTime } from "./schedule.js";
import table from "./zone-names.json" with { type: "json" };

/** When the first digest of a subscription just saved arrives: later today, or tomorrow, at its time. */
export type FirstDigest = "today" | "tomorrow";

export async function saveSubscription(stores: Stores, subscription: Subscription, now: Date): Promise<FirstDigest> {
  await stores.subscriptions.saveSubscription(subscription);
  const local = localTime(now, subscription.timeZone);
  if (local.minutes >= subscription.minutes) {
    await stores.deliveries.skipDay(subscription.chatId, local.date, now.getTime());
    return "tomorrow";
  }
  // Moved to a later time today: a day skipped by an earlier save (its time had passed) is delivered after all,
  // unless that day's digest already went out.
  return (await stores.deliveries.unskipDay(subscription.chatId, local.date)) ? "today" : "tomorrow";
}

export type ZoneParse = { zone: string } | { zone?: undefined; suggestions: string[] };

/** Words around a place name that do not name it: "بتوقيت القاهرة", "Cairo time". */
const FRAME_WORDS = new Set(["توقيت", "بتوقيت", "وقت", "بوقت", "مدينه", "time", "timezone", "zone", "in", "city"]);
const SUGGESTIONS = 3;

/** A name as it is compared: normalized, Latin accents off, frame words and the Arabic article dropped. */
function nameKey(text: string): string {
  const words = normalize(text.normalize("NFD").replace(/\p{M}/gu, ""))
    .replace(/[_\-/.,،]+/g, " ")
    .split(/\s+/)
    .filter((w) => w && !FRAME_WORDS.has(w));
  return words.map((w) => (w.length > 4 && w.startsWith("ال") ? w.slice(2) : w)).join(" ");
}

/**
 * Every name a zone is known by, to the zones it may mean: the table's names (a name in two entries, like "عمان"
 * for Amman and Oman, means either), then each IANA zone's city where the table has no such name.
 */
const NAMES: Map<string, Set<string>> = (() => {
  const names = new Map<string, Set<string>>();
  for (const { zone, ar, en } of table.zones) {
    for (const key of [...ar, ...en].map(nameKey)) if (key) names.set(key, (names.get(key) ?? new Set()).add(zone));
  }
  for (const zone of Intl.supportedValuesOf("timeZone")) {
    const key = nameKey(zone.split("/").at(-1)!);
    if (key && !names.has(key)) names.set(key, new Set([zone]));
  }
  return names;
})();

/** "UTC+3", "GMT-05:00", "+3" → the fixed-offset zone (Etc/GMT signs are inverted by convention). */
function offsetZone(text: string): string | undefined {
  const m = /^(?:utc|gmt|غرينتش|جرينتش)?\s*([+-])\s*(\d{1,2})(?::?00)?$/i.exec(normalize(text).trim());
  if (!m) return undefined;
  const hours = Number(m[2]);
  if (hours === 0) return "UTC";
  if (hours > 14 || (m[1] === "-" && hours > 12)) return undefined;
  return `Etc/GMT${m[1] === "+" ? "-" : "+"}${hours}`;
}

/** The time zone a subscriber typed, or up to three zones they may have meant. */
export function parseZone(text: string): ZoneParse {
  const exact = canonicalTimeZone(text) ?? offsetZone(text);
  if (exact) return { zone: exact };
  const key = nameKey(text);
  const zones = NAMES.get(key);
  if (zones?.size === 1) return { zone: [...zones][0]! };
  if (zones && zones.size > 1) return { suggestions: [...zones].slice(0, SUGGESTIONS) };
  if (!key) return { suggestions: [] };
  // A typing slip: names within a few letters, closest first.
  const limit = Math.max(1, Math.floor(key.length / 4));
  const near = [...NAMES]
    .map(([name, zs]) => ({ zs, d: editDistance(key, name, limit) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d);
  const suggestions = [...new Set(near.flatMap((x) => [...x.zs]))].slice(0, SUGGESTIONS);
  return { suggestions };
}

/** The name a reader knows a zone by, in their language: "القاهرة" / "Cairo"; the IANA name when it has none. */
export function zoneName(zone: string, lang: "ar" | "en"): string {
  const entry = table.zones.find((z) => z.zone === zone);
  return entry ? entry[lang][0]! : zone;
}

/** A zone as a reader reads it: its city in the reader's language (بتوقيت القاهرة), UTC as itself in English. */
export function namedZone(zone: string, lang: "ar" | "en"): string {
  return zone === "UTC" && lang === "en" ? zone : zoneName(zone, lang);
}

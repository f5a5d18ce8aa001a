import { describe, expect, it } from "vitest";
import { canonicalTimeZone, formatTime, localTime, parseTime } from "../../src/digest/schedule.js";

describe("times and zones", () => {
  it("parses typed times, Arabic-Indic digits included", () => {
    expect(parseTime("08:30")).toBe(510);
    expect(parseTime("8:30")).toBe(510);
    expect(parseTime("٠٨:٣٠")).toBe(510);
    expect(parseTime("۲۱:۰۵")).toBe(21 * 60 + 5);
    expect(parseTime(" 7 ")).toBe(420);
    expect(parseTime("23:59")).toBe(1439);
    for (const bad of ["24:00", "12:60", "8:3", "noon", "", "08:30:00", "-1", "٢٥:٠٠"]) expect(parseTime(bad)).toBeUndefined();
    expect(formatTime(510)).toBe("08:30");
  });

  it("accepts IANA zones in any case and UTC, and nothing else", () => {
    expect(canonicalTimeZone("Africa/Cairo")).toBe("Africa/Cairo");
    expect(canonicalTimeZone("africa/cairo")).toBe("Africa/Cairo");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("America/Argentina/Buenos_Aires")).toMatch(/^America\/(Argentina\/)?Buenos_Aires$/);
    for (const bad of ["Mars/Base", "Cairo", "+03:00", "", "Asia/Riyadh; DROP TABLE", "القاهرة"]) expect(canonicalTimeZone(bad)).toBeUndefined();
  });

  it("tells the local date and time in several zones at one instant", () => {
    const at = new Date("2026-01-15T21:30:00Z");
    expect(localTime(at, "UTC")).toEqual({ date: "2026-01-15", minutes: 21 * 60 + 30 });
    expect(localTime(at, "Asia/Riyadh")).toEqual({ date: "2026-01-16", minutes: 30 });
    expect(localTime(at, "Asia/Shanghai")).toEqual({ date: "2026-01-16", minutes: 5 * 60 + 30 });
    expect(localTime(at, "America/New_York")).toEqual({ date: "2026-01-15", minutes: 16 * 60 + 30 });
  });

  it("follows daylight-saving changes from the time-zone database", () => {
    // New York springs forward on 2026-03-08 at 02:00 → 03:00.
    expect(localTime(new Date("2026-03-08T06:59:00Z"), "America/New_York").minutes).toBe(60 + 59);
    expect(localTime(new Date("2026-03-08T07:00:00Z"), "America/New_York").minutes).toBe(3 * 60);
    // Cairo's summer time (UTC+3) ends on the last Thursday of October.
    expect(localTime(new Date("2025-07-01T05:00:00Z"), "Africa/Cairo").minutes).toBe(8 * 60);
    expect(localTime(new Date("2025-12-01T05:00:00Z"), "Africa/Cairo").minutes).toBe(7 * 60);
  });
});

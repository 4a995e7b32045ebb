// Times. The API answers ISO 8601 with offsets (jobs in their own zone); the page shows each
// instant in the viewer's zone and the job's wall-clock time beside it or on hover.

import { h } from "./dom.js";

export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

const formats = new Map();
function format(zone, options) {
  const id = zone + JSON.stringify(options);
  if (!formats.has(id)) {
    formats.set(id, new Intl.DateTimeFormat(undefined, { timeZone: zone, ...options }));
  }
  return formats.get(id);
}

const DATE_TIME = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
const DATE_TIME_YEAR = { ...DATE_TIME, year: "numeric" };
const TIME = { hour: "2-digit", minute: "2-digit" };

function sameYear(date) {
  return date.getFullYear() === new Date().getFullYear();
}

/** "Mon, 23 Nov, 18:00" in `zone` (the viewer's by default). */
export function when(iso, zone = viewerZone) {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return format(zone, sameYear(date) ? DATE_TIME : DATE_TIME_YEAR).format(date);
}

export function clock(iso, zone = viewerZone) {
  return format(zone, TIME).format(new Date(iso));
}

/** The same instant on the job's wall clock: "09:00 Mon, 23 Nov America/Los_Angeles". */
export function inZone(iso, zone) {
  return `${when(iso, zone)} (${zone})`;
}

/**
 * A <time> element in the viewer's zone. With `jobZone` different from the viewer's, the
 * job's wall-clock time is on hover, or beside the viewer's time when `beside` is set.
 */
export function timeEl(iso, jobZone, { beside = false } = {}) {
  if (!iso) return h("span", { class: "muted" }, "—");
  const el = h("time", { datetime: iso }, when(iso));
  const other = jobZone && jobZone !== viewerZone;
  el.title = other ? `${inZone(iso, jobZone)}\nyour time: ${viewerZone}` : `${when(iso)} (${viewerZone})`;
  if (other && beside) {
    return h("span", { class: "when" }, el, " ", h("span", { class: "muted zone-time" }, `${clock(iso, jobZone)} ${shortZone(jobZone)}`));
  }
  return el;
}

/** "America/Los_Angeles" -> "Los Angeles": readable, and unlike "GMT-8" right all year. */
export function shortZone(zone) {
  return zone.split("/").at(-1).replaceAll("_", " ");
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function ago(iso, now = Date.now()) {
  if (!iso) return "never";
  const delta = (now - new Date(iso).getTime()) / 1000;
  const abs = Math.abs(delta);
  const text =
    abs < 60 ? `${Math.round(abs)} s` : abs < 3600 ? `${Math.round(abs / 60)} min` : abs < 86400 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86400)} d`;
  return delta >= 0 ? `${text} ago` : `in ${text}`;
}

/** YYYY-MM-DD of a local (viewer-zone) Date. */
export function isoDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(date, days) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Midnight of the Monday on or before `date`, on the viewer's calendar. */
export function startOfWeek(date) {
  const offset = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - offset);
}

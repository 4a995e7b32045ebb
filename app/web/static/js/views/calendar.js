// The calendar: the planned runs of the active jobs, by week or by month, on the viewer's
// calendar. calendar-data counts them per job per hour (week) or per day (month) in the zone
// we ask for, so days split at our midnight, every job is in the answer however often it
// runs, and a few runs a day come with their times.

import { api } from "../api.js";
import { encode, h, put } from "../dom.js";
import { replaceQuery } from "../router.js";
import { addDays, clock, inZone, isoDate, startOfWeek, viewerZone, when } from "../time.js";
import { failed, loading, plural } from "../ui.js";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_LINES = 3;
const QUIET_NAMES = 6; // jobs with no run in the range, named under the grid

function range(mode, anchor) {
  if (mode === "week") return { start: startOfWeek(anchor), days: 7 };
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  return { start: startOfWeek(first), days: 42, month: anchor.getMonth() };
}

function title(mode, anchor, start) {
  if (mode === "month") return new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" }).format(anchor);
  const end = addDays(start, 6);
  const fmt = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
  return fmt.formatRange ? fmt.formatRange(start, end) : `${fmt.format(start)} – ${fmt.format(end)}`;
}

/** A hue per job, the same on every visit: its chips are easy to follow across days. */
function hue(id) {
  let n = 0;
  for (const c of String(id)) n = (n * 31 + c.charCodeAt(0)) >>> 0;
  return n % 360;
}

/**
 * The answer's cells (per hour or per day) folded into days: Map date -> list of
 * {job, count, first, last, times, hours}. The API answered in our zone, so the first ten
 * characters of a cell's start are our date and the next two its hour.
 */
function foldDays(jobs) {
  const days = new Map();
  for (const job of jobs) {
    const perDay = new Map();
    for (const cell of job.counts) {
      const day = cell.start.slice(0, 10);
      let line = perDay.get(day);
      if (!line) {
        line = { job, count: 0, first: cell.first, last: cell.last, times: [], listed: true, hours: new Array(24).fill(0) };
        perDay.set(day, line);
      }
      line.count += cell.count;
      if (cell.first < line.first) line.first = cell.first;
      if (cell.last > line.last) line.last = cell.last;
      if (cell.times) line.times.push(...cell.times);
      else line.listed = false;
      line.hours[Number(cell.start.slice(11, 13))] += cell.count;
    }
    for (const [day, line] of perDay) {
      if (!days.has(day)) days.set(day, []);
      days.get(day).push(line);
    }
  }
  for (const lines of days.values()) lines.sort((a, b) => a.first.localeCompare(b.first) || a.job.name.localeCompare(b.job.name));
  return days;
}

/** A few runs a day are named by their times; more fold into one chip with a count. */
function folded(line) {
  return !(line.listed && line.times.length === line.count && line.count <= 4);
}

/** A run of a job: one chip per time for a few runs, one folded chip for many. */
function chips(line, mode) {
  const { job } = line;
  const zone = job.timezone;
  const tags = job.tags?.length ? `\ntags: ${job.tags.join(", ")}` : "";
  const about = job.schedule_description ? `\n${job.schedule_description}` : "";
  const style = { "--hue": hue(job.job_id) };
  if (!folded(line)) {
    return line.times.sort().map((at) =>
      h(
        "a",
        { class: "event", href: `#/jobs/${encode(job.job_id)}`, style, dataset: { jobId: job.job_id }, title: `${job.name}${zone !== viewerZone ? `\n${inZone(at, zone)}` : ""}${about}${tags}` },
        h("span", { class: "label" }, `${clock(at)} ${job.name}`),
      ),
    );
  }
  const spread = `${plural(line.count, "run")} this day, ${clock(line.first)}–${clock(line.last)}`;
  return h(
    "a",
    { class: "event frequent", href: `#/jobs/${encode(job.job_id)}`, style, dataset: { jobId: job.job_id, count: line.count }, title: `${job.name}\n${spread} (your time)${about}${tags}` },
    h("span", { class: "label" }, job.name),
    h("span", { class: "count" }, `×${line.count.toLocaleString("en")}`),
    mode === "week" ? hourStrip(line.hours) : null,
  );
}

/** 24 small cells under a frequent job's chip: which hours of the day it runs in. */
function hourStrip(hours) {
  const most = Math.max(...hours);
  return h(
    "span",
    { class: "hour-strip", "aria-hidden": "true" },
    hours.map((count) => h("span", { class: ["hour-cell", count && "some"], style: count ? { "--level": (0.35 + (0.65 * count) / most).toFixed(2) } : null })),
  );
}

export async function calendarView(main, { query, signal }) {
  let mode = query.get("view") === "month" ? "month" : "week";
  let anchor = query.get("date") ? new Date(query.get("date") + "T12:00:00") : new Date();
  if (Number.isNaN(anchor.getTime())) anchor = new Date();
  const heading = h("h2", { class: "calendar-title" });
  const grid = h("div", { class: "calendar-body" });
  const note = h("p", { class: "muted small calendar-note" });
  const quiet = h("p", { class: "muted small quiet-jobs" });
  const modeButtons = ["week", "month"].map((m) =>
    h("button", { type: "button", class: "ghost", dataset: { mode: m }, onclick: () => ((mode = m), draw()) }, m === "week" ? "Week" : "Month"),
  );
  const step = (sign) => {
    anchor = mode === "week" ? addDays(anchor, 7 * sign) : new Date(anchor.getFullYear(), anchor.getMonth() + sign, 1);
    draw();
  };

  let drawn = 0;
  async function draw() {
    const mine = ++drawn;
    replaceQuery({ view: mode === "week" ? "" : mode, date: isoDate(anchor) });
    for (const b of modeButtons) b.classList.toggle("active", b.dataset.mode === mode);
    const { start, days, month } = range(mode, anchor);
    put(heading, title(mode, anchor, start));
    put(grid, loading());
    put(quiet);
    let data;
    try {
      const group = mode === "week" ? "hour" : "day";
      data = await api("/calendar-data", { query: { start: isoDate(start), end: isoDate(addDays(start, days)), timezone: viewerZone, group }, signal });
    } catch (error) {
      if (error.name !== "AbortError" && mine === drawn) put(grid, failed(error));
      return;
    }
    if (mine !== drawn) return; // a later click asked for another range
    const byDay = foldDays(data.jobs);
    const running = data.jobs.filter((j) => j.total);
    const idle = data.jobs.filter((j) => !j.total);
    const complete = data.truncated ? data.complete_until : null;
    const cutDay = complete?.slice(0, 10);
    const cutAtMidnight = complete?.slice(11, 16) === "00:00";
    put(
      note,
      `${plural(data.count, "planned run")} of ${plural(running.length, "active job")} in your time (${viewerZone}). Paused jobs are not shown.`,
      complete ? h("strong", { class: "warning" }, ` Too much to count at once: runs are shown up to ${when(complete)} only; the days after are left blank, not empty.`) : null,
    );
    if (idle.length) {
      const names = idle.slice(0, QUIET_NAMES).map((j) => j.name);
      const more = idle.length > QUIET_NAMES ? ` and ${idle.length - QUIET_NAMES} more` : "";
      put(quiet, `${plural(idle.length, "active job")} with no run in these days: ${names.join(", ")}${more}.`);
    }
    const today = isoDate(new Date());
    const cells = [];
    for (let i = 0; i < days; i++) {
      const date = addDays(start, i);
      const key = isoDate(date);
      const dayLines = byDay.get(key) || [];
      // a month's small cells name the runs at a time of day first, then the busiest others
      const ordered = mode === "month" ? [...dayLines.filter((l) => !folded(l)), ...dayLines.filter(folded).sort((a, b) => b.count - a.count)] : dayLines;
      const shown = mode === "month" ? ordered.slice(0, MONTH_LINES) : ordered;
      const hidden = dayLines.length - shown.length;
      const uncounted = complete && (key > cutDay || (key === cutDay && cutAtMidnight));
      const partial = complete && key === cutDay && !cutAtMidnight;
      const label = mode === "week" ? `${DAY_NAMES[i]} ${date.getDate()}` : String(date.getDate());
      cells.push(
        h(
          "div",
          { class: ["day", key === today && "today", month !== undefined && date.getMonth() !== month && "outside", uncounted && "uncounted"], dataset: { date: key } },
          h("button", { type: "button", class: "day-head", title: "Show this week", onclick: () => ((anchor = date), (mode = "week"), draw()) }, label),
          shown.map((line) => chips(line, mode)),
          hidden > 0
            ? h(
                "button",
                {
                  type: "button",
                  class: "more ghost",
                  title: `Also: ${ordered
                    .slice(shown.length)
                    .map((l) => (folded(l) ? `${l.job.name} ×${l.count.toLocaleString("en")}` : `${l.times.map((t) => clock(t)).join(", ")} ${l.job.name}`))
                    .join("; ")}\nClick for this week.`,
                  onclick: () => ((anchor = date), (mode = "week"), draw()),
                },
                `+${hidden} more`,
              )
            : null,
          uncounted
            ? h("span", { class: "muted small" }, "not counted")
            : partial
              ? h("span", { class: "muted small" }, `counted to ${clock(complete)}`)
              : !dayLines.length && mode === "week"
                ? h("span", { class: "muted small" }, "nothing planned")
                : null,
        ),
      );
    }
    put(grid, mode === "month" ? DAY_NAMES.map((d) => h("div", { class: "dow" }, d)) : null, cells);
    grid.className = `calendar-body ${mode}`;
  }

  put(
    main,
    h(
      "div",
      { class: "page-head" },
      h("h1", null, "Calendar"),
      h("span", { class: "spacer" }),
      h("span", { class: "segmented" }, modeButtons),
      h("button", { type: "button", class: "ghost", "aria-label": "Previous", onclick: () => step(-1) }, "‹"),
      h("button", { type: "button", class: "ghost", onclick: () => ((anchor = new Date()), draw()) }, "Today"),
      h("button", { type: "button", class: "ghost", "aria-label": "Next", onclick: () => step(1) }, "›"),
    ),
    heading,
    note,
    grid,
    quiet,
  );
  await draw();
}

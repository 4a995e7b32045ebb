// The calendar: every planned run of the active jobs, by week or by month, on the viewer's
// calendar (calendar-data answers in the zone we ask for, so days split at our midnight).

import { api } from "../api.js";
import { encode, h, put } from "../dom.js";
import { replaceQuery } from "../router.js";
import { addDays, clock, inZone, isoDate, startOfWeek, viewerZone } from "../time.js";
import { failed, loading } from "../ui.js";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const FREQUENT = 4; // more runs of one job in a day than this fold into one line
const MONTH_LINES = 3;

function range(mode, anchor) {
  if (mode === "week") {
    const start = startOfWeek(anchor);
    return { start, days: 7 };
  }
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  return { start: startOfWeek(first), days: 42, month: anchor.getMonth() };
}

function title(mode, anchor, start) {
  if (mode === "month") return new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" }).format(anchor);
  const end = addDays(start, 6);
  const fmt = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
  return fmt.formatRange ? fmt.formatRange(start, end) : `${fmt.format(start)} – ${fmt.format(end)}`;
}

/** One day's events folded per job: frequent jobs become "name ×N". */
function lines(events) {
  const byJob = new Map();
  for (const e of events) {
    if (!byJob.has(e.job_id)) byJob.set(e.job_id, []);
    byJob.get(e.job_id).push(e);
  }
  const out = [];
  for (const list of byJob.values()) {
    if (list.length > FREQUENT) out.push({ first: list[0], count: list.length, all: list });
    else for (const e of list) out.push({ first: e, count: 1, all: [e] });
  }
  return out.sort((a, b) => a.first.at.localeCompare(b.first.at));
}

function chip(line) {
  const e = line.first;
  const count = line.count > 1 ? h("span", { class: "count" }, `×${line.count}`) : null;
  const where = e.timezone !== viewerZone ? `\n${inZone(e.local_time, e.timezone)}` : "";
  const more = line.count > 1 ? `\n${line.count} runs this day, ${clock(e.at)}–${clock(line.all.at(-1).at)}` : "";
  const title = `${e.name}${where}${more}${e.tags?.length ? "\ntags: " + e.tags.join(", ") : ""}`;
  return h("a", { class: "event", href: `#/jobs/${encode(e.job_id)}`, title, dataset: { jobId: e.job_id } }, h("span", { class: "label" }, `${clock(e.at)} ${e.name}`), count);
}

export async function calendarView(main, { query, signal }) {
  let mode = query.get("view") === "month" ? "month" : "week";
  let anchor = query.get("date") ? new Date(query.get("date") + "T12:00:00") : new Date();
  if (Number.isNaN(anchor.getTime())) anchor = new Date();
  const heading = h("h2", { class: "calendar-title" });
  const grid = h("div", { class: "calendar-body" });
  const note = h("p", { class: "muted small" });
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
    let data;
    try {
      data = await api("/calendar-data", { query: { start: isoDate(start), end: isoDate(addDays(start, days)), timezone: viewerZone }, signal });
    } catch (error) {
      if (error.name !== "AbortError") put(grid, failed(error));
      return;
    }
    if (mine !== drawn) return; // a later click asked for another range
    const byDay = new Map();
    for (const e of data.events) {
      const day = e.at.slice(0, 10); // the API answered in our zone: its date is our date
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(e);
    }
    put(
      note,
      `${data.count} planned runs of active jobs, in your time (${viewerZone}). Paused jobs are not shown.`,
      data.truncated ? h("strong", { class: "warning" }, ` The service sent its first ${data.count} runs only: the later days are incomplete. The week view shows them all.`) : null,
    );
    const today = isoDate(new Date());
    const cells = [];
    for (let i = 0; i < days; i++) {
      const date = addDays(start, i);
      const key = isoDate(date);
      const dayLines = lines(byDay.get(key) || []);
      const shown = mode === "month" ? dayLines.slice(0, MONTH_LINES) : dayLines;
      const hidden = dayLines.length - shown.length;
      cells.push(
        h(
          "div",
          { class: ["day", key === today && "today", month !== undefined && date.getMonth() !== month && "outside"], dataset: { date: key } },
          h(
            "button",
            { type: "button", class: "day-head", title: "Show this week", onclick: () => ((anchor = date), (mode = "week"), draw()) },
            mode === "week" ? `${DAY_NAMES[i]} ${date.getDate()}` : String(date.getDate()),
          ),
          shown.map(chip),
          hidden > 0 ? h("span", { class: "more muted" }, `+${hidden} more`) : null,
          !dayLines.length && mode === "week" ? h("span", { class: "muted small" }, "nothing planned") : null,
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
  );
  await draw();
}

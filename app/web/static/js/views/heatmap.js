// The 24×7 heatmap (GET /smart/heatmap) with the suggested times beside it
// (GET /smart/suggestions). Both answer in the zone we ask for: the viewer's.

import { api } from "../api.js";
import { h, put } from "../dom.js";
import { replaceQuery } from "../router.js";
import { viewerZone, when } from "../time.js";
import { failed, loading, plural, unavailable } from "../ui.js";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const SOURCES = [
  ["activity", "Your activity"],
  ["runs", "Past runs"],
  ["scheduled", "Planned runs (next 7 days)"],
];

const number = (v) => (typeof v === "number" ? v : Number(v?.count ?? v?.value ?? 0) || 0);

/**
 * The answer as {rows: 7 arrays of 24 numbers, days, hours, window}. Accepts a 7×24 grid,
 * a 24×7 grid (transposed), or a list of {day, hour, count} cells.
 */
export function normalizeHeatmap(body) {
  let grid = body.grid || body.matrix || body.data || body.values;
  const days = (body.days || body.day_labels || DAYS).map((d) => (typeof d === "string" ? d : d.label || d.name));
  if (!grid && Array.isArray(body.cells)) {
    grid = days.map(() => new Array(24).fill(0));
    for (const cell of body.cells) {
      const day = typeof cell.day === "number" ? cell.day : days.indexOf(cell.day);
      if (day >= 0 && day < 7 && cell.hour >= 0 && cell.hour < 24) grid[day][cell.hour] = number(cell);
    }
  }
  if (!Array.isArray(grid)) throw new Error("the heatmap answer has no grid");
  if (grid.length === 24 && grid[0]?.length === 7) grid = days.map((_, d) => grid.map((row) => row[d]));
  const rows = grid.map((row) => row.map(number));
  const hours = (body.hours || body.hour_labels || [...Array(24).keys()]).map((x) => (typeof x === "number" ? String(x).padStart(2, "0") : String(x)));
  const window = body.window || { start: body.start || body.window_start || body.since, end: body.end || body.window_end || body.until };
  return { rows, days, hours, window, max: Math.max(0, ...rows.flat()), source: body.source, timezone: body.timezone };
}

const LEVELS = 5;

/**
 * The colour scale: the distinct non-zero counts, in order, cut into at most `levels` bands
 * of about as many values each; a cell's shade is its band. A linear scale paints a week
 * uniformly dark once an every-minute job puts 60 in every hour; by rank, the hours where
 * other jobs add a run or two still stand out, and the legend says what each shade counts.
 * Returns {level(value) -> 0..1, bands: [{from, to, level}]}.
 */
export function rankScale(values, levels = LEVELS) {
  const distinct = [...new Set(values.filter((v) => v > 0))].sort((a, b) => a - b);
  const count = Math.min(levels, distinct.length);
  const bands = [];
  const bandOf = new Map();
  for (let i = 0; i < count; i++) {
    const part = distinct.slice(Math.floor((i * distinct.length) / count), Math.floor(((i + 1) * distinct.length) / count));
    const band = { from: part[0], to: part[part.length - 1], level: (i + 1) / count };
    bands.push(band);
    for (const v of part) bandOf.set(v, band.level);
  }
  return { level: (value) => bandOf.get(value) || 0, bands };
}

function drawGrid(map, scale) {
  const unit = map.source === "activity" || !map.source ? "action" : "run";
  const cells = [h("span", { class: "corner" })];
  for (let hour = 0; hour < 24; hour++) cells.push(h("span", { class: "hour" }, hour % 3 === 0 ? map.hours[hour] : ""));
  map.rows.forEach((row, d) => {
    cells.push(h("span", { class: "daylabel" }, map.days[d]));
    row.forEach((value, hour) => {
      const level = scale.level(value);
      cells.push(
        h("span", {
          class: ["cell", value && "some"],
          style: { "--level": level.toFixed(3) },
          title: `${map.days[d]} ${map.hours[hour]}:00–${String(hour + 1).padStart(2, "0")}:00 · ${plural(value, unit)}`,
          dataset: { day: d, hour, value },
        }),
      );
    });
  });
  return h("div", { class: "heatmap", role: "img", "aria-label": `Heatmap of ${unit}s by weekday and hour` }, cells);
}

/** {"days": 12, "events": 1} -> "12 days, 1 event"; a string stays as it is. */
export function basisText(basis) {
  if (basis === undefined || basis === null) return null;
  if (typeof basis !== "object") return String(basis);
  return Object.entries(basis)
    .map(([k, v]) => (typeof v === "number" ? plural(v, k.replace(/_/g, " ").replace(/s$/, ""), k.replace(/_/g, " ")) : `${v} ${k}`))
    .join(", ");
}

function drawSuggestions(box, body) {
  const list = body.suggestions || [];
  if (!list.length) return put(box, h("p", { class: "muted" }, "No suggestions yet."));
  const overall = basisText(body.based_on);
  put(
    box,
    body.default
      ? h("p", { class: "muted small defaults" }, "Not enough activity yet: these are sensible defaults.", overall ? ` (Seen so far: ${overall}.)` : "")
      : overall
        ? h("p", { class: "muted small" }, `From your activity: ${overall}.`)
        : null,
    list.map((s) => {
      const basis = body.default ? null : basisText(s.based_on ?? s.samples ?? s.basis);
      const cron = typeof s.schedule === "string" ? s.schedule : s.schedule?.expression;
      const zone = (typeof s.schedule === "object" && s.schedule?.timezone) || body.timezone || viewerZone;
      return h(
        "div",
        { class: "suggestion" },
        h("p", { class: "time" }, h("strong", null, s.time), " ", h("span", null, s.days || "")),
        h("p", null, s.reason || ""),
        cron ? h("p", { class: "muted small" }, h("code", null, cron), ` (${zone})`) : null,
        basis ? h("p", { class: "muted small" }, `Based on ${basis}`) : null,
        s.default && !body.default ? h("p", { class: "muted small" }, "A default: there is not enough activity for this one yet.") : null,
        cron ? h("a", { class: "button ghost", href: `#/jobs/new?schedule=${encodeURIComponent(cron)}&tz=${encodeURIComponent(zone)}` }, "Create a job at this time") : null,
      );
    }),
  );
}

export async function heatmapView(main, { query, signal }) {
  let source = SOURCES.some(([s]) => s === query.get("source")) ? query.get("source") : "activity";
  const picker = h("select", { "aria-label": "What to count" }, SOURCES.map(([value, text]) => h("option", { value }, text)));
  picker.value = source;
  const mapBox = h("div", { class: "heatmap-box" });
  const caption = h("p", { class: "muted small" });
  const suggestions = h("div", { class: "suggestions" }, loading());
  picker.addEventListener("change", () => {
    source = picker.value;
    draw();
  });

  async function draw() {
    replaceQuery({ source: source === "activity" ? "" : source });
    put(mapBox, loading());
    put(caption, "");
    try {
      const body = await api("/smart/heatmap", { query: { source, timezone: viewerZone }, signal });
      const map = normalizeHeatmap(body);
      const scale = rankScale(map.rows.flat());
      put(mapBox, drawGrid(map, scale), legend(scale));
      const span = map.window?.start && map.window?.end ? `from ${when(map.window.start)} to ${when(map.window.end)}` : "";
      put(
        caption,
        `${source === "scheduled" ? "Planned runs" : source === "runs" ? "Past runs" : "Your activity"} by weekday and hour in ${map.timezone || viewerZone} ${span}. `,
        scale.bands.length > 1 ? "Shades rank the counts (legend): a busy job everywhere does not hide the hours others add to." : "",
        body.truncated ? h("strong", { class: "warning" }, " Too many jobs to count the whole week at once: the hours after the first few days are not counted, not empty.") : null,
      );
    } catch (error) {
      if (error.name === "AbortError") return;
      put(mapBox, error.notAvailable ? unavailable("The heatmap is", "GET /api/scheduler/smart/heatmap") : failed(error));
    }
  }

  put(
    main,
    h("div", { class: "page-head" }, h("h1", null, "Heatmap"), h("span", { class: "spacer" }), picker),
    h(
      "div",
      { class: "columns wide-left" },
      h("section", { class: "card" }, mapBox, caption),
      h("section", { class: "card" }, h("h2", null, "Suggested times"), suggestions),
    ),
  );
  api("/smart/suggestions", { query: { timezone: viewerZone }, signal }).then(
    (body) => drawSuggestions(suggestions, body),
    (error) => error.name !== "AbortError" && put(suggestions, error.notAvailable ? unavailable("Suggestions are", "GET /api/scheduler/smart/suggestions") : failed(error)),
  );
  await draw();
}

/** Each shade and the counts it stands for: "0", "60", "61–62", "63–120". */
function legend(scale) {
  const key = (level, text) => h("span", { class: "key" }, h("span", { class: ["cell", level && "some"], style: { "--level": level } }), h("span", { class: "key-text" }, text));
  const range = (band) => (band.from === band.to ? band.from.toLocaleString("en") : `${band.from.toLocaleString("en")}–${band.to.toLocaleString("en")}`);
  return h("div", { class: "legend muted small", "aria-label": "Legend: counts per hour" }, key(0, "0"), scale.bands.map((band) => key(band.level, range(band))), h("span", { class: "per" }, "per hour"));
}

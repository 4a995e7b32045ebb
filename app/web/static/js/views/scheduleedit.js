// Editing a job's schedule as what it is: its type and that type's fields (a cron expression,
// an interval, a date-time, an RFC 5545 rule), its zone and its bounds (start_at, end_at),
// each shown exactly as the service stored it. Nothing is re-parsed: a field left alone is
// sent back as it came, and a schedule whose fields were all left alone is not sent at all.
//
// The plain-language box (schedulebox.js) is offered beside it as a way to REPLACE the
// schedule: it shows what the words mean, the runs before and after, and fills the fields
// only when the user says "Use this schedule".

import { api, isAbort } from "../api.js";
import { h, put } from "../dom.js";
import { scheduleBox, zoneDatalist } from "../schedulebox.js";
import { clock, shortZone, viewerZone, when } from "../time.js";
import { debounce } from "../ui.js";
import { intervalParts, UNITS } from "./jobbits.js";

const TYPES = [
  ["cron", "Cron expression"],
  ["every", "Every fixed interval"],
  ["rrule", "Recurrence rule (RFC 5545)"],
  ["at", "Once, at a date and time"],
  ["", "No schedule (runs only when triggered)"],
];

/** GET /validate's query for a schedule document, bounds included. */
export function previewQuery(schedule, count = 5) {
  const value = { cron: schedule.expression, every: schedule.interval, at: schedule.datetime, rrule: schedule.rule }[schedule.type];
  const query = { type: schedule.type, value, timezone: schedule.timezone || "UTC", count };
  if (schedule.start_at) query.start_at = schedule.start_at;
  if (schedule.end_at) query.end_at = schedule.end_at;
  return query;
}

function runList(runs, zone, className) {
  if (!runs?.length) return h("p", { class: "muted small" }, "It does not fire after now.");
  return h(
    "ol",
    { class: ["next-runs", className] },
    runs.map((at) => h("li", null, h("time", { datetime: at }, when(at)), zone && zone !== viewerZone ? h("span", { class: "muted" }, ` ${clock(at, zone)} in ${shortZone(zone)}`) : null)),
  );
}

/** The schedule's fields as a document, for comparing and sending. */
function sameSchedule(a, b) {
  const keys = ["type", "expression", "interval", "datetime", "rule", "timezone", "start_at", "end_at"];
  if (!a || !b) return !a && !b;
  return keys.every((k) => String(a[k] ?? "") === String(b[k] ?? ""));
}

/**
 * The structured editor for `schedule` (a job's stored schedule, or null for on demand).
 * Returns {element, changed(), document(), check(), focus()}:
 * document() is the schedule the fields say (null: no schedule); changed() is whether it
 * differs from the one given; check() resolves to {error} when the fields cannot be saved.
 */
export function scheduleEditor({ schedule, description, signal }) {
  const original = schedule || null;
  const interval = intervalParts(original?.interval);
  const c = {
    type: h("select", { id: "sched-type", name: "sched-type" }, TYPES.map(([v, t]) => h("option", { value: v }, t))),
    expression: h("input", { type: "text", id: "sched-expression", autocomplete: "off", spellcheck: "false", value: original?.expression || "", placeholder: "0 9 * * 1-5" }),
    count: h("input", { type: "number", id: "sched-interval", min: 1, step: 1, value: original?.type === "every" ? interval.count : "", placeholder: "30" }),
    unit: h("select", { id: "sched-unit", "aria-label": "Interval unit" }, [...UNITS].reverse().map(([size, name]) => h("option", { value: String(size) }, name))),
    datetime: h("input", { type: "text", id: "sched-datetime", autocomplete: "off", spellcheck: "false", value: original?.datetime || "", placeholder: "2027-01-15T09:00:00" }),
    rule: h("input", { type: "text", id: "sched-rule", autocomplete: "off", spellcheck: "false", value: original?.rule || "", placeholder: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=15;BYMINUTE=0" }),
    zone: h("input", { type: "text", id: "sched-zone", list: zoneDatalist(document.body), autocomplete: "off", spellcheck: "false", value: original?.timezone || viewerZone }),
    start: h("input", { type: "text", id: "sched-start", autocomplete: "off", spellcheck: "false", value: original?.start_at || "", placeholder: "2027-01-05T15:00:00", "aria-describedby": "sched-bounds-hint" }),
    end: h("input", { type: "text", id: "sched-end", autocomplete: "off", spellcheck: "false", value: original?.end_at || "", placeholder: "2027-12-31T23:59:59Z", "aria-describedby": "sched-bounds-hint" }),
  };
  c.type.value = original?.type || "";
  c.unit.value = String(original?.type === "every" ? interval.unit : 60);

  const part = (name, label, ...controls) => h("div", { class: "sched-part", dataset: { part: name } }, h("label", { for: controls[0].id }, label), h("span", { class: "pair" }, controls));
  const startLabel = h("label", { for: "sched-start" });
  const parts = {
    cron: part("cron", "Expression (minute hour day month weekday)", c.expression),
    every: part("every", "Every", c.count, c.unit),
    at: part("at", "Date and time (ISO 8601; without an offset it is read in the zone)", c.datetime),
    rrule: part("rrule", "Rule", c.rule),
    zone: part("zone", "Time zone", c.zone),
    start: h("div", { class: "sched-part", dataset: { part: "start" } }, startLabel, c.start),
    end: part("end", "Ends (end_at, empty: never)", c.end),
  };
  const startWords = {
    cron: "Not before (start_at, empty: now)",
    every: "Counts from (start_at: the first run; empty: whole intervals since 1970 UTC)",
    rrule: "Rule starts (DTSTART; empty: now)",
  };
  const boundsHint = h("p", { class: "hint muted small", id: "sched-bounds-hint" }, "Start and end are ISO 8601 date-times; one without an offset (Z, +01:00) is read in the time zone above.");
  const preview = h("div", { class: "schedule-result sched-preview", id: "sched-preview", "aria-live": "polite" });

  const show = () => {
    const type = c.type.value;
    parts.cron.hidden = type !== "cron";
    parts.every.hidden = type !== "every";
    parts.at.hidden = type !== "at";
    parts.rrule.hidden = type !== "rrule";
    parts.zone.hidden = !type;
    parts.start.hidden = parts.end.hidden = boundsHint.hidden = !type || type === "at";
    startLabel.textContent = startWords[type] || "";
  };

  function document_() {
    const type = c.type.value;
    if (!type) return null;
    const out = { type };
    if (type === "cron") out.expression = c.expression.value.trim();
    if (type === "every") {
      // unchanged fields give back the stored number exactly (2 weeks -> 1209600)
      const n = Number(c.count.value);
      out.interval = Number.isFinite(n) && c.count.value.trim() !== "" ? n * Number(c.unit.value) : c.count.value;
    }
    if (type === "at") out.datetime = c.datetime.value.trim();
    if (type === "rrule") out.rule = c.rule.value.trim();
    out.timezone = c.zone.value.trim();
    if (type !== "at") {
      if (c.start.value.trim()) out.start_at = c.start.value.trim();
      if (c.end.value.trim()) out.end_at = c.end.value.trim();
    } else if (original?.type === "at") {
      // an `at` keeps whatever bounds it was stored with (none are shown for it)
      if (original.start_at) out.start_at = original.start_at;
      if (original.end_at) out.end_at = original.end_at;
    }
    return out;
  }

  const changed = () => !sameSchedule(document_(), original);
  let latest = null; // {doc, answer} of the last preview shown
  let inflight;

  async function check() {
    const doc = document_();
    if (!doc) return { ok: true, doc, answer: null };
    if (latest && sameSchedule(latest.doc, doc)) return latest.answer.valid ? { ok: true, doc, answer: latest.answer } : { error: latest.error };
    inflight?.abort();
    inflight = new AbortController();
    signal?.addEventListener("abort", () => inflight.abort(), { once: true });
    const answer = await api("/validate", { query: previewQuery(doc), signal: inflight.signal });
    const error = answer.valid ? null : `${answer.field ? answer.field + ": " : ""}${answer.error}`;
    latest = { doc, answer, error };
    return answer.valid ? { ok: true, doc, answer } : { error };
  }

  const draw = async () => {
    show();
    const doc = document_();
    const isChanged = changed();
    if (!doc) {
      preview.className = "schedule-result sched-preview empty";
      put(preview, h("p", { class: "muted" }, original ? "No schedule: saving removes it; the job then runs only when triggered." : "No schedule: the job runs only when triggered."));
      return;
    }
    let result;
    try {
      result = await check();
    } catch (error) {
      if (isAbort(error)) return;
      result = { error: error.message };
    }
    if (!sameSchedule(doc, document_())) return; // typed on since: the next draw shows it
    if (result.error) {
      preview.className = "schedule-result sched-preview error";
      put(preview, h("p", { class: "understood" }, h("span", { class: "icon", "aria-hidden": "true" }, "✗"), " ", h("strong", { class: "reason" }, result.error)));
      return;
    }
    const zone = result.answer.timezone || doc.timezone;
    preview.className = "schedule-result sched-preview ok";
    put(
      preview,
      h(
        "p",
        { class: "understood" },
        h("span", { class: "icon", "aria-hidden": "true" }, "✓"),
        " ",
        h("strong", { class: "human" }, result.answer.human_readable || ""),
        " ",
        h("span", { class: ["sched-state", isChanged ? "changed" : "unchanged"] }, isChanged ? "changed: saved when you save" : "the current schedule, unchanged"),
      ),
      isChanged && original ? h("p", { class: "muted small was" }, "Was: ", description || JSON.stringify(original)) : null,
      h("p", { class: "muted small" }, `Next ${result.answer.next_runs.length} runs in your time (${viewerZone}):`),
      runList(result.answer.next_runs, zone, "sched-runs"),
    );
  };
  const later = debounce(draw, 300);
  for (const el of Object.values(c)) {
    el.addEventListener("input", later);
    el.addEventListener("change", later);
  }

  /** Fill the fields with another schedule document (from the replace box). */
  function set(doc) {
    c.type.value = doc?.type || "";
    if (doc?.type === "cron") c.expression.value = doc.expression;
    if (doc?.type === "every") {
      const p = intervalParts(doc.interval);
      c.count.value = p.count;
      c.unit.value = String(p.unit);
    }
    if (doc?.type === "at") c.datetime.value = doc.datetime;
    if (doc?.type === "rrule") c.rule.value = doc.rule;
    if (doc) c.zone.value = doc.timezone || "UTC";
    c.start.value = doc?.start_at || "";
    c.end.value = doc?.end_at || "";
    draw();
  }

  const fields = h(
    "div",
    { class: "sched-fields" },
    h("div", { class: "sched-part", dataset: { part: "type" } }, h("label", { for: "sched-type" }, "Schedule type"), c.type),
    parts.cron,
    parts.every,
    parts.at,
    parts.rrule,
    parts.zone,
    parts.start,
    parts.end,
  );
  fields.append(boundsHint);
  show();
  draw();
  return { element: h("div", { class: "sched-editor" }, fields, preview), changed, document: document_, check, set, controls: c };
}

/**
 * The box that replaces a schedule: type words, cron or a rule; see what it means and the
 * runs before (the saved schedule) and after; "Use this schedule" puts it in the editor.
 */
export function replaceBox({ editor, original, signal }) {
  const compare = h("div", { class: "replace-compare", hidden: true });
  let answer = null; // the box's latest understood schedule
  let used = null; // the text whose schedule was put in the fields
  let beforeRuns = null;

  const before = async () => {
    if (!original) return [];
    if (!beforeRuns) {
      beforeRuns = api("/validate", { query: previewQuery(original), signal }).then(
        (a) => a.next_runs || [],
        () => [],
      );
    }
    return beforeRuns;
  };

  const useIt = h("button", { type: "button", class: "use-schedule" }, "Use this schedule");
  const usedNote = h("p", { class: "muted small used-note", role: "status" });
  const box = scheduleBox({
    signal,
    initial: { text: "", zone: original?.timezone || viewerZone, schedule: null },
    text: { label: "Replace it: type a new schedule", empty: "Empty: the schedule above stays as it is.", hint: "In words, cron or an RFC 5545 rule. Nothing changes until you press “Use this schedule”." },
    onAnswer: async (state) => {
      answer = state.schedule && !state.error && state.text ? state : null;
      usedNote.textContent = "";
      if (!answer) {
        compare.hidden = true;
        return;
      }
      const runs = await before();
      if (answer !== state) return;
      put(
        compare,
        h(
          "div",
          { class: "before-after" },
          h("div", { class: "before" }, h("h3", null, "Before"), original ? runList(runs, original.timezone, "before-runs") : h("p", { class: "muted small" }, "No schedule.")),
          h("div", { class: "after" }, h("h3", null, "After"), runList(state.nextRuns, state.schedule.timezone, "after-runs")),
        ),
        h("div", { class: "actions" }, useIt),
        usedNote,
      );
      compare.hidden = false;
    },
  });
  useIt.addEventListener("click", () => {
    if (!answer) return;
    if (answer.needsConfirm && !box.confirm.checked) {
      usedNote.textContent = "This is a guess: tick the box above to confirm it first.";
      return;
    }
    editor.set(answer.schedule);
    used = answer.text;
    usedNote.textContent = "Now in the fields above. Save to keep it, or edit the fields to change it back.";
  });

  const element = h("details", { class: "replace-schedule" }, h("summary", null, "Replace the schedule by typing a new one (words, cron or a rule)"), box.element, compare);
  return {
    element,
    box,
    /** Text typed in the box that was not put in the fields: saving would silently drop it. */
    pending() {
      const text = box.input.value.trim();
      return Boolean(text) && text !== used;
    },
  };
}

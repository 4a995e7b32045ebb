// The schedule box: plain words, cron or an RFC 5545 rule in, what the service understood
// out, as you type. Each pause in typing asks parse-nl (the words) and validate (the engine's
// check); only the answer to the latest text is shown. A rule ("FREQ=WEEKLY;BYDAY=TU") goes
// straight to validate, with the start it counts from (its DTSTART) beside it.

import { api, isAbort } from "./api.js";
import { h, put } from "./dom.js";
import { clock, shortZone, viewerZone, when } from "./time.js";
import { debounce } from "./ui.js";

const CONFIRM_BELOW = 0.5; // parsers.result.CONFIRM_BELOW: ask before saving a guess
const CRON_FIELD = /^[\d*?,/\-LW#]+$/;
const MACRO = /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/i;
const RRULE = /^(rrule:\s*)?(freq|interval|count|until|wkst|by[a-z]+)\s*=/i;

/** "FREQ=MONTHLY;BYDAY=2TU" or "RRULE:FREQ=…": a recurrence rule, not words. */
export function looksLikeRrule(text) {
  return RRULE.test(text.trim());
}

export function looksLikeCron(text) {
  const fields = text.trim().split(/\s+/);
  if (fields.length === 1) return MACRO.test(fields[0]);
  return (fields.length === 5 || fields.length === 6) && CRON_FIELD.test(fields[0]) && CRON_FIELD.test(fields[1]);
}

function zoneNames() {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [viewerZone, "UTC"];
  }
}

let zoneList;
function zoneDatalist() {
  if (!zoneList) {
    zoneList = h("datalist", { id: "zone-names" }, [...new Set(["UTC", ...zoneNames()])].map((z) => h("option", { value: z })));
    document.body.append(zoneList);
  }
  return zoneList.id;
}

/** The parser's remarks ("no time given; assumed 9:00 AM"). */
function notes(list) {
  return list?.length ? h("ul", { class: "notes muted small" }, list.map((n) => h("li", null, n))) : null;
}

/** GET /validate's query for a schedule document (an rrule with the start it counts from). */
export function validateQuery(schedule, count = 5) {
  const value = { cron: schedule.expression, every: schedule.interval, at: schedule.datetime, rrule: schedule.rule }[schedule.type];
  const query = { type: schedule.type, value, timezone: schedule.timezone || "UTC", count };
  if (schedule.start_at) query.start_at = schedule.start_at;
  return query;
}

/** "2026-12-08T15:00:00-06:00" -> "2026-12-08T15:00:00": the wall time a datetime-local shows. */
function wallTime(iso) {
  return iso ? String(iso).slice(0, 19) : "";
}

/**
 * Build the box. `initial` is an existing job's schedule ({schedule, text, description}).
 * Returns {element, result()}: result() waits for the latest parse and resolves to
 * {changed, schedule, error, needsConfirm}.
 */
export function scheduleBox({ initial, signal } = {}) {
  const input = h("input", {
    type: "text",
    id: "schedule-text",
    name: "schedule",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "every weekday at 9am Pacific  ·  0 9 * * 1-5  ·  FREQ=MONTHLY;BYDAY=2TU;BYHOUR=10",
    value: initial?.text || "",
    "aria-describedby": "schedule-result",
  });
  const zone = h("input", { type: "text", id: "schedule-zone", list: zoneDatalist(), value: initial?.schedule?.timezone || initial?.zone || viewerZone, autocomplete: "off", spellcheck: "false" });
  // a rule's DTSTART, in the zone beside it; empty: from now (the answer says when)
  const start = h("input", { type: "datetime-local", id: "schedule-start", step: 1, value: initial?.schedule?.type === "rrule" ? wallTime(initial.schedule.start_at) : "" });
  const startField = h("span", { class: "schedule-start" }, h("label", { class: "zone-label", for: "schedule-start" }, "rule starts (empty: now)"), start);
  const showStart = () => {
    startField.hidden = !looksLikeRrule(input.value);
  };
  showStart();
  const out = h("div", { id: "schedule-result", class: "schedule-result", "aria-live": "polite" });
  const confirm = h("input", { type: "checkbox", id: "schedule-confirm" });
  let state = { changed: false, schedule: initial?.schedule ?? null };
  let busy = false; // an edit whose answer has not been shown yet
  let queued = false; // ... and whose request waits for the typing pause
  const waiters = [];
  const release = () => {
    busy = false;
    waiters.splice(0).forEach((resolve) => resolve());
  };
  let inflight;
  let seq = 0;

  const show = (kind, ...children) => {
    out.className = "schedule-result " + kind;
    put(out, children);
  };

  // understood() and refused() describe an answer; run() shows it if it is still the latest
  const understood = (parsed, checked) => {
    const schedule = checked?.schedule?.type === "rrule" ? checked.schedule : parsed.schedule;
    const runs = parsed.next_runs?.length ? parsed.next_runs : checked?.next_runs || [];
    const zoneName = schedule.timezone || "UTC";
    const low = typeof parsed.confidence === "number" && parsed.confidence < CONFIRM_BELOW;
    const view = [
      low ? "ok uncertain" : "ok",
      h("p", { class: "understood" }, h("span", { class: "icon", "aria-hidden": "true" }, "✓"), " ", h("strong", { class: "human" }, parsed.human_readable || schedule.expression || "")),
      h(
        "p",
        { class: "facts" },
        h("span", { class: "fact" }, "schedule ", h("code", { class: "cron" }, schedule.type === "cron" ? schedule.expression : schedule.type === "rrule" ? schedule.rule : JSON.stringify(schedule))),
        h("span", { class: "fact" }, "zone ", h("strong", { class: "zone" }, zoneName)),
        schedule.type === "rrule" ? h("span", { class: "fact" }, "starts ", h("strong", { class: "start" }, when(schedule.start_at, zoneName))) : null,
        parsed.confidence !== undefined ? h("span", { class: "fact" }, "confidence ", h("strong", { class: "confidence" }, `${Math.round(parsed.confidence * 100)}%`)) : null,
        h("span", { class: "fact" }, "method ", h("strong", { class: "method" }, parsed.parse_method || "cron")),
      ),
      notes(parsed.notes),
      checked?.warning ? h("p", { class: "warning" }, checked.warning) : null,
      runs.length
        ? [
            h("p", { class: "muted small" }, `Next ${runs.length} runs in your time (${viewerZone})${zoneName !== viewerZone ? `, with ${zoneName} beside` : ""}:`),
            h(
              "ol",
              { class: "next-runs" },
              runs.map((at) => h("li", null, h("time", { datetime: at }, when(at)), zoneName !== viewerZone ? h("span", { class: "muted" }, ` ${clock(at, zoneName)} in ${shortZone(zoneName)}`) : null)),
            ),
          ]
        : h("p", { class: "warning" }, "It does not fire after now."),
      low ? h("label", { class: "confirm-guess" }, confirm, ` This is a guess (${parsed.parse_method}). I checked it and want it.`) : null,
    ];
    return { view, state: { changed: true, schedule, needsConfirm: low } };
  };

  const refused = (error, suggestion, remarks) => {
    const view = [
      "error",
      h("p", { class: "understood" }, h("span", { class: "icon", "aria-hidden": "true" }, "✗"), " ", h("strong", { class: "reason" }, error)),
      suggestion ? h("p", { class: "suggestion" }, "Suggestion: ", suggestion) : null,
      notes(remarks),
    ];
    return { view, state: { changed: true, schedule: null, error } };
  };

  async function interpret(text, timezone, signal) {
    if (looksLikeRrule(text)) {
      const query = { type: "rrule", value: text, timezone, count: 5 };
      if (start.value) query.start_at = start.value;
      const checked = await api("/validate", { query, signal });
      if (!checked.valid) return refused(`${checked.field ? checked.field + ": " : ""}${checked.error}`);
      return understood({ schedule: checked.schedule, human_readable: checked.human_readable, parse_method: "rrule" }, checked);
    }
    let parsed;
    try {
      parsed = await api("/parse-nl", { method: "POST", body: { text, timezone }, signal });
    } catch (error) {
      if (isAbort(error)) throw error;
      if (error.status === 401) throw error;
      const words = error.notAvailable ? "Plain-language schedules are not available on this server; enter cron (five fields)." : null;
      if (!looksLikeCron(text)) return refused(words || error.fieldErrors.text || error.message, error.problem?.suggestion, error.problem?.notes);
      // a cron expression: the engine's validator says exactly which field is wrong
      const checked = await api("/validate", { query: { type: "cron", value: text, timezone, count: 5 }, signal });
      if (!checked.valid) return refused(`${checked.field ? checked.field + ": " : ""}${checked.error}`, error.problem?.suggestion);
      return understood({ schedule: checked.schedule, human_readable: checked.human_readable, parse_method: "cron" }, checked);
    }
    const checked = await api("/validate", { query: validateQuery(parsed.schedule), signal });
    if (!checked.valid) return refused(`${checked.field ? checked.field + ": " : ""}${checked.error}`);
    return understood(parsed, checked);
  }

  const run = async () => {
    queued = false;
    const text = input.value.trim();
    const mine = ++seq;
    inflight?.abort();
    if (!text) {
      state = { changed: true, schedule: null };
      show("empty", h("p", { class: "muted" }, "No schedule: the job runs only when triggered (or by a chain)."));
      release();
      return;
    }
    inflight = new AbortController();
    signal?.addEventListener("abort", () => inflight.abort(), { once: true });
    show("pending", h("p", { class: "muted" }, "Checking…"));
    let answer;
    try {
      answer = await interpret(text, zone.value.trim() || viewerZone, inflight.signal);
    } catch (error) {
      if (isAbort(error)) return;
      answer = refused(error.message);
    }
    if (mine !== seq) return; // a later edit is on its way; its answer will be shown
    confirm.checked = false;
    show(...answer.view);
    state = answer.state;
    release();
  };
  const later = debounce(run, 350);
  const edited = () => {
    busy = queued = true;
    later();
  };
  input.addEventListener("input", () => {
    showStart();
    edited();
  });
  zone.addEventListener("change", edited);
  start.addEventListener("change", edited);

  if (initial?.schedule) {
    show("ok", h("p", { class: "understood" }, h("span", { class: "icon" }, "✓"), " ", h("strong", { class: "human" }, initial.description || initial.text)), h("p", { class: "muted small" }, "Current schedule; edit the text to change it."));
  } else if (!initial?.text) {
    show("empty", h("p", { class: "muted" }, "Type when it should run, in words or cron. Leave empty for a job that runs only when triggered."));
  } else {
    edited();
  }

  const element = h(
    "div",
    { class: "schedule-box" },
    h("label", { for: "schedule-text" }, "When"),
    h("div", { class: "schedule-inputs" }, input, h("label", { class: "zone-label", for: "schedule-zone" }, "zone for times without one"), zone, startField),
    out,
  );
  return {
    element,
    input,
    /** The answer for the text as it is now (saving does not wait for the typing pause). */
    async result() {
      if (busy) {
        const done = new Promise((resolve) => waiters.push(resolve));
        if (queued) {
          later.cancel();
          run();
        }
        await done;
      }
      return { ...state, confirmed: !state.needsConfirm || confirm.checked };
    },
  };
}

// The schedule box: plain words, cron or an RFC 5545 rule in, what the service understood out,
// as you type. Each pause in typing asks parse-nl (the words) and validate (the engine's
// check); only the answer to the latest text is shown. A rule ("FREQ=WEEKLY;BYDAY=TU") goes
// straight to validate, with the start it counts from (its DTSTART) beside it. Told to slow
// down (429), it waits as long as the service says, sending nothing meanwhile, then checks the
// text as it is by then.
//
// The dashboard's job form uses it with its own API client; <agentcron-schedule-input>
// (app/web/embed/schedule-input.js) puts the same box in another site's page, in a shadow
// root, with a publishable key. Everything shown is inserted as text (dom.js).

import { api, isAbort } from "./api.js";
import { h, put } from "./dom.js";
import { clock, shortZone, viewerZone, when } from "./time.js";
import { debounce } from "./ui.js";

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

const zoneLists = new WeakMap(); // one list of zone names per document or shadow root
export function zoneDatalist(root) {
  if (!zoneLists.has(root)) {
    const list = h("datalist", { id: "zone-names" }, [...new Set(["UTC", ...zoneNames()])].map((z) => h("option", { value: z })));
    root.append(list);
    zoneLists.set(root, list);
  }
  return zoneLists.get(root).id;
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

const DASHBOARD_TEXT = {
  label: "When",
  empty: "No schedule: the job runs only when triggered (or by a chain).",
  hint: "Type when it should run, in words, cron or an RFC 5545 rule. Leave empty for a job that runs only when triggered.",
};

/**
 * Build the box. `initial` is an existing job's schedule ({schedule, text, description}).
 * `call(path, options)` asks the API (the dashboard's `api` by default); `root` is the document
 * or shadow root the box lives in; `zone` is the zone for times without one, shown as a field
 * unless `zoneField` is false; `text` overrides the label and the empty-box messages;
 * `onAnswer(state)` hears every answer shown.
 * Returns {element, input, confirm, result()}: result() waits for the latest parse and
 * resolves to {changed, schedule, error, needsConfirm, confirmed}.
 */
export function scheduleBox({ initial, signal, call = api, root = document.body, zone: zoneName, zoneField = true, text = {}, onAnswer } = {}) {
  const words = { ...DASHBOARD_TEXT, ...text };
  const input = h("input", {
    type: "text",
    id: "schedule-text",
    name: "schedule",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "every weekday at 9am Pacific  ·  0 9 * * 1-5  ·  FREQ=MONTHLY;BYDAY=2TU;BYHOUR=10",
    value: initial?.text || "",
    "aria-describedby": "schedule-result",
    part: "input",
  });
  const zoneValue = initial?.schedule?.timezone || initial?.zone || zoneName || viewerZone;
  const zone = zoneField
    ? h("input", { type: "text", id: "schedule-zone", list: zoneDatalist(root), value: zoneValue, autocomplete: "off", spellcheck: "false", part: "zone" })
    : { value: zoneValue, addEventListener() {} };
  // a rule's DTSTART, in the zone beside it; empty: from now (the answer says when)
  const start = h("input", { type: "datetime-local", id: "schedule-start", step: 1, value: initial?.schedule?.type === "rrule" ? wallTime(initial.schedule.start_at) : "", part: "start" });
  const startField = h("span", { class: "schedule-start" }, h("label", { class: "zone-label", for: "schedule-start" }, "rule starts (empty: now)"), start);
  const showStart = () => {
    startField.hidden = !looksLikeRrule(input.value);
  };
  showStart();
  const out = h("div", { id: "schedule-result", class: "schedule-result", "aria-live": "polite", part: "preview" });
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
  let waitUntil = 0; // told to slow down: send nothing before this (ms since the epoch)
  let waitTimer;
  let slowDowns = 0; // 429s in a row: each wait is at least twice the one before

  const show = (kind, ...children) => {
    out.className = "schedule-result " + kind;
    put(out, children);
  };

  // understood() and refused() describe an answer; run() shows it if it is still the latest
  const understood = (parsed, checked) => {
    const schedule = checked?.schedule?.type === "rrule" ? checked.schedule : parsed.schedule;
    const runs = parsed.next_runs?.length ? parsed.next_runs : checked?.next_runs || [];
    const zoneName = schedule.timezone || "UTC";
    const low = Boolean(parsed.needs_confirmation); // the parser's own verdict: ask before saving a guess
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
            h("p", { class: "muted small" }, `${runs.length === 1 ? "Next run" : `Next ${runs.length} runs`} in your time (${viewerZone})${zoneName !== viewerZone ? `, with ${zoneName} beside` : ""}:`),
            h(
              "ol",
              { class: "next-runs" },
              runs.map((at) => h("li", null, h("time", { datetime: at }, when(at)), zoneName !== viewerZone ? h("span", { class: "muted" }, ` ${clock(at, zoneName)} in ${shortZone(zoneName)}`) : null)),
            ),
          ]
        : h("p", { class: "warning" }, "It does not fire after now."),
      low ? h("label", { class: "confirm-guess" }, confirm, ` This is a guess (${parsed.parse_method}). I checked it and want it.`) : null,
    ];
    return { view, state: { changed: true, schedule, needsConfirm: low, description: parsed.human_readable || null, nextRuns: runs } };
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

  // 429: wait as long as the service says (at least a second, longer after each refusal in a
  // row, never more than a minute), then check the text as it is by then
  const slowDown = (error) => {
    slowDowns += 1;
    const seconds = Math.min(60, Math.max(error.retryAfter ?? 1, 2 ** (slowDowns - 1)));
    waitUntil = Date.now() + seconds * 1000;
    show("pending waiting", h("p", { class: "muted", role: "status" }, `Too many checks for now; checking again in ${Math.ceil(seconds)} s.`));
    clearTimeout(waitTimer);
    waitTimer = setTimeout(() => {
      waitUntil = 0;
      run();
    }, seconds * 1000);
  };

  async function interpret(text, timezone, signal) {
    if (looksLikeRrule(text)) {
      const query = { type: "rrule", value: text, timezone, count: 5 };
      if (start.value) query.start_at = start.value;
      const checked = await call("/validate", { query, signal });
      if (!checked.valid) return refused(`${checked.field ? checked.field + ": " : ""}${checked.error}`);
      return understood({ schedule: checked.schedule, human_readable: checked.human_readable, parse_method: "rrule" }, checked);
    }
    let parsed;
    try {
      parsed = await call("/parse-nl", { method: "POST", body: { text, timezone }, signal });
    } catch (error) {
      if (isAbort(error)) throw error;
      if (error.status === 401 || error.status === 403 || error.status === 429 || !error.problem) throw error;
      const words = error.notAvailable ? "Plain-language schedules are not available on this server; enter cron (five fields)." : null;
      if (!looksLikeCron(text)) return refused(words || error.fieldErrors.text || error.message, error.problem?.suggestion, error.problem?.notes);
      // a cron expression: the engine's validator says exactly which field is wrong
      const checked = await call("/validate", { query: { type: "cron", value: text, timezone, count: 5 }, signal });
      if (!checked.valid) return refused(`${checked.field ? checked.field + ": " : ""}${checked.error}`, error.problem?.suggestion);
      return understood({ schedule: checked.schedule, human_readable: checked.human_readable, parse_method: "cron" }, checked);
    }
    const checked = await call("/validate", { query: validateQuery(parsed.schedule), signal });
    if (!checked.valid) return refused(`${checked.field ? checked.field + ": " : ""}${checked.error}`);
    return understood(parsed, checked);
  }

  const answered = (next) => {
    state = next;
    onAnswer?.({ ...state, text: input.value.trim() });
    release();
  };

  const run = async () => {
    if (Date.now() < waitUntil) return; // slowing down: the timer checks the latest text then
    queued = false;
    const text = input.value.trim();
    const mine = ++seq;
    inflight?.abort();
    if (!text) {
      show("empty", h("p", { class: "muted" }, words.empty));
      answered({ changed: true, schedule: null });
      return;
    }
    inflight = new AbortController();
    signal?.addEventListener("abort", () => inflight.abort(), { once: true });
    show("pending", h("p", { class: "muted" }, "Checking…"));
    let answer;
    try {
      answer = await interpret(text, zone.value.trim() || viewerZone, inflight.signal);
      slowDowns = 0;
    } catch (error) {
      if (isAbort(error)) return;
      if (error.status === 429) {
        if (mine === seq) slowDown(error);
        return;
      }
      // a fetch that never got an answer: offline, or this page's origin is not allowed
      answer = refused(error.status ? error.message : "Could not reach the schedule service.");
    }
    if (mine !== seq) return; // a later edit is on its way; its answer will be shown
    confirm.checked = false;
    show(...answer.view);
    answered(answer.state);
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
    show("empty", h("p", { class: "muted" }, words.hint));
  } else {
    edited();
  }

  const element = h(
    "div",
    { class: "schedule-box" },
    h("label", { for: "schedule-text", part: "label" }, words.label),
    h("div", { class: "schedule-inputs" }, input, zoneField ? [h("label", { class: "zone-label", for: "schedule-zone" }, "zone for times without one"), zone] : null, startField),
    out,
  );
  return {
    element,
    input,
    zone,
    confirm,
    /** Check again now (the zone changed from outside, say). */
    refresh: edited,
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

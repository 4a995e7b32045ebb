// Create or edit a job. The service checks everything on save; its problems are shown
// beside the fields they name, and its warnings (what stops the job from running as
// configured here) beside them too, as warnings, not errors.
//
// Editing changes only what the user changed: the update sends the fields whose controls
// differ from what the job had, each merged into the job's own value (an http action keeps
// its headers, a delivery its other channels, a retry its max_delay). The schedule is edited
// as its fields (scheduleedit.js) and is not sent at all unless one of them changed.

import { api } from "../api.js";
import { encode, h, link, put } from "../dom.js";
import { go } from "../router.js";
import { scheduleBox } from "../schedulebox.js";
import { errorText, notify, plural } from "../ui.js";
import { actionSummary } from "./jobbits.js";
import { replaceBox, scheduleEditor } from "./scheduleedit.js";
import { warningBox } from "./warnings.js";

// API field path prefix -> the form field that shows its problem
const FIELD_OF = [
  ["schedule", "schedule"],
  ["exclusions", "schedule"],
  ["action.http", "http"],
  ["http", "http"],
  ["action", "action"],
  ["delivery", "delivery"],
  ["condition", "condition"],
  ["retry", "retry"],
  ["timeout_seconds", "timeout_seconds"],
  ["overlap", "overlap"],
  ["tags", "tags"],
  ["goal", "goal"],
  ["agent_id", "agent_id"],
  ["name", "name"],
  ["description", "description"],
];

export function fieldFor(path) {
  const hit = FIELD_OF.find(([prefix]) => path === prefix || path.startsWith(prefix + ".") || path.startsWith(prefix + "["));
  return hit ? hit[1] : null;
}

/** "retry.max_delay" shows "max_delay: must be …"; a field's only part shows the reason alone. */
function besideText(path, reason) {
  const sub = path.split(".").slice(1).join(".");
  return sub && !["expression", "channel", "url"].includes(sub) ? `${sub}: ${reason}` : reason;
}

function field(name, label, control, hint) {
  return h(
    "div",
    { class: "field", dataset: { field: name } },
    h("label", { for: control.id }, label),
    control,
    hint ? h("p", { class: "hint" }, hint) : null,
    h("p", { class: "field-error", role: "alert" }),
  );
}

const input = (id, props = {}) => h("input", { type: "text", id, name: id, autocomplete: "off", ...props });
const select = (id, options, value) => {
  const el = h("select", { id, name: id }, options.map(([v, t]) => h("option", { value: v }, t)));
  el.value = value;
  return el;
};

const ACTIONS = [
  ["agent", "An agent works toward a goal"],
  ["http", "An HTTP call"],
  ["noop", "Nothing (a no-op, for testing)"],
];
/** Job types the operator enables (sql, python): made through the API, shown and kept here. */
const HOST_ACTIONS = {
  sql: "A SQL statement (as set through the API)",
  python: "A Python function (as set through the API)",
  command: "A command (as set through the API)",
  file: "A file operation (as set through the API)",
};

function actionChoices(job) {
  const kind = job?.action || "agent";
  if (ACTIONS.some(([v]) => v === kind)) return ACTIONS;
  return [...ACTIONS, [kind, HOST_ACTIONS[kind] || `${kind} (as set through the API)`]];
}

/** The JSON body of an http action as the textarea shows it ("" for none). */
function bodyText(value) {
  return value === undefined || value === null ? "" : JSON.stringify(value, null, 2);
}

export async function jobFormView(main, { params, query, signal }) {
  const editing = Boolean(params.id);
  const job = editing ? await api(`/jobs/${encode(params.id)}`, { signal }) : null;
  const http = job?.http || {};
  const retry = job?.retry;
  const delivery = job?.delivery || {};
  // a delivery's first channel is the one the form shows; the others are kept as they are
  const channels = delivery.channels?.length ? delivery.channels : delivery.channel ? [delivery.channel] : [];

  // a new job: the box is how its schedule is written; an existing one: its schedule's own
  // fields, and the box as a way to replace it
  const box = editing
    ? null
    : scheduleBox({ signal, initial: { text: query.get("schedule") || "", zone: query.get("tz"), schedule: null } });
  const editor = editing ? scheduleEditor({ schedule: job.schedule, description: job.schedule_description, signal }) : null;
  const replace = editing ? replaceBox({ editor, original: job.schedule, signal }) : null;

  const f = {
    name: input("name", { value: job?.name || query.get("name") || "", maxlength: 200, placeholder: "defaults to the goal's first line" }),
    action: select("action", actionChoices(job), job?.action || "agent"),
    goal: h("textarea", { id: "goal", name: "goal", rows: 3, placeholder: "Summarize yesterday's incidents and list open follow-ups" }, job?.goal || ""),
    agent_id: input("agent_id", { value: job?.agent_id || "default", list: "agent-ids" }),
    method: select("method", ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].map((m) => [m, m]), http.method || "GET"),
    url: input("url", { type: "url", value: http.url || "", placeholder: "https://example.com/hook" }),
    body: h("textarea", { id: "body", name: "body", rows: 3, placeholder: '{"optional": "JSON body"}' }, bodyText(http.body)),
    channel: input("channel", { value: channels[0] || "", placeholder: "slack:#alerts or webhook:https://…" }),
    format: select("format", [["markdown", "markdown"], ["text", "text"], ["json", "json"]], delivery.format || "markdown"),
    condition: input("condition", { value: job?.condition?.expression || "", placeholder: "price_change_pct > 0.05" }),
    attempts: input("attempts", { type: "number", min: 1, max: 20, value: retry?.max_attempts ?? "", placeholder: "1" }),
    strategy: select("strategy", [["exponential", "exponential"], ["linear", "linear"], ["fixed", "fixed"]], retry?.strategy || "exponential"),
    base_delay: input("base_delay", { type: "number", min: 0, value: retry?.base_delay ?? 60 }),
    timeout: input("timeout", { type: "number", min: 1, max: 86400, value: job?.timeout_seconds ?? "", placeholder: "none" }),
    overlap: select("overlap", [["skip", "skip the new run"], ["queue", "queue it"], ["allow", "run both"], ["cancel_previous", "cancel the running one"]], job?.overlap || "skip"),
    tags: input("tags", { value: (job?.tags || []).join(", "), placeholder: "reports, daily" }),
  };
  // what each control showed at first: a control still showing it was not changed
  const initial = Object.fromEntries(Object.entries(f).map(([name, el]) => [name, el.value]));
  const touched = (...names) => names.some((name) => f[name].value !== initial[name]);

  const agentPart = h("div", { class: "sub" }, field("goal", "Goal", f.goal), field("agent_id", "Agent", f.agent_id));
  const httpPart = h("div", { class: "sub" }, h("div", { class: "inline" }, field("http", "Method and URL", h("span", { id: "http-pair", class: "pair" }, f.method, f.url))), field("http_body", "Body (JSON, optional)", f.body));
  // a sql or python job's settings are the API's to change (they name what the operator
  // allowed); the form shows them and, the action left as it is, never sends them
  const hostPart = job && !ACTIONS.some(([v]) => v === job.action) ? h("div", { class: "sub" }, h("p", { class: "muted" }, actionSummary(job))) : null;
  const showAction = () => {
    agentPart.hidden = f.action.value !== "agent";
    httpPart.hidden = f.action.value !== "http";
    if (hostPart) hostPart.hidden = f.action.value !== job.action;
  };
  f.action.addEventListener("change", showAction);
  showAction();

  const formError = h("div", { class: "form-error", role: "alert", hidden: true });
  const save = h("button", { type: "submit" }, editing ? "Save changes" : "Create job");
  const scheduleField = editing
    ? h(
        "fieldset",
        { class: "field schedule-field", dataset: { field: "schedule" } },
        h("legend", null, "When"),
        editor.element,
        job.exclusions ? h("p", { class: "hint muted small exclusions-kept" }, "Its exclusions are kept as they are (the runs above do not leave them out; the job's page does): ", h("code", null, JSON.stringify(job.exclusions))) : null,
        h("p", { class: "field-error", role: "alert" }),
        replace.element,
      )
    : h("div", { class: "field schedule-field", dataset: { field: "schedule" } }, box.element, h("p", { class: "field-error", role: "alert" }));
  const form = h(
    "form",
    { class: "job-form card", novalidate: true, onsubmit: (event) => submit(event) },
    h("h1", null, editing ? `Edit “${job.name}”` : "New job"),
    editing ? warningBox(job.warnings, { intro: `As saved, this job cannot run as configured here (${plural(job.warnings?.length, "warning")}):` }) : null,
    scheduleField,
    field("name", "Name", f.name),
    field("action", "What runs", f.action),
    agentPart,
    httpPart,
    hostPart,
    h("fieldset", null, h("legend", null, "Where the result goes"), h("div", { class: "inline" }, field("delivery", "Channel", f.channel), field("format", "Format", f.format))),
    channels.length > 1 ? h("p", { class: "hint muted small" }, `Also delivered to ${channels.slice(1).join(", ")} (kept as they are).`) : null,
    field("condition", "Deliver only when", f.condition, "An expression over the run's data, checked when you save. Empty: always deliver."),
    h(
      "fieldset",
      null,
      h("legend", null, "When things go wrong"),
      h(
        "div",
        { class: "inline" },
        field("retry", "Attempts", f.attempts),
        field("strategy", "Backoff", f.strategy),
        field("base_delay", "First delay (s)", f.base_delay),
        field("timeout_seconds", "Timeout (s)", f.timeout),
        field("overlap", "If still running at the next slot", f.overlap),
      ),
    ),
    field("tags", "Tags", f.tags, "Comma-separated."),
    formError,
    h("div", { class: "actions" }, save, link(editing ? `/jobs/${encode(job.id)}` : "/jobs", "Cancel", { class: "button ghost" })),
  );
  const agents = h("datalist", { id: "agent-ids" });
  put(main, h("p", { class: "crumbs" }, link("/jobs", "‹ Jobs")), form, agents);
  // offer the owner's agents by id; a server without /agents leaves a plain text field
  api("/agents", { signal }).then(
    (body) => put(agents, (body.agents || []).map((a) => h("option", { value: a.id }, a.name && a.name !== a.id ? `${a.name} (${a.model || "default model"})` : a.model || ""))),
    () => null,
  );
  if (editing) markWarnings(job.warnings);
  (editing ? f.name : box.input).focus();

  /** Each warning also beside the field it names (as a warning: the job is saved). */
  function markWarnings(warnings) {
    for (const w of warnings || []) {
      const wrapper = form.querySelector(`.field[data-field="${fieldFor(w.field || "")}"]`);
      if (!wrapper) continue;
      wrapper.classList.add("warned");
      const slot = wrapper.querySelector(":scope > .field-warning") || wrapper.appendChild(h("p", { class: "field-warning" }));
      slot.textContent = slot.textContent ? `${slot.textContent} ${w.reason}` : w.reason;
    }
  }

  function clearErrors() {
    formError.hidden = true;
    for (const el of form.querySelectorAll(".field-error")) el.textContent = "";
    for (const el of form.querySelectorAll(".field.invalid")) el.classList.remove("invalid");
  }

  function showError(name, reason) {
    const wrapper = form.querySelector(`.field[data-field="${name}"]`);
    if (!wrapper) return false;
    wrapper.classList.add("invalid");
    const slot = wrapper.querySelector(":scope > .field-error");
    slot.textContent = slot.textContent ? `${slot.textContent} ${reason}` : reason;
    return true;
  }

  /** The http body as JSON, or undefined for none; null when it is not valid JSON. */
  function httpBody() {
    if (!f.body.value.trim()) return undefined;
    try {
      return JSON.parse(f.body.value);
    } catch {
      showError("http_body", "is not valid JSON");
      return null;
    }
  }

  /** A new job: everything the form says. */
  async function createBody() {
    const out = {
      name: f.name.value.trim() || undefined,
      action: f.action.value,
      delivery: f.channel.value.trim() ? { channel: f.channel.value.trim(), format: f.format.value } : null,
      condition: f.condition.value.trim() ? { type: "expression", expression: f.condition.value.trim() } : null,
      retry: Number(f.attempts.value) >= 1 ? { max_attempts: Number(f.attempts.value), strategy: f.strategy.value, base_delay: Number(f.base_delay.value || 0) } : null,
      timeout_seconds: f.timeout.value ? Number(f.timeout.value) : null,
      overlap: f.overlap.value,
      tags: f.tags.value.split(",").map((t) => t.trim()).filter(Boolean),
    };
    if (out.action === "agent") {
      out.goal = f.goal.value;
      out.agent_id = f.agent_id.value.trim() || "default";
    } else if (out.action === "http") {
      out.http = { method: f.method.value, url: f.url.value.trim() };
      const value = httpBody();
      if (value === null) return null;
      if (value !== undefined) out.http.body = value;
    }
    const schedule = await box.result();
    if (schedule.error) {
      showError("schedule", "Fix the schedule first (see above).");
      return null;
    }
    if (!schedule.confirmed) {
      showError("schedule", "Tick the box to confirm the guessed schedule, or write it more precisely.");
      return null;
    }
    out.schedule = schedule.schedule;
    return out;
  }

  /** An edit: only what changed, each merged into the job's own value. */
  async function updateBody() {
    const out = {};
    if (touched("name") && f.name.value.trim()) out.name = f.name.value.trim();
    const action = f.action.value;
    const actionChanged = touched("action");
    if (actionChanged) out.action = action;
    if (action === "agent") {
      if (actionChanged || touched("goal")) out.goal = f.goal.value;
      if (actionChanged || touched("agent_id")) out.agent_id = f.agent_id.value.trim() || "default";
    } else if (action === "http" && (actionChanged || touched("method", "url", "body"))) {
      const next = { ...http, method: f.method.value, url: f.url.value.trim() };
      if (touched("body") || actionChanged) {
        const value = httpBody();
        if (value === null) return null;
        if (value === undefined) delete next.body;
        else next.body = value;
      }
      out.action = "http";
      out.http = next;
    }
    if (touched("channel", "format")) {
      const first = f.channel.value.trim();
      const rest = channels.slice(1);
      const list = first ? [first, ...rest.filter((c) => c !== first)] : rest;
      if (list.length) {
        const next = { ...delivery, format: f.format.value, channels: list };
        delete next.channel;
        out.delivery = next;
      } else out.delivery = null;
    }
    if (touched("condition")) {
      const text = f.condition.value.trim();
      out.condition = text ? { ...(job.condition || { type: "expression" }), expression: text } : null;
    }
    if (touched("attempts", "strategy", "base_delay")) {
      out.retry =
        Number(f.attempts.value) >= 1
          ? { ...(retry || {}), max_attempts: Number(f.attempts.value), strategy: f.strategy.value, base_delay: Number(f.base_delay.value || 0) }
          : null;
    }
    if (touched("timeout")) out.timeout_seconds = f.timeout.value ? Number(f.timeout.value) : null;
    if (touched("overlap")) out.overlap = f.overlap.value;
    if (touched("tags")) out.tags = f.tags.value.split(",").map((t) => t.trim()).filter(Boolean);

    if (replace.pending()) {
      showError("schedule", "You typed a new schedule below but did not use it: press “Use this schedule”, or empty that box.");
      return null;
    }
    if (editor.changed()) {
      let checked;
      try {
        checked = await editor.check();
      } catch (error) {
        if (error.name === "AbortError") throw error;
        checked = { ok: true }; // could not preview: the service checks it on save
      }
      if (checked.error) {
        showError("schedule", `Fix the schedule first: ${checked.error}`);
        return null;
      }
      out.schedule = editor.document();
    }
    return out;
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    save.disabled = true;
    try {
      const payload = editing ? await updateBody() : await createBody();
      if (!payload) return;
      const saved = editing
        ? await api(`/jobs/${encode(job.id)}`, { method: "PATCH", body: payload, signal })
        : await api("/jobs", { method: "POST", body: payload, signal });
      const warnings = saved.warnings || [];
      notify(
        warnings.length
          ? `${editing ? "Saved" : "Created"}, with ${plural(warnings.length, "warning")}: it cannot run as configured here (see the job's page).`
          : editing
            ? Object.keys(payload).length
              ? "Saved."
              : "Nothing was changed."
            : "Created.",
        { warning: warnings.length > 0 },
      );
      go(`/jobs/${encode(saved.id)}`);
    } catch (error) {
      if (error.name === "AbortError") return;
      const leftover = [];
      for (const [path, reason] of Object.entries(error.fieldErrors || {})) {
        if (!showError(fieldFor(path) || "", besideText(path, reason))) leftover.push(`${path}: ${reason}`);
      }
      if (leftover.length || !Object.keys(error.fieldErrors || {}).length) {
        formError.textContent = leftover.length ? leftover.join("; ") : errorText(error);
        formError.hidden = false;
      }
      form.querySelector(".field.invalid input, .field.invalid textarea, .field.invalid select")?.focus();
    } finally {
      save.disabled = false;
    }
  }
}

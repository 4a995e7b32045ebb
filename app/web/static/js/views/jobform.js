// Create or edit a job. The service checks everything on save; its problems are shown
// beside the fields they name.

import { api } from "../api.js";
import { encode, h, link, put } from "../dom.js";
import { go } from "../router.js";
import { scheduleBox } from "../schedulebox.js";
import { errorText } from "../ui.js";
import { actionSummary, scheduleText } from "./jobbits.js";

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

function fieldFor(path) {
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

/** Job types the operator enables (sql, python): made through the API, shown and kept here. */
const HOST_ACTIONS = new Set(["sql", "python", "command", "file"]);

function actionChoices(job) {
  const choices = [["agent", "An agent works toward a goal"], ["http", "An HTTP call"], ["noop", "Nothing (a no-op, for testing)"]];
  const kept = { sql: "A SQL statement", python: "A Python function", command: "A command", file: "A file operation" };
  if (HOST_ACTIONS.has(job?.action)) choices.push([job.action, `${kept[job.action]} (as set through the API)`]);
  return choices;
}

export async function jobFormView(main, { params, query, signal }) {
  const editing = Boolean(params.id);
  const job = editing ? await api(`/jobs/${encode(params.id)}`, { signal }) : null;
  const http = job?.http || {};
  const retry = job?.retry;
  const delivery = job?.delivery || {};

  const box = scheduleBox({
    signal,
    initial: job?.schedule
      ? { schedule: job.schedule, text: scheduleText(job.schedule), description: job.schedule_description }
      : { text: query.get("schedule") || "", zone: query.get("tz"), schedule: null },
  });
  const f = {
    name: input("name", { value: job?.name || query.get("name") || "", maxlength: 200, placeholder: "defaults to the goal's first line" }),
    action: select("action", actionChoices(job), job?.action || "agent"),
    goal: h("textarea", { id: "goal", name: "goal", rows: 3, placeholder: "Summarize yesterday's incidents and list open follow-ups" }, job?.goal || ""),
    agent_id: input("agent_id", { value: job?.agent_id || "default", list: "agent-ids" }),
    method: select("method", ["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => [m, m]), http.method || "GET"),
    url: input("url", { type: "url", value: http.url || "", placeholder: "https://example.com/hook" }),
    body: h("textarea", { id: "body", name: "body", rows: 3, placeholder: '{"optional": "JSON body"}' }, http.body === undefined || http.body === null ? "" : JSON.stringify(http.body, null, 2)),
    channel: input("channel", { value: delivery.channel || "", placeholder: "slack:#alerts or webhook:https://…" }),
    format: select("format", [["markdown", "markdown"], ["text", "text"], ["json", "json"]], delivery.format || "markdown"),
    condition: input("condition", { value: job?.condition?.expression || "", placeholder: "price_change_pct > 0.05" }),
    attempts: input("attempts", { type: "number", min: 1, max: 20, value: retry?.max_attempts ?? "", placeholder: "1" }),
    strategy: select("strategy", [["exponential", "exponential"], ["linear", "linear"], ["fixed", "fixed"]], retry?.strategy || "exponential"),
    base_delay: input("base_delay", { type: "number", min: 0, value: retry?.base_delay ?? 60 }),
    timeout: input("timeout", { type: "number", min: 1, max: 86400, value: job?.timeout_seconds ?? "", placeholder: "none" }),
    overlap: select("overlap", [["skip", "skip the new run"], ["queue", "queue it"], ["allow", "run both"], ["cancel_previous", "cancel the running one"]], job?.overlap || "skip"),
    tags: input("tags", { value: (job?.tags || []).join(", "), placeholder: "reports, daily" }),
  };
  const agentPart = h("div", { class: "sub" }, field("goal", "Goal", f.goal), field("agent_id", "Agent", f.agent_id));
  const httpPart = h("div", { class: "sub" }, h("div", { class: "inline" }, field("http", "Method and URL", h("span", { id: "http-pair", class: "pair" }, f.method, f.url))), field("http_body", "Body (JSON, optional)", f.body));
  // a sql or python job's settings are the API's to change (they name what the operator
  // allowed); the form shows them and leaves them as they are
  const hostPart = HOST_ACTIONS.has(job?.action) ? h("div", { class: "sub" }, h("p", { class: "muted" }, actionSummary(job))) : null;
  const showAction = () => {
    agentPart.hidden = f.action.value !== "agent";
    httpPart.hidden = f.action.value !== "http";
    if (hostPart) hostPart.hidden = f.action.value !== job.action;
  };
  f.action.addEventListener("change", showAction);
  showAction();

  const formError = h("div", { class: "form-error", role: "alert", hidden: true });
  const save = h("button", { type: "submit" }, editing ? "Save changes" : "Create job");
  const form = h(
    "form",
    { class: "job-form card", novalidate: true, onsubmit: (event) => submit(event) },
    h("h1", null, editing ? `Edit “${job.name}”` : "New job"),
    h("div", { class: "field schedule-field", dataset: { field: "schedule" } }, box.element, h("p", { class: "field-error", role: "alert" })),
    field("name", "Name", f.name),
    field("action", "What runs", f.action),
    agentPart,
    httpPart,
    hostPart,
    h("fieldset", null, h("legend", null, "Where the result goes"), h("div", { class: "inline" }, field("delivery", "Channel", f.channel), field("format", "Format", f.format))),
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
  (editing ? f.name : box.input).focus();

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

  async function body() {
    const out = {
      name: f.name.value.trim() || (editing ? job.name : undefined),
      action: f.action.value,
      delivery: f.channel.value.trim() ? { channel: f.channel.value.trim(), format: f.format.value, muted: Boolean(delivery.muted) } : null,
      condition: f.condition.value.trim() ? { type: "expression", expression: f.condition.value.trim() } : null,
      retry: Number(f.attempts.value) >= 1 ? { max_attempts: Number(f.attempts.value), strategy: f.strategy.value, base_delay: Number(f.base_delay.value || 0) } : null,
      timeout_seconds: f.timeout.value ? Number(f.timeout.value) : null,
      overlap: f.overlap.value,
      tags: f.tags.value.split(",").map((t) => t.trim()).filter(Boolean),
    };
    if (HOST_ACTIONS.has(out.action) && out.action === job?.action) {
      delete out.action; // unchanged: its settings stay as they are
    } else if (out.action === "agent") {
      out.goal = f.goal.value;
      out.agent_id = f.agent_id.value.trim() || "default";
    } else if (out.action === "http") {
      out.http = { method: f.method.value, url: f.url.value.trim() };
      if (f.body.value.trim()) {
        try {
          out.http.body = JSON.parse(f.body.value);
        } catch {
          showError("http_body", "is not valid JSON");
          return null;
        }
      }
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
    if (!editing || schedule.changed) out.schedule = schedule.schedule;
    return out;
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    save.disabled = true;
    try {
      const payload = await body();
      if (!payload) return;
      const saved = editing
        ? await api(`/jobs/${encode(job.id)}`, { method: "PATCH", body: payload, signal })
        : await api("/jobs", { method: "POST", body: payload, signal });
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

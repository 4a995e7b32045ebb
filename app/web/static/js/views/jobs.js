// The jobs list: filters, search, sort and paging are the API's own query parameters.

import { api } from "../api.js";
import { encode, h, link, put } from "../dom.js";
import { replaceQuery } from "../router.js";
import { ago, timeEl, viewerZone, when } from "../time.js";
import { badge, confirmAction, debounce, errorText, every, notify, pager, plural, tagList } from "../ui.js";
import { whoAmI } from "../me.js";
import { money, tokens } from "../spend.js";
import { scheduleSummary } from "./jobbits.js";

const PAGE = 20;
const SORTS = [
  ["created_at", "Created"],
  ["updated_at", "Updated"],
  ["name", "Name"],
  ["next_run_at", "Next run"],
  ["last_run_at", "Last run"],
  ["run_count", "Run count"],
  ["status", "Status"],
  ["consecutive_failures", "Failures in a row"],
];
const STATUSES = ["active", "paused", "completed", "failed"];
const HEALTHS = [
  ["failing", "Failing"],
  ["passing", "Passing"],
  ["new", "No runs yet"],
];
const OUTCOME_WORDS = { succeeded: "Succeeded", failed: "Failed", timed_out: "Timed out", cancelled: "Cancelled", running: "Running" };

/** Pause, resume, run now and delete, shared by the list and the job page. */
export async function jobAction(job, action, { after } = {}) {
  const id = encode(job.id);
  try {
    if (action === "delete") {
      const sure = await confirmAction(`Delete “${job.name}”?`, {
        detail: "It stops running and disappears from the list; its run history is kept.",
      });
      if (!sure) return false;
      await api(`/jobs/${id}`, { method: "DELETE" });
      notify(`Deleted “${job.name}”.`);
    } else if (action === "trigger") {
      const run = await api(`/jobs/${id}/trigger`, { method: "POST" });
      notify(`Started run ${run.run_id} of “${job.name}”.`, { extra: link(`/jobs/${id}`, " Open the job") });
    } else {
      await api(`/jobs/${id}/${action}`, { method: "POST" });
      notify(`${action === "pause" ? "Paused" : "Resumed"} “${job.name}”.`);
    }
    await after?.();
    return true;
  } catch (error) {
    notify(`Could not ${action === "trigger" ? "run" : action} “${job.name}”: ${errorText(error)}`, { error: true });
    return false;
  }
}

export function actionButtons(job, after) {
  const button = (action, text, cls) =>
    h("button", { type: "button", class: cls || "ghost", dataset: { action }, onclick: () => jobAction(job, action, { after }) }, text);
  return h(
    "span",
    { class: "row-actions" },
    job.status === "paused" ? button("resume", "Resume") : job.status === "active" ? button("pause", "Pause") : null,
    button("trigger", "Run now"),
    button("delete", "Delete", "ghost danger-text"),
  );
}

function readState(query) {
  return {
    q: query.get("q") || "",
    status: query.get("status") || "",
    health: query.get("health") || "",
    tag: query.get("tag") || "",
    sort: query.get("sort") || "created_at",
    order: query.get("order") || "desc",
    offset: Math.max(0, Number(query.get("offset")) || 0),
  };
}

export async function jobsView(main, { query, signal }) {
  const state = readState(query);
  const summary = h("p", { class: "summary muted" });
  const body = h("div", { class: "table-wrap" });
  let loads = 0;
  const reload = async () => {
    const mine = ++loads;
    replaceQuery({ ...state, sort: state.sort === "created_at" ? "" : state.sort, order: state.order === "desc" ? "" : state.order, offset: state.offset || "" });
    let page;
    try {
      page = await api("/jobs", { query: { ...state, limit: PAGE }, signal });
    } catch (error) {
      if (error.name !== "AbortError" && mine === loads) put(body, h("p", { class: "failure" }, errorText(error)));
      return;
    }
    if (mine !== loads) return; // the filters changed while this page was on its way
    const spent = new Map();
    put(body, jobsTable(page, state, reload, pick, spent));
    const failing = api("/jobs", { query: { health: "failing", limit: 1 }, signal }).then(
      (answer) => answer.count,
      () => null,
    );
    api("/stats", { signal }).then(
      async (stats) => {
        if (!stats || mine !== loads) return;
        put(summary, statsLine(stats), failingLink(await failing, state, pick));
        for (const entry of stats.spend?.by_job || []) spent.set(entry.job_id, entry);
        for (const cell of body.querySelectorAll("td.spend")) put(cell, spendCell(spent.get(cell.dataset.jobId)));
      },
      () => null,
    );
  };
  const pick = (changes) => {
    Object.assign(state, { offset: 0 }, changes);
    syncControls();
    reload();
  };

  const search = h("input", { type: "search", placeholder: "Search name, goal, description", value: state.q, "aria-label": "Search jobs" });
  const status = h("select", { "aria-label": "Status" }, h("option", { value: "" }, "Any status"), STATUSES.map((s) => h("option", { value: s }, s)));
  const health = h("select", { "aria-label": "Health" }, h("option", { value: "" }, "Any health"), HEALTHS.map(([value, text]) => h("option", { value }, text)));
  const tag = h("input", { type: "text", placeholder: "Tag", value: state.tag, "aria-label": "Tag", class: "narrow" });
  const sort = h("select", { "aria-label": "Sort by" }, SORTS.map(([value, text]) => h("option", { value }, `Sort: ${text}`)));
  const order = h("button", { type: "button", class: "ghost", title: "Reverse the order" });
  const syncControls = () => {
    search.value = state.q;
    status.value = state.status;
    health.value = state.health;
    tag.value = state.tag;
    sort.value = state.sort;
    order.textContent = state.order === "asc" ? "↑ Ascending" : "↓ Descending";
  };
  syncControls();
  search.addEventListener("input", debounce(() => pick({ q: search.value.trim() }), 300));
  tag.addEventListener("input", debounce(() => pick({ tag: tag.value.trim() }), 300));
  status.addEventListener("change", () => pick({ status: status.value }));
  health.addEventListener("change", () => pick({ health: health.value }));
  sort.addEventListener("change", () => pick({ sort: sort.value }));
  order.addEventListener("click", () => pick({ order: state.order === "asc" ? "desc" : "asc" }));

  put(
    main,
    h("div", { class: "page-head" }, h("h1", null, "Jobs"), summary, h("span", { class: "spacer" }), link("/jobs/new", "New job", { class: "button" })),
    h("div", { class: "toolbar" }, search, health, status, tag, sort, order),
    body,
  );
  // next/last run times and counts move on by themselves: keep the list fresh
  every(15000, reload, signal);
}

/** "· 2 failing", a link to the failing jobs (red while there are any). */
function failingLink(count, state, pick) {
  if (count === null || count === undefined) return null;
  if (!count) return h("span", { class: "all-passing" }, " · none failing");
  return [" · ", h("button", { type: "button", class: "link failing-count", title: "Show the failing jobs", onclick: () => pick({ health: state.health === "failing" ? "" : "failing" }) }, `${count.toLocaleString("en")} failing`)];
}

function statsLine(stats) {
  const jobs = `${plural(stats.total_jobs, "job")} · ${stats.active_jobs.toLocaleString("en")} active`;
  const today = stats.spend?.today;
  const spend = today?.tokens ? ` · agents ${money(today.cost_usd, { unpricedTokens: today.unpriced_tokens, tokens: today.tokens })} today` : "";
  if (!stats.total_runs_today) return `${jobs} · no runs today${spend}`;
  const rate = stats.finished_runs_today ? ` · ${Math.round(stats.success_rate * 100)}% succeeded` : "";
  return `${jobs} · ${plural(stats.total_runs_today, "run")} today${rate}${spend}`;
}

/** A job's agent spend over the stats window (30 UTC days and this month). */
function spendCell(entry) {
  if (!entry || !entry.tokens) return h("span", { class: "muted" }, "—");
  const cost = money(entry.cost_usd, { unpricedTokens: entry.unpriced_tokens, tokens: entry.tokens });
  return h("span", { title: `${entry.tokens.toLocaleString("en")} tokens, ${entry.tokens_today.toLocaleString("en")} today (UTC)` }, `${cost} · ${tokens(entry.tokens)}`);
}

/** The job's state as a badge; an active job that is failing is not shown in healthy green. */
function stateBadge(job) {
  const el = badge(job.status);
  if (job.health === "failing") el.classList.add("quiet");
  return el;
}

/** What a strip square says on hover: "Failed · Tue, 4 Dec, 01:02 · manual · GET … 500". */
function runTitle(run) {
  const at = run.completed_at || run.started_at || run.scheduled_for;
  const words = [OUTCOME_WORDS[run.status] || run.status, at ? when(at) : null, run.trigger + (run.attempt > 1 ? ` (attempt ${run.attempt})` : ""), run.error].filter(Boolean);
  return words.join(" · ");
}

/** The job's recent runs as squares, oldest on the left, the newest on the right. */
export function runStrip(runs, jobId) {
  const list = [...(runs || [])].reverse();
  const label = list.length ? `Last ${plural(list.length, "run")}, oldest first: ${list.map((r) => (OUTCOME_WORDS[r.status] || r.status).toLowerCase()).join(", ")}` : "No runs yet";
  return h(
    "span",
    { class: "strip", role: "img", "aria-label": label },
    list.map((run) => h("a", { class: ["tick", "run-" + run.status.replace(/[^a-z_]/g, "")], href: `#/jobs/${encode(jobId)}`, title: runTitle(run), "aria-hidden": "true", tabindex: "-1" })),
  );
}

/** Health at a glance: failing (with the streak), or the last outcome and when, and the strip. */
function healthCell(job) {
  const last = job.recent_runs?.find((r) => r.status !== "running");
  const at = last && (last.completed_at || last.started_at);
  let head;
  if (job.health === "failing") {
    const streak = job.consecutive_failures || 1;
    head = h("span", { class: "health failing", title: last?.error || "" }, "Failing", h("span", { class: "streak" }, ` · ${plural(streak, "failure")} in a row`));
  } else if (job.health === "new" && !job.recent_runs?.length) {
    head = h("span", { class: "health new" }, "No runs yet");
  } else {
    const outcome = job.last_outcome || last?.status;
    head = h("span", { class: ["health", outcome === "succeeded" ? "passing" : "other"] }, OUTCOME_WORDS[outcome] || "Running");
  }
  return [
    h("div", { class: "health-line" }, head, at ? h("time", { class: "muted small ago", datetime: at, title: `${when(at)} (${viewerZone})` }, ago(at)) : null),
    job.recent_runs?.length ? runStrip(job.recent_runs, job.id) : null,
  ];
}

/** Why a key may see no jobs: each owner sees only its own (filled in from GET /me). */
function ownerNote() {
  const note = h("p", { class: "muted small owner-note" });
  whoAmI().then((me) => {
    if (me) put(note, "This key (", h("strong", null, me.key_name || me.key_id), ") acts as owner ", h("code", null, me.owner), " and sees that owner's jobs only. Jobs made with a key of another owner are not shown here.");
  }, () => null);
  return note;
}

function jobsTable(page, state, reload, pick, spent) {
  if (!page.jobs.length) {
    if (state.health === "failing" && !(state.q || state.status || state.tag)) return h("div", { class: "empty all-well" }, "No job is failing.");
    const filtered = state.q || state.status || state.tag || state.health;
    return h("div", { class: "empty" }, filtered ? "No job matches these filters." : "No jobs yet. ", filtered ? null : [link("/jobs/new", "Create the first one"), ownerNote()]);
  }
  // the last run is in the health cell ("Failed 5 min ago", the instant on hover)
  const columns = ["Name", "Health", "Status", "Schedule", "Next run", "Runs", "Agent spend", ""];
  const head = h("tr", null, columns.map((t) => h("th", { scope: "col" }, t)));
  const cell = (i, props, ...content) => h("td", { ...props, dataset: { ...(props?.dataset || {}), label: columns[i] } }, ...content);
  const rows = page.jobs.map((job) => {
    const zone = job.schedule?.timezone;
    return h(
      "tr",
      { class: ["job-row", job.health === "failing" && "failing"], dataset: { jobId: job.id, health: job.health || "" } },
      cell(0, { class: "name" }, link(`/jobs/${encode(job.id)}`, job.name, { class: "job-link" }), " ", tagList(job.tags, (t) => pick({ tag: t }))),
      cell(1, { class: "health-cell" }, healthCell(job)),
      cell(2, { class: "state" }, stateBadge(job)),
      cell(3, { class: "schedule" }, scheduleSummary(job)),
      cell(4, { class: "next" }, job.status === "active" ? timeEl(job.next_run_at, zone) : h("span", { class: "muted" }, "—")),
      cell(5, { class: "num runs" }, job.run_count.toLocaleString("en")),
      cell(6, { class: "spend num", dataset: { jobId: job.id } }, spendCell(spent.get(job.id))),
      cell(7, { class: "actions-cell" }, actionButtons(job, reload)),
    );
  });
  return [
    h("table", { class: "jobs" }, h("thead", null, head), h("tbody", null, rows)),
    pager({ offset: state.offset, limit: PAGE, count: page.count, onPage: (offset) => pick({ offset }) }),
  ];
}

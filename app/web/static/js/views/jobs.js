// The jobs list: filters, search, sort and paging are the API's own query parameters.

import { api } from "../api.js";
import { encode, h, link, put } from "../dom.js";
import { replaceQuery } from "../router.js";
import { timeEl } from "../time.js";
import { badge, confirmAction, debounce, errorText, every, notify, pager, tagList } from "../ui.js";
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
];
const STATUSES = ["active", "paused", "completed", "failed"];

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
    api("/stats", { signal }).then(
      (stats) => {
        if (!stats || mine !== loads) return;
        put(summary, statsLine(stats));
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
  const tag = h("input", { type: "text", placeholder: "Tag", value: state.tag, "aria-label": "Tag", class: "narrow" });
  const sort = h("select", { "aria-label": "Sort by" }, SORTS.map(([value, text]) => h("option", { value }, `Sort: ${text}`)));
  const order = h("button", { type: "button", class: "ghost", title: "Reverse the order" });
  const syncControls = () => {
    search.value = state.q;
    status.value = state.status;
    tag.value = state.tag;
    sort.value = state.sort;
    order.textContent = state.order === "asc" ? "↑ Ascending" : "↓ Descending";
  };
  syncControls();
  search.addEventListener("input", debounce(() => pick({ q: search.value.trim() }), 300));
  tag.addEventListener("input", debounce(() => pick({ tag: tag.value.trim() }), 300));
  status.addEventListener("change", () => pick({ status: status.value }));
  sort.addEventListener("change", () => pick({ sort: sort.value }));
  order.addEventListener("click", () => pick({ order: state.order === "asc" ? "desc" : "asc" }));

  put(
    main,
    h("div", { class: "page-head" }, h("h1", null, "Jobs"), summary, h("span", { class: "spacer" }), link("/jobs/new", "New job", { class: "button" })),
    h("div", { class: "toolbar" }, search, status, tag, sort, order),
    body,
  );
  // next/last run times and counts move on by themselves: keep the list fresh
  every(15000, reload, signal);
}

function statsLine(stats) {
  const jobs = `${stats.total_jobs} jobs · ${stats.active_jobs} active`;
  const today = stats.spend?.today;
  const spend = today?.tokens ? ` · agents ${money(today.cost_usd, { unpricedTokens: today.unpriced_tokens, tokens: today.tokens })} today` : "";
  if (!stats.total_runs_today) return `${jobs} · no runs today${spend}`;
  const rate = stats.success_rate === null || stats.success_rate === undefined ? "" : ` · ${Math.round(stats.success_rate * 100)}% succeeded`;
  return `${jobs} · ${stats.total_runs_today} runs today${rate}${spend}`;
}

/** A job's agent spend over the stats window (30 UTC days and this month). */
function spendCell(entry) {
  if (!entry || !entry.tokens) return h("span", { class: "muted" }, "—");
  const cost = money(entry.cost_usd, { unpricedTokens: entry.unpriced_tokens, tokens: entry.tokens });
  return h("span", { title: `${entry.tokens.toLocaleString("en")} tokens, ${entry.tokens_today.toLocaleString("en")} today (UTC)` }, `${cost} · ${tokens(entry.tokens)}`);
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
    const filtered = state.q || state.status || state.tag;
    return h("div", { class: "empty" }, filtered ? "No job matches these filters." : "No jobs yet. ", filtered ? null : [link("/jobs/new", "Create the first one"), ownerNote()]);
  }
  const head = h("tr", null, ["Name", "Status", "Schedule", "Next run", "Last run", "Runs", "Agent spend", ""].map((t) => h("th", { scope: "col" }, t)));
  const rows = page.jobs.map((job) => {
    const zone = job.schedule?.timezone;
    return h(
      "tr",
      { dataset: { jobId: job.id } },
      h("td", { class: "name" }, link(`/jobs/${encode(job.id)}`, job.name, { class: "job-link" }), " ", tagList(job.tags, (t) => pick({ tag: t }))),
      h("td", null, badge(job.status)),
      h("td", { class: "schedule" }, scheduleSummary(job)),
      h("td", null, job.status === "active" ? timeEl(job.next_run_at, zone) : h("span", { class: "muted" }, "—")),
      h("td", null, timeEl(job.last_run_at, zone)),
      h("td", { class: "num" }, String(job.run_count)),
      h("td", { class: "spend num", dataset: { jobId: job.id } }, spendCell(spent.get(job.id))),
      h("td", null, actionButtons(job, reload)),
    );
  });
  return [
    h("table", { class: "jobs" }, h("thead", null, head), h("tbody", null, rows)),
    pager({ offset: state.offset, limit: PAGE, count: page.count, onPage: (offset) => pick({ offset }) }),
  ];
}

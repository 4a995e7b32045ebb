// One job: what it is, when it runs next, how it has been doing, and its runs.

import { api } from "../api.js";
import { chartBlock, durationChart, outcomeChart } from "../chart.js";
import { encode, h, link, put } from "../dom.js";
import { renderMarkdown } from "../markdown.js";
import { validateQuery } from "../schedulebox.js";
import { go } from "../router.js";
import { spendChart, spendLine } from "../spend.js";
import { duration, timeEl, viewerZone } from "../time.js";
import { badge, errorText, every, notify, pager, plural, tagList } from "../ui.js";
import { actionSummary, deliverySummary, retrySummary, scheduleSummary, scheduleText } from "./jobbits.js";
import { jobAction } from "./jobs.js";
import { tryIt } from "./tryit.js";
import { warningBox } from "./warnings.js";

const RUNS_PAGE = 20;
const LIVE = new Set(["queued", "running"]);
const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled", "timed_out", "skipped"];

export async function jobView(main, { params, signal }) {
  const id = encode(params.id);
  let job = await api(`/jobs/${id}`, { signal });
  const head = h("div", { class: "page-head" });
  const streak = h("div", { class: "streak-slot" });
  const details = h("dl", { class: "details" });
  const upcoming = h("ol", { class: "upcoming" });
  const upcomingTitle = h("span", null, "Next runs");
  const stats = h("div", { class: "stats" });
  const runs = h("div", { class: "runs" });
  const runState = { status: "", offset: 0, open: new Set() };
  const trial = job.action === "agent" ? tryIt(job, { after: () => loadStats() }) : null;

  const refreshJob = async () => {
    job = await api(`/jobs/${id}`, { signal });
    drawHead();
    drawDetails();
  };
  const afterAction = async () => {
    await refreshJob();
    poller.now();
  };
  const drawHead = () => {
    drawStreak();
    put(
      head,
      h("h1", null, job.name),
      healthBadge(job),
      h("span", { class: "spacer" }),
      h(
        "span",
        { class: "row-actions" },
        h("button", { type: "button", dataset: { action: "trigger" }, onclick: () => jobAction(job, "trigger", { after: afterAction }) }, "Run now"),
        trial?.button,
        job.status === "paused"
          ? h("button", { type: "button", class: "ghost", dataset: { action: "resume" }, onclick: () => jobAction(job, "resume", { after: afterAction }) }, "Resume")
          : job.status === "active"
            ? h("button", { type: "button", class: "ghost", dataset: { action: "pause" }, onclick: () => jobAction(job, "pause", { after: afterAction }) }, "Pause")
            : null,
        link(`/jobs/${id}/edit`, "Edit", { class: "button ghost" }),
        h(
          "button",
          { type: "button", class: "ghost danger-text", dataset: { action: "delete" }, onclick: async () => (await jobAction(job, "delete")) && go("/jobs") },
          "Delete",
        ),
      ),
    );
  };
  /** The current failure streak, above everything: how long, since when, and the last error. */
  const drawStreak = () => {
    if (job.health !== "failing") return put(streak);
    const count = job.consecutive_failures || 1;
    const showFailed = h("button", { type: "button", class: "link", onclick: () => ((statusFilter.value = "failed"), statusFilter.dispatchEvent(new Event("change"))) }, "Show the failed runs");
    put(
      streak,
      h(
        "div",
        { class: "streak-banner", role: "status" },
        h("strong", null, "Failing"),
        h("span", { class: "streak-count" }, count === 1 ? "Its last run failed." : `Its last ${count.toLocaleString("en")} runs failed in a row.`),
        job.last_run_at ? h("span", { class: "muted" }, "Last run ", timeEl(job.last_run_at, job.schedule?.timezone)) : null,
        showFailed,
        runState.lastError ? h("span", { class: "error-text" }, runState.lastError) : null,
      ),
    );
  };
  const warned = h("div", { class: "job-warnings-slot" });
  const drawDetails = () => {
    put(warned, warningBox(job.warnings)); // what stops it from running as configured here
    const zone = job.schedule?.timezone;
    const rows = [
      ["Schedule", h("span", null, scheduleSummary(job), job.schedule ? h("code", { class: "raw" }, `${scheduleText(job.schedule)} · ${zone || "UTC"}`) : null)],
      job.schedule?.type === "rrule" ? ["Rule starts", timeEl(job.schedule.start_at, zone, { beside: true })] : null,
      ["Action", actionSummary(job)],
      job.goal ? ["Goal", h("div", { class: "goal" }, job.goal)] : null,
      job.description ? ["Description", job.description] : null,
      ["Delivery", deliverySummary(job.delivery)],
      job.condition ? ["Condition", h("code", null, job.condition.expression)] : null,
      ["Retry", retrySummary(job.retry)],
      ["Timeout", job.timeout_seconds ? duration(job.timeout_seconds) : "none"],
      ["Overlap", job.overlap],
      ["Tags", job.tags.length ? tagList(job.tags, (t) => go(`/jobs?tag=${encodeURIComponent(t)}`)) : "none"],
      ["Next run", job.status === "active" ? timeEl(job.next_run_at, zone, { beside: true }) : h("span", { class: "muted" }, `none (${job.status})`)],
      ["Last run", timeEl(job.last_run_at, zone, { beside: true })],
      ["Runs", `${job.run_count.toLocaleString("en")}${job.consecutive_failures ? ` (${plural(job.consecutive_failures, "failure")} in a row)` : ""}`],
      ["Id", h("code", null, job.id)],
    ];
    put(details, rows.filter(Boolean).map(([term, value]) => [h("dt", null, term), h("dd", null, value)]));
    drawUpcoming();
  };
  const drawUpcoming = async () => {
    const times = await nextRuns(job, signal).catch((error) => error);
    if (times instanceof Error) return put(upcoming, h("li", { class: "muted" }, errorText(times)));
    put(upcomingTitle, times.list.length === 1 ? "Next run" : times.list.length ? `Next ${times.list.length} runs` : "Next runs");
    if (!times.list.length) return put(upcoming, h("li", { class: "muted" }, times.empty));
    put(upcoming, times.list.map((at) => h("li", null, timeEl(at, job.schedule.timezone, { beside: true }))), times.note ? h("li", { class: "muted note" }, times.note) : null);
  };

  const poller = every(
    5000,
    async () => {
      const page = await api(`/jobs/${id}/runs`, { query: { status: runState.status, limit: RUNS_PAGE, offset: runState.offset }, signal });
      drawRuns(runs, page, job, runState, () => poller.now());
      // the streak banner quotes the newest failure's error when this page shows it
      const error = page.runs.find((r) => r.status === "failed" || r.status === "timed_out")?.error || null;
      if (error !== runState.lastError && (!runState.status || runState.status === "failed")) {
        runState.lastError = error;
        drawStreak();
      }
      // a run appeared or changed status: the job's counters and the stats moved too
      const seen = page.runs.map((r) => r.id + r.status).join();
      if (runState.seen !== undefined && seen !== runState.seen) {
        // not awaited (the runs are drawn): a refresh cut short because the viewer moved on is
        // no error, and must not be left as an uncaught rejection
        refreshJob().then(loadStats, (error) => error.name !== "AbortError" && console.warn("refresh failed:", error.message));
      }
      runState.seen = seen;
      const live = page.runs.some((r) => LIVE.has(r.status));
      return live ? 700 : 5000; // follow a live run closely, otherwise idle along
    },
    signal,
  );
  const loadStats = async () => {
    try {
      drawStats(stats, await api(`/jobs/${id}/stats`, { signal }));
    } catch (error) {
      if (error.name !== "AbortError") put(stats, h("p", { class: "failure" }, errorText(error)));
    }
  };
  const statusFilter = h("select", { "aria-label": "Run status" }, h("option", { value: "" }, "All runs"), RUN_STATUSES.map((s) => h("option", { value: s }, s)));
  statusFilter.addEventListener("change", () => {
    runState.status = statusFilter.value;
    runState.offset = 0;
    poller.now();
  });
  runState.page = (offset) => {
    runState.offset = offset;
    poller.now();
  };

  drawHead();
  drawDetails();
  put(
    main,
    h("p", { class: "crumbs" }, link("/jobs", "‹ Jobs")),
    head,
    streak,
    warned,
    h(
      "div",
      { class: "columns" },
      h("section", { class: "card" }, h("h2", null, "Job"), details),
      h("section", { class: "card" }, h("h2", null, upcomingTitle, " ", h("span", { class: "muted small" }, `in your time (${viewerZone})`)), upcoming),
    ),
    trial?.panel,
    h("section", { class: "card" }, h("h2", null, "Last 30 days"), stats),
    h("section", { class: "card" }, h("div", { class: "section-head" }, h("h2", null, "Runs"), statusFilter), runs),
  );
  loadStats();
}

/** The next 10 fire times: the engine's own list (calendar-data honours exclusions). */
async function nextRuns(job, signal) {
  if (!job.schedule) return { list: [], empty: "No schedule: this job runs only when triggered." };
  if (job.status === "active") {
    const start = new Date();
    const end = new Date(start.getTime() + 92 * 86400_000);
    const data = await api("/calendar-data", {
      query: { job_id: job.id, start: start.toISOString(), end: end.toISOString(), timezone: job.schedule.timezone || "UTC", limit: 10 },
      signal,
    });
    const list = data.events.map((e) => e.at);
    return { list, empty: "No runs in the next 92 days.", note: list.length < 10 && list.length ? "That is all within the next 92 days." : null };
  }
  if (job.status !== "paused") return { list: [], empty: `None: the job is ${job.status}.` };
  const data = await api("/validate", { query: validateQuery(job.schedule, 10), signal });
  return { list: data.next_runs || [], empty: "It would not fire again.", note: "Paused: these are the times it would run once resumed." };
}

/** The job's state; an active job that is failing says "failing", never a healthy green. */
function healthBadge(job) {
  if (job.health !== "failing") return badge(job.status);
  const state = badge(job.status);
  state.classList.add("quiet");
  return h("span", { class: "badges" }, h("span", { class: "health-badge" }, "failing"), " ", state);
}

function drawStats(box, stats) {
  const pct = (v) => (v === null || v === undefined ? "—" : `${Math.round(v * 100)}%`);
  const card = (label, value) => h("div", { class: "stat" }, h("span", { class: "label" }, label), h("strong", null, value));
  put(
    box,
    h(
      "div",
      { class: "stat-row" },
      card("Success rate", stats.finished_runs ? pct(stats.success_rate) : "—"),
      card("Runs", String(stats.total_runs)),
      card("Median duration", stats.timed_runs ? duration(stats.p50_duration_seconds) : "—"),
      card("p95 duration", stats.timed_runs ? duration(stats.p95_duration_seconds) : "—"),
      card("Last success", stats.last_success_at ? timeEl(stats.last_success_at) : "never"),
      card("Last failure", stats.last_failure_at ? timeEl(stats.last_failure_at) : "never"),
    ),
    stats.daily?.some((d) => d.succeeded || d.failed)
      ? h("div", { class: "charts" }, chartBlock("Runs per day (green succeeded, red failed)", outcomeChart(stats.daily)), chartBlock("Average duration", durationChart(stats.daily)))
      : h("p", { class: "muted" }, "No succeeded or failed runs in this window yet."),
    spendBlock(stats.spend),
  );
}

/** What the job's agent runs (and dry runs) spent: today, the window, per day. */
function spendBlock(spend) {
  if (!spend) return null;
  const window = spend.daily.reduce(
    (sum, d) => ({
      tokens: sum.tokens + d.tokens,
      cost_usd: sum.cost_usd + d.cost_usd,
      unpriced_tokens: sum.unpriced_tokens + d.unpriced_tokens,
      estimated_tokens: sum.estimated_tokens + d.estimated_tokens,
    }),
    { tokens: 0, cost_usd: 0, unpriced_tokens: 0, estimated_tokens: 0 },
  );
  const card = (label, value) => h("div", { class: "stat" }, h("span", { class: "label" }, label), h("strong", null, value));
  const budget = spend.budget || {};
  const limits = [
    budget.max_tokens_per_run ? `${budget.max_tokens_per_run.toLocaleString("en")} tokens a run` : null,
    budget.max_tokens_per_day ? `${budget.max_tokens_per_day.toLocaleString("en")} a day` : null,
  ].filter(Boolean);
  return h(
    "div",
    { class: "spend", dataset: { spend: "" } },
    h("h3", null, "Agent spend"),
    h(
      "div",
      { class: "stat-row" },
      card("Today (UTC)", spendLine(spend.today)),
      card("Last 30 days", spendLine(window)),
      card("Job budget", limits.length ? limits.join(", ") : "the agent's limits"),
    ),
    spend.daily.length ? spendChart(spend.daily) : null,
  );
}

function drawRuns(box, page, job, state, refresh) {
  if (!page.runs.length) {
    put(box, h("p", { class: "empty" }, state.status ? `No ${state.status} runs.` : "No runs yet. “Run now” starts one."));
    return;
  }
  const zone = job.schedule?.timezone;
  const head = h("tr", null, ["Status", "Trigger", "Scheduled for", "Started", "Duration", "Error", ""].map((t) => h("th", { scope: "col" }, t)));
  const rows = [];
  for (const run of page.runs) {
    const open = state.open.has(run.id);
    const toggle = () => {
      if (open) state.open.delete(run.id);
      else state.open.add(run.id);
      refresh();
    };
    const late = run.started_at && run.scheduled_for ? (new Date(run.started_at) - new Date(run.scheduled_for)) / 1000 : null;
    rows.push(
      h(
        "tr",
        { class: ["run", open && "open"], dataset: { runId: run.id, status: run.status } },
        h("td", null, badge(run.status), run.attempt > 1 ? h("span", { class: "muted small" }, ` attempt ${run.attempt}`) : null),
        h("td", { class: "trigger" }, run.trigger),
        h("td", { dataset: { label: "Scheduled" } }, timeEl(run.scheduled_for, zone)),
        h("td", { dataset: { label: "Started" } }, timeEl(run.started_at, zone), late !== null && late > 1 ? h("span", { class: "muted small" }, ` +${duration(late)}`) : null),
        h("td", { class: "num", dataset: { label: "Took" } }, duration(run.duration_seconds)),
        h("td", { class: "error-cell" }, run.error || run.reason || ""),
        h(
          "td",
          null,
          h(
            "span",
            { class: "row-actions" },
            LIVE.has(run.status) ? h("button", { type: "button", class: "ghost danger-text", dataset: { action: "cancel" }, onclick: () => cancelRun(job, run, refresh) }, "Cancel") : null,
            h("button", { type: "button", class: "ghost", "aria-expanded": String(open), onclick: toggle }, open ? "Hide" : "Details"),
          ),
        ),
      ),
    );
    if (open) rows.push(h("tr", { class: "run-detail" }, h("td", { colspan: 7 }, runDetail(run))));
  }
  put(
    box,
    h("table", { class: "runs-table" }, h("thead", null, head), h("tbody", null, rows)),
    pager({ offset: state.offset, limit: RUNS_PAGE, count: page.count, onPage: state.page }),
  );
}

async function cancelRun(job, run, refresh) {
  try {
    await api(`/jobs/${encode(job.id)}/runs/${encode(run.id)}/cancel`, { method: "POST" });
    notify(`Cancelling run ${run.id}.`);
  } catch (error) {
    notify(`Could not cancel: ${errorText(error)}`, { error: true });
  }
  refresh();
}

function runDetail(run) {
  const parts = [];
  if (run.error) parts.push(h("div", { class: "failure" }, h("strong", null, "Error: "), run.error));
  if (run.reason) parts.push(h("p", { class: "muted" }, `Reason: ${run.reason}`));
  parts.push(h("h3", null, "Output"), run.output ? renderMarkdown(run.output) : h("p", { class: "muted" }, "No output."));
  if (run.data && Object.keys(run.data).length) parts.push(h("h3", null, "Data"), h("pre", { class: "data" }, JSON.stringify(run.data, null, 2)));
  if (run.condition_met !== null && run.condition_met !== undefined) {
    parts.push(h("p", null, `Condition ${run.condition_met ? "met: delivered" : "not met: not delivered"}.`));
  }
  const delivery = Object.entries(run.delivery || {});
  parts.push(h("h3", null, "Delivery"));
  parts.push(
    delivery.length
      ? h(
          "ul",
          { class: "delivery" },
          delivery.map(([channel, info]) =>
            h("li", null, h("code", null, channel), " ", badge(info?.status || String(info)), info?.error ? h("span", { class: "muted" }, ` ${info.error}`) : null),
          ),
        )
      : h("p", { class: "muted" }, "Nothing to deliver."),
  );
  const facts = [
    ["Run", run.id],
    ["Created", run.created_at],
    ["Completed", run.completed_at],
    run.retry_of ? ["Retry of", run.retry_of] : null,
    run.chain_run_id ? ["Chain run", run.chain_run_id] : null,
    run.usage ? ["Usage", JSON.stringify(run.usage)] : null,
  ].filter(Boolean);
  parts.push(h("dl", { class: "facts" }, facts.map(([k, v]) => [h("dt", null, k), h("dd", null, v ? (k === "Created" || k === "Completed" ? timeEl(v) : v) : "—")])));
  return h("div", { class: "run-body" }, parts);
}

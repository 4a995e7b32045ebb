// How a job's parts read on screen: its schedule, its action, its delivery.

import { h } from "../dom.js";

export function scheduleText(schedule) {
  if (!schedule) return "";
  if (schedule.type === "cron") return schedule.expression;
  if (schedule.type === "every") return `every ${schedule.interval} s`;
  if (schedule.type === "at") return `once at ${schedule.datetime}`;
  if (schedule.type === "rrule") return schedule.rule;
  return JSON.stringify(schedule);
}

/** The schedule in words, with the raw schedule and its zone on hover. */
export function scheduleSummary(job) {
  if (!job.schedule) return h("span", { class: "muted" }, "on demand only");
  const raw = `${scheduleText(job.schedule)} (${job.schedule.timezone || "UTC"})`;
  return h("span", { title: raw }, job.schedule_description || raw);
}

export function actionSummary(job) {
  if (job.action === "http" && job.http) return `HTTP ${job.http.method || "GET"} ${job.http.url}`;
  if (job.action === "noop") return "no-op (does nothing, succeeds)";
  if (job.action === "sql" && job.sql) {
    const what = job.sql.procedure ? `CALL ${job.sql.procedure}` : job.sql.statement;
    return `SQL on ${job.sql.connection}${job.sql.read_only === false ? "" : " (read-only)"}: ${what}`;
  }
  if (job.action === "python" && job.python) return `Python ${job.python.function}, with the job's payload`;
  if (job.action === "command" && job.command) return `command ${[job.command.name, ...(job.command.args || [])].join(" ")}`;
  if (job.action === "file" && job.file) {
    const to = job.file.to ? ` → ${job.file.to_root || job.file.root}:${job.file.to}` : "";
    return `file ${job.file.operation} ${job.file.root}:${job.file.path}${to}`;
  }
  return `agent ${job.agent_id || "default"}`;
}

export function deliverySummary(delivery) {
  if (!delivery) return "none";
  const channels = delivery.channels?.length ? delivery.channels : delivery.channel ? [delivery.channel] : [];
  if (!channels.length) return "none";
  return `${channels.join(", ")} (${delivery.format || "markdown"}${delivery.muted ? ", muted" : ""})`;
}

export function retrySummary(retry) {
  if (!retry) return "no retries";
  const cap = retry.max_delay ? `, at most ${retry.max_delay} s` : "";
  return `${retry.max_attempts} attempts, ${retry.strategy} from ${retry.base_delay} s${cap}`;
}

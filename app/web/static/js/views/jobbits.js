// How a job's parts read on screen: its schedule, its action, its delivery.

import { h } from "../dom.js";
import { plural } from "../ui.js";

// the largest unit that divides an interval evenly is the one it is shown in
export const UNITS = [
  [604800, "weeks"],
  [86400, "days"],
  [3600, "hours"],
  [60, "minutes"],
  [1, "seconds"],
];

/** 1209600 -> {count: 2, unit: 604800}; 45 -> {count: 45, unit: 1}. */
export function intervalParts(seconds) {
  const n = Number(seconds);
  if (!Number.isInteger(n) || n <= 0) return { count: seconds ?? "", unit: 1 };
  const [unit] = UNITS.find(([size]) => n % size === 0);
  return { count: n / unit, unit };
}

/** "1209600" -> "2 weeks"; "45" -> "45 seconds". */
export function intervalText(seconds) {
  const { count, unit } = intervalParts(seconds);
  const name = UNITS.find(([size]) => size === unit)[1];
  return `${count} ${count === 1 ? name.slice(0, -1) : name}`;
}

export function scheduleText(schedule) {
  if (!schedule) return "";
  if (schedule.type === "cron") return schedule.expression;
  if (schedule.type === "every") {
    const readable = intervalText(schedule.interval);
    return readable.endsWith(" seconds") || readable.endsWith(" second") ? `every ${schedule.interval} s` : `every ${readable} (${schedule.interval} s)`;
  }
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
  return `${plural(retry.max_attempts, "attempt")}, ${retry.strategy} from ${retry.base_delay} s${cap}`;
}

// The engine strip under the header: is it running, on how many instances, how long is the
// queue and how late are runs starting. From GET /status, refreshed every few seconds.

import { api } from "./api.js";
import { h, put } from "./dom.js";
import { ago, duration } from "./time.js";
import { every, plural } from "./ui.js";

function item(label, value, { warn = false, title } = {}) {
  return h("span", { class: ["item", warn && "warn"], title }, h("span", { class: "label" }, label), " ", h("strong", null, value));
}

export function renderStatus(strip, status) {
  const instances = status.instances || [];
  const lateness = Number(status.lateness_seconds || 0);
  const running = Boolean(status.running);
  strip.classList.toggle("down", !running);
  put(
    strip,
    h("span", { class: ["dot", running ? "up" : "down"], "aria-hidden": "true" }),
    item("Engine", running ? "running" : "stopped", { warn: !running }),
    item("Instances", String(instances.length), {
      title: instances.map((i) => `${i.hostname} pid ${i.pid}: ${(i.roles || []).join("+")}, heartbeat ${ago(i.heartbeat_at)}`).join("\n"),
    }),
    item("Queued", String(status.queued ?? 0), { warn: (status.queued ?? 0) > 100 }),
    item("Running", String(status.running_runs ?? 0)),
    item("Lateness", duration(lateness), { warn: lateness > 60, title: "How long the oldest due run has waited to start" }),
    status.last_tick_at ? item("Last tick", ago(status.last_tick_at), { title: `${plural(status.jobs_checked_last_tick ?? 0, "job")} checked` }) : null,
  );
}

/** Keep `strip` up to date until `signal` aborts. */
export function watchEngine(strip, signal) {
  strip.hidden = false;
  every(
    5000,
    async () => {
      if (document.visibilityState === "hidden") return 15000;
      try {
        renderStatus(strip, await api("/status", { signal }));
      } catch (error) {
        if (error?.name === "AbortError") throw error;
        strip.classList.add("down");
        put(strip, h("span", { class: "dot down" }), item("Engine", "status unavailable", { warn: true, title: error.message }));
      }
    },
    signal,
  );
}

// "Try it": run an agent job once now, as a dry run — no tool that sends data out, nothing
// delivered, no run recorded — and show what came back, what the agent did, and its cost.

import { api } from "../api.js";
import { encode, h, put } from "../dom.js";
import { renderMarkdown } from "../markdown.js";
import { money, tokens } from "../spend.js";
import { badge, errorText } from "../ui.js";

/** A button and the panel it fills; `after` runs when a try has finished (spend moved). */
export function tryIt(job, { after } = {}) {
  const panel = h("section", { class: "card try-it", hidden: true, "aria-live": "polite" });
  const button = h("button", { type: "button", class: "ghost", dataset: { action: "try" }, title: "Run the agent once now: nothing is delivered or recorded" }, "Try it");
  button.addEventListener("click", async () => {
    button.disabled = true;
    panel.hidden = false;
    put(panel, h("h2", null, "Try it"), h("p", { class: "muted loading" }, "Asking the agent… (a dry run: nothing is sent or delivered; up to 2 minutes)"));
    try {
      const result = await api(`/jobs/${encode(job.id)}/dry-run`, { method: "POST" });
      put(panel, h("h2", null, "Try it"), dryRunBody(result));
      after?.();
    } catch (error) {
      put(panel, h("h2", null, "Try it"), h("div", { class: "failure" }, h("strong", null, "Could not try it: "), errorText(error)));
    } finally {
      button.disabled = false;
    }
  });
  return { button, panel };
}

export function dryRunBody(result) {
  const parts = [];
  const status = result.ok ? "succeeded" : result.skipped ? "skipped" : "failed";
  parts.push(h("p", null, badge(status), " ", h("span", { class: "muted" }, "A dry run: nothing was delivered, no run was recorded, and no tool that sends data out was offered.")));
  if (result.error) parts.push(h("div", { class: "failure" }, h("strong", null, result.skipped ? "Not run: " : "Error: "), result.error));
  if (result.ok) {
    parts.push(h("h3", null, "Output"), result.output ? renderMarkdown(result.output) : h("p", { class: "muted" }, "No output."));
    if (result.data && Object.keys(result.data).length) parts.push(h("h3", null, "Data"), h("pre", { class: "data" }, JSON.stringify(result.data, null, 2)));
    if (result.condition) {
      const c = result.condition;
      parts.push(
        c.error
          ? h("p", { class: "failure" }, `Condition: ${c.error}`)
          : h("p", null, "Condition ", h("code", null, c.expression), c.met ? " held." : " did not hold."),
      );
    }
    parts.push(
      h(
        "p",
        { class: "muted" },
        result.would_deliver_to.length ? `A real run would deliver to ${result.would_deliver_to.join(", ")}.` : "A real run would deliver nothing.",
      ),
    );
  }
  const calls = result.tool_calls || [];
  parts.push(h("h3", null, `Tool calls (${calls.length})`));
  parts.push(
    calls.length
      ? h(
          "ol",
          { class: "tool-calls" },
          calls.map((call) =>
            h(
              "li",
              null,
              h("code", null, call.name),
              call.ok ? null : h("span", { class: "danger-text" }, " refused"),
              h("details", null, h("summary", null, "arguments and answer"), h("pre", { class: "data" }, call.arguments || "{}"), h("pre", { class: "data" }, call.answer)),
            ),
          ),
        )
      : h("p", { class: "muted" }, "None."),
  );
  const usage = result.usage;
  if (usage) {
    const cost = usage.priced ? money(usage.cost_usd) : "unpriced model";
    parts.push(
      h(
        "p",
        { class: "usage" },
        `${tokens(usage.total_tokens)} tokens${usage.estimated ? " (estimated: the server reports no usage)" : ""} · ${cost} · ${usage.steps} step${usage.steps === 1 ? "" : "s"} · ${usage.model}`,
      ),
    );
  }
  return h("div", { class: "run-body" }, parts);
}

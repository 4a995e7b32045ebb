// A job's `warnings`: what stops it from running as configured on this service (no LLM, no
// Slack token, a private address refused). The job is saved all the same; these say why its
// runs would fail, plainly, and are not errors.

import { h } from "../dom.js";
import { plural } from "../ui.js";

/** The warnings box for a job page or form; null when there are none. */
export function warningBox(warnings, { intro } = {}) {
  if (!warnings?.length) return null;
  return h(
    "div",
    { class: "job-warnings", role: "status" },
    h("p", { class: "warnings-head" }, h("span", { class: "icon", "aria-hidden": "true" }, "⚠"), " ", intro || `This job cannot run as configured here (${plural(warnings.length, "warning")}):`),
    h(
      "ul",
      null,
      warnings.map((w) => h("li", { class: "job-warning", dataset: { field: w.field || "", code: w.code || "" } }, w.field ? h("code", null, w.field) : null, w.field ? ": " : null, w.reason)),
    ),
  );
}

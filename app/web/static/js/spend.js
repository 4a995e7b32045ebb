// What agents spend, in words people read: tokens, dollars, and whether a price is known.

import { h, s } from "./dom.js";

/** "$0.12", "$0.0009", "$12.30"; "unpriced" when none of the tokens had a price. */
export function money(usd, { unpricedTokens = 0, tokens = 0 } = {}) {
  if (tokens && unpricedTokens >= tokens) return "unpriced";
  const value = Number(usd) || 0;
  const text = value === 0 || value >= 1 ? `$${value.toFixed(2)}` : `$${value.toPrecision(2).replace(/0+$/, "")}`;
  return unpricedTokens ? `${text} + unpriced` : text;
}

/** "950", "12.3k", "1.2M" tokens. */
export function tokens(n) {
  const value = Number(n) || 0;
  if (value < 1000) return String(value);
  if (value < 1_000_000) return `${(value / 1000).toFixed(value < 10_000 ? 1 : 0)}k`;
  return `${(value / 1_000_000).toFixed(1)}M`;
}

/** One line for a spend total: "$0.12 · 40k tokens". */
export function spendLine(total) {
  if (!total || !total.tokens) return "none";
  const note = total.estimated_tokens ? " (some estimated)" : "";
  return `${money(total.cost_usd, { unpricedTokens: total.unpriced_tokens, tokens: total.tokens })} · ${tokens(total.tokens)} tokens${note}`;
}

const W = 520;
const H = 90;
const PAD = { left: 44, right: 8, top: 10, bottom: 22 };

/** Tokens per day as bars, the day's cost in each bar's tooltip. */
export function spendChart(daily) {
  const max = Math.max(1, ...daily.map((d) => d.tokens));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": "Agent tokens per day" });
  const bottom = H - PAD.bottom;
  svg.append(
    s("line", { x1: PAD.left, y1: bottom, x2: W - PAD.right, y2: bottom, class: "axis" }),
    s("text", { x: PAD.left - 4, y: PAD.top + 8, class: "tick", "text-anchor": "end" }, tokens(max)),
  );
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(daily.length, 1);
  const barW = Math.max(2, Math.min(28, step * 0.7));
  daily.forEach((day, i) => {
    const height = (day.tokens / max) * plotH;
    const x = PAD.left + i * step + (step - barW) / 2;
    svg.append(
      s(
        "g",
        { class: "bar" },
        s("title", null, `${day.date} (UTC): ${spendLine(day)}`),
        s("rect", { x, y: bottom - height, width: barW, height, class: "ok" }),
      ),
    );
  });
  if (daily.length) {
    svg.append(
      s("text", { x: PAD.left, y: H - 6, class: "tick" }, daily[0].date.slice(5)),
      s("text", { x: W - PAD.right, y: H - 6, class: "tick", "text-anchor": "end" }, daily.at(-1).date.slice(5)),
    );
  }
  return h("figure", { class: "chart-block" }, h("figcaption", null, "Agent tokens per day (UTC)"), svg);
}

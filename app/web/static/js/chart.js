// Two small SVG charts for a job's daily stats: outcomes per day (stacked bars) and the
// average duration per day (a line). Hand-drawn: no library, no inline styles.

import { h, s } from "./dom.js";
import { duration } from "./time.js";

const W = 520;
const H = 120;
const PAD = { left: 44, right: 8, top: 10, bottom: 22 };

function frame(title, maxLabel, days) {
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": title });
  const bottom = H - PAD.bottom;
  svg.append(
    s("line", { x1: PAD.left, y1: bottom, x2: W - PAD.right, y2: bottom, class: "axis" }),
    s("line", { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom, class: "axis" }),
    s("text", { x: PAD.left - 4, y: PAD.top + 8, class: "tick", "text-anchor": "end" }, maxLabel),
    s("text", { x: PAD.left - 4, y: bottom, class: "tick", "text-anchor": "end" }, "0"),
  );
  if (days.length) {
    svg.append(
      s("text", { x: PAD.left, y: H - 6, class: "tick" }, days[0].date.slice(5)),
      s("text", { x: W - PAD.right, y: H - 6, class: "tick", "text-anchor": "end" }, days.at(-1).date.slice(5)),
    );
  }
  return svg;
}

/** Stacked bars: succeeded (bottom) and failed (top) runs per day. */
export function outcomeChart(daily) {
  const max = Math.max(1, ...daily.map((d) => d.succeeded + d.failed));
  const svg = frame("Runs per day: succeeded and failed", String(max), daily);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(daily.length, 1);
  const barW = Math.max(2, Math.min(28, step * 0.7));
  daily.forEach((day, i) => {
    const x = PAD.left + i * step + (step - barW) / 2;
    const okH = (day.succeeded / max) * plotH;
    const badH = (day.failed / max) * plotH;
    const bottom = H - PAD.bottom;
    const rate = day.succeeded + day.failed ? `${Math.round(day.success_rate * 100)}%` : "—";
    const tip = s("title", null, `${day.date}: ${day.succeeded} succeeded, ${day.failed} failed (${rate})`);
    const group = s("g", { class: "bar" }, tip);
    if (okH) group.append(s("rect", { x, y: bottom - okH, width: barW, height: okH, class: "ok" }));
    if (badH) group.append(s("rect", { x, y: bottom - okH - badH, width: barW, height: badH, class: "bad" }));
    svg.append(group);
  });
  return svg;
}

/** The average duration of successful runs per day, as a line with a dot per day. */
export function durationChart(daily) {
  // a day's average is over its succeeded runs: a day without one has nothing to plot
  const points = daily.filter((d) => d.succeeded > 0);
  const max = Math.max(0.001, ...points.map((d) => d.avg_duration_seconds));
  const svg = frame("Average duration per day", duration(max), daily);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(daily.length, 1);
  const xy = (day) => [PAD.left + daily.indexOf(day) * step + step / 2, H - PAD.bottom - (day.avg_duration_seconds / max) * plotH];
  if (points.length > 1) {
    svg.append(s("polyline", { points: points.map((d) => xy(d).join(",")).join(" "), class: "line" }));
  }
  for (const day of points) {
    const [cx, cy] = xy(day);
    svg.append(s("circle", { cx, cy, r: 3, class: "dot" }, s("title", null, `${day.date}: ${duration(day.avg_duration_seconds)}`)));
  }
  return svg;
}

export function chartBlock(title, svg) {
  return h("figure", { class: "chart-block" }, h("figcaption", null, title), svg);
}

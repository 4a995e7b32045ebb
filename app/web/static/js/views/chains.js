// Chains: the list, and one chain drawn as a graph whose nodes carry the status of their
// job in the chain run being looked at (the latest by default).

import { api } from "../api.js";
import { encode, h, link, put, s } from "../dom.js";
import { go } from "../router.js";
import { timeEl } from "../time.js";
import { badge, confirmAction, errorText, every, notify, unavailable } from "../ui.js";

const NODE_W = 190;
const NODE_H = 52;
const GAP_X = 90;
const GAP_Y = 26;
const LIVE = new Set(["running", "queued", "pending"]);
const EDGE_WORDS = { on_success: "on success", on_failure: "on failure", on_complete: "always" };

const jobId = (j) => (typeof j === "string" ? j : j.id || j.job_id);

function nodeStatuses(run) {
  const raw = run.nodes || run.jobs || run.node_statuses || run.statuses || run.runs || {};
  const out = {};
  if (Array.isArray(raw)) {
    for (const n of raw) out[n.job_id || n.id] = { status: n.status, run_id: n.run_id, reason: n.reason };
  } else {
    for (const [id, v] of Object.entries(raw)) out[id] = typeof v === "string" ? { status: v } : { status: v?.status, run_id: v?.run_id, reason: v?.reason };
  }
  return out;
}

/**
 * The chain as {id, name, jobs: [{id, name, join}], edges: [{from, to, type}], runs}, newest
 * run first. `jobs` are ids; `nodes` (when sent) add each job's name and join rule.
 */
export function normalizeChain(body) {
  const nodes = new Map((body.nodes || []).map((n) => [jobId(n), n]));
  const jobs = (body.jobs || body.nodes || []).map((j) => {
    const node = nodes.get(jobId(j)) || (typeof j === "string" ? {} : j);
    return { id: jobId(j), name: node.name, join: node.join || body.joins?.[jobId(j)], jobStatus: node.status };
  });
  const edges = (body.edges || []).map((e) => ({ from: e.from || e.source || e.from_job_id, to: e.to || e.target || e.to_job_id, type: e.type || "on_success" }));
  const runs = (body.runs || body.recent_runs || body.chain_runs || [])
    .map((r) => ({ ...r, nodes: nodeStatuses(r), at: r.started_at || r.created_at || r.triggered_at }))
    .sort((a, b) => String(b.at || "").localeCompare(String(a.at || "")));
  return { ...body, jobs, edges, runs };
}

/** Longest-path layers from the roots; then each layer ordered by its parents' rows. */
export function layout(jobs, edges) {
  const ids = jobs.map((j) => j.id);
  const parents = new Map(ids.map((id) => [id, []]));
  for (const e of edges) parents.get(e.to)?.push(e.from);
  const layer = new Map();
  const depth = (id, seen = new Set()) => {
    if (layer.has(id)) return layer.get(id);
    if (seen.has(id)) return 0; // a cycle cannot be stored; never loop if one is shown anyway
    seen.add(id);
    const d = Math.max(-1, ...(parents.get(id) || []).filter((p) => parents.has(p)).map((p) => depth(p, seen))) + 1;
    layer.set(id, d);
    return d;
  };
  ids.forEach((id) => depth(id));
  const columns = [];
  for (const id of ids) (columns[layer.get(id)] ||= []).push(id);
  const row = new Map();
  columns.forEach((column) => {
    const weight = (id) => {
      const rows = (parents.get(id) || []).map((p) => row.get(p)).filter((r) => r !== undefined);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : 0;
    };
    column.sort((a, b) => weight(a) - weight(b));
    column.forEach((id, i) => row.set(id, i));
  });
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const position = new Map();
  columns.forEach((column, x) => {
    const offset = ((tallest - column.length) * (NODE_H + GAP_Y)) / 2;
    column.forEach((id, y) => position.set(id, { x: 10 + x * (NODE_W + GAP_X), y: 10 + offset + y * (NODE_H + GAP_Y) }));
  });
  return { position, width: 20 + columns.length * (NODE_W + GAP_X) - GAP_X, height: 20 + tallest * (NODE_H + GAP_Y) - GAP_Y };
}

function clip(text, n) {
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

export function chainGraph(chain, names, statuses) {
  const { position, width, height } = layout(chain.jobs, chain.edges);
  // edges that skip a column run underneath the graph instead of through the nodes between
  const skips = chain.edges.filter((e) => position.get(e.from) && position.get(e.to) && position.get(e.to).x - position.get(e.from).x > NODE_W + GAP_X);
  const total = height + (skips.length ? 24 + skips.length * 22 : 0);
  const w = Math.max(width, 200);
  const svg = s("svg", { class: "chain-graph", viewBox: `0 0 ${w} ${Math.max(total, 80)}`, width: w, role: "img", "aria-label": `Graph of ${chain.name || "the chain"}` });
  const defs = s("defs");
  for (const type of Object.keys(EDGE_WORDS)) {
    defs.append(s("marker", { id: `arrow-${type}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, s("path", { d: "M0,0 L10,5 L0,10 z", class: `arrow ${type}` })));
  }
  svg.append(defs);
  const pairs = new Map();
  for (const edge of chain.edges) {
    const a = position.get(edge.from);
    const b = position.get(edge.to);
    if (!a || !b) continue;
    const key = edge.from + " " + edge.to;
    const nth = pairs.get(key) || 0;
    pairs.set(key, nth + 1);
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2 + nth * 8;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2 + nth * 8;
    const type = EDGE_WORDS[edge.type] ? edge.type : "on_success";
    let d;
    let label;
    const lane = skips.indexOf(edge);
    if (lane >= 0) {
      const [sx, sy, tx, ty] = [a.x + NODE_W / 2, a.y + NODE_H, b.x + NODE_W / 2 - 12, b.y + NODE_H];
      const low = height + 10 + lane * 22; // below every node, one lane per skipping edge
      d = `M${sx},${sy} C${sx},${low + 8} ${sx + 40},${low} ${(sx + tx) / 2},${low} S${tx},${low + 8} ${tx},${ty}`;
      label = [(sx + tx) / 2, low - 4];
    } else {
      const bend = Math.max(30, (x2 - x1) / 2);
      d = `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
      label = [(x1 + x2) / 2, (y1 + y2) / 2 - 5];
    }
    svg.append(
      s(
        "g",
        { class: `edge ${type}`, dataset: { from: edge.from, to: edge.to } },
        s("path", { d, "marker-end": `url(#arrow-${type})` }),
        s("text", { x: label[0], y: label[1], "text-anchor": "middle" }, EDGE_WORDS[type]),
      ),
    );
  }
  for (const job of chain.jobs) {
    const p = position.get(job.id);
    const state = statuses[job.id]?.status || "none";
    const name = names.get(job.id) || job.name || job.id;
    svg.append(
      s(
        "a",
        { href: `#/jobs/${encode(job.id)}`, class: `node status-${state.replace(/[^a-z_]/g, "")}`, dataset: { jobId: job.id, status: state } },
        s("title", null, `${name}\n${job.id}\nin this chain run: ${state}${statuses[job.id]?.reason ? "\n" + statuses[job.id].reason : ""}${job.join === "all" ? "\nwaits for all incoming edges" : ""}${job.jobStatus && job.jobStatus !== "active" ? `\njob is ${job.jobStatus}` : ""}`),
        s("rect", { x: p.x, y: p.y, width: NODE_W, height: NODE_H, rx: 8 }),
        s("text", { x: p.x + 12, y: p.y + 21, class: "name" }, clip(name, 24)),
        s("text", { x: p.x + 12, y: p.y + 40, class: "state" }, (state === "none" ? "no run yet" : state.replace("_", " ")) + (job.join === "all" ? " · join: all" : "")),
      ),
    );
  }
  return svg;
}

async function jobNames(chain, signal) {
  const names = new Map(chain.jobs.filter((j) => j.name).map((j) => [j.id, j.name]));
  const missing = chain.jobs.filter((j) => !j.name).slice(0, 30);
  await Promise.all(missing.map((j) => api(`/jobs/${encode(j.id)}`, { signal }).then((job) => names.set(j.id, job.name), () => null)));
  return names;
}

export async function chainsView(main, { signal }) {
  let body;
  try {
    body = await api("/chains", { signal });
  } catch (error) {
    if (!error.notAvailable) throw error;
    put(main, h("div", { class: "page-head" }, h("h1", null, "Chains")), unavailable("Chains are", "GET /api/scheduler/chains"));
    return;
  }
  const chains = (Array.isArray(body) ? body : body.chains || []).map(normalizeChain);
  const rows = chains.map((c) =>
    h(
      "tr",
      { dataset: { chainId: c.id } },
      h("td", null, link(`/chains/${encode(c.id)}`, c.name || c.id)),
      h("td", { class: "num" }, String(c.jobs.length)),
      h("td", { class: "num" }, String(c.edges.length)),
      h("td", null, c.runs[0] ? badge(c.runs[0].status) : c.last_run ? badge(c.last_run.status) : h("span", { class: "muted" }, "never run")),
      h("td", null, timeEl(c.created_at)),
    ),
  );
  put(
    main,
    h("div", { class: "page-head" }, h("h1", null, "Chains")),
    chains.length
      ? h("table", { class: "chains" }, h("thead", null, h("tr", null, ["Name", "Jobs", "Edges", "Last run", "Created"].map((t) => h("th", { scope: "col" }, t)))), h("tbody", null, rows))
      : h("p", { class: "empty" }, "No chains yet. Create one with POST /api/scheduler/chains (jobs and on_success/on_failure/on_complete edges)."),
  );
}

export async function chainView(main, { params, signal }) {
  const id = encode(params.id);
  let chain;
  try {
    chain = normalizeChain(await api(`/chains/${id}`, { signal }));
  } catch (error) {
    if (!error.notAvailable) throw error;
    put(main, h("p", { class: "crumbs" }, link("/chains", "‹ Chains")), unavailable("Chains are", `GET /api/scheduler/chains/${params.id}`));
    return;
  }
  const names = await jobNames(chain, signal);
  const graphBox = h("div", { class: "graph-box" });
  const runsBox = h("div");
  let selected = chain.runs[0]?.id;
  const draw = () => {
    const run = chain.runs.find((r) => r.id === selected);
    put(graphBox, chainGraph(chain, names, run ? run.nodes : {}), legend());
    put(
      runsBox,
      chain.runs.length
        ? h(
            "table",
            { class: "chain-runs" },
            h("thead", null, h("tr", null, ["Chain run", "Status", "Started", ""].map((t) => h("th", { scope: "col" }, t)))),
            h(
              "tbody",
              null,
              chain.runs.map((r) =>
                h(
                  "tr",
                  { class: r.id === selected ? "selected" : null },
                  h("td", null, h("code", null, r.id || "")),
                  h("td", null, badge(r.status)),
                  h("td", null, timeEl(r.at)),
                  h("td", null, h("button", { type: "button", class: "ghost", onclick: () => ((selected = r.id), draw()) }, r.id === selected ? "Shown" : "Show")),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, "This chain has not run yet."),
    );
  };
  const trigger = async () => {
    try {
      const started = await api(`/chains/${id}/trigger`, { method: "POST" });
      notify(`Started chain run ${started.chain_run_id || ""} of “${chain.name}”.`);
      selected = started.chain_run_id;
      poller.now();
    } catch (error) {
      notify(`Could not start the chain: ${errorText(error)}`, { error: true });
    }
  };
  const remove = async () => {
    if (!(await confirmAction(`Delete the chain “${chain.name}”?`, { detail: "Its jobs are kept." }))) return;
    try {
      await api(`/chains/${id}`, { method: "DELETE" });
      go("/chains");
    } catch (error) {
      notify(`Could not delete: ${errorText(error)}`, { error: true });
    }
  };
  draw();
  // follow a chain run while it is going; a new run (from a schedule) shows up on its own
  const poller = every(
    10000,
    async () => {
      const newest = chain.runs[0]?.id;
      chain = normalizeChain(await api(`/chains/${id}`, { signal }));
      if (!selected || selected === newest || !chain.runs.some((r) => r.id === selected)) selected = chain.runs[0]?.id;
      draw();
      return chain.runs.some((r) => LIVE.has(r.status)) ? 700 : 10000;
    },
    signal,
  );
  put(
    main,
    h("p", { class: "crumbs" }, link("/chains", "‹ Chains")),
    h(
      "div",
      { class: "page-head" },
      h("h1", null, chain.name || chain.id),
      h("span", { class: "spacer" }),
      h("button", { type: "button", onclick: trigger }, "Run chain now"),
      h("button", { type: "button", class: "ghost danger-text", onclick: remove }, "Delete"),
    ),
    h("section", { class: "card" }, graphBox),
    h("section", { class: "card" }, h("h2", null, "Recent chain runs"), runsBox),
  );
}

function legend() {
  return h(
    "p",
    { class: "legend muted small" },
    Object.entries(EDGE_WORDS).map(([type, words]) => h("span", { class: `edge-key ${type}` }, words)),
  );
}


// Hash routes ("#/jobs/job_abc?tab=runs"): one HTML page, bookmarkable views, and nothing
// secret in them (the key never goes in a URL).

export function current() {
  const raw = location.hash.replace(/^#/, "") || "/jobs";
  const [path, qs = ""] = raw.split("?");
  return { path, query: new URLSearchParams(qs) };
}

export function go(path) {
  location.hash = "#" + path;
}

/** Change the query of the current view without re-rendering it (filters, paging). */
export function replaceQuery(query) {
  const { path } = current();
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  const qs = params.toString();
  // keep the entry's state: an open dialog marks its own entry (ui.js confirmAction)
  history.replaceState(history.state, "", "#" + path + (qs ? "?" + qs : ""));
}

/**
 * Match `path` against `routes` ([pattern, view] with ":name" segments).
 * Returns {view, params} or null.
 */
export function match(routes, path) {
  const parts = path.split("/").filter(Boolean);
  for (const [pattern, view] of routes) {
    const want = pattern.split("/").filter(Boolean);
    if (want.length !== parts.length) continue;
    const params = {};
    const ok = want.every((segment, i) => {
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return segment === parts[i];
    });
    if (ok) return { view, params };
  }
  return null;
}

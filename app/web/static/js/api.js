// The public JSON API, called with the key kept in sessionStorage. The key travels only in
// the Authorization header: never in a URL, never in a log line.

const BASE = "/api/scheduler";
const STORAGE_KEY = "agentcron.apiKey";

export const session = {
  get key() {
    return sessionStorage.getItem(STORAGE_KEY);
  },
  set(key) {
    sessionStorage.setItem(STORAGE_KEY, key);
  },
  clear() {
    sessionStorage.removeItem(STORAGE_KEY);
  },
};

/** A non-2xx answer. `problem` is the RFC 9457 body; `fieldErrors` maps field -> reason. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.fieldErrors = {};
    for (const item of this.problem.errors || []) {
      if (item && item.field !== undefined) this.fieldErrors[item.field] = item.reason;
    }
  }

  /** The server has no such endpoint (an older build), as opposed to "no such job". */
  get notAvailable() {
    const generic = !this.problem.detail || /^not found$/i.test(this.problem.detail);
    return (this.status === 404 && generic) || this.status === 405 || this.status === 501;
  }
}

function url(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  const qs = params.toString();
  return BASE + path + (qs ? "?" + qs : "");
}

/**
 * Call the API and return the decoded JSON body.
 * A 401 signs the viewer out (the page listens for "agentcron:unauthorized").
 */
export async function api(path, { method = "GET", query, body, signal, key } = {}) {
  const headers = { Accept: "application/json" };
  const token = key ?? session.key;
  if (token) headers.Authorization = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(url(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    credentials: "omit",
    cache: "no-store",
  });
  const type = response.headers.get("content-type") || "";
  // a body cut short by an abort (the user moved on) is an abort, not an empty answer
  const data = type.includes("json")
    ? await response.json().catch((error) => {
        if (signal?.aborted || isAbort(error)) throw error;
        return null;
      })
    : null;
  if (!response.ok) {
    if (response.status === 401 && key === undefined) {
      window.dispatchEvent(new CustomEvent("agentcron:unauthorized", { detail: data?.detail }));
    }
    throw new ApiError(response.status, data);
  }
  return data;
}

export function isAbort(error) {
  return error?.name === "AbortError";
}

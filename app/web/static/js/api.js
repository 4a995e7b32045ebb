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

/**
 * A non-2xx answer. `problem` is the RFC 9457 body; `fieldErrors` maps field -> reason;
 * `retryAfter` is the seconds a 429 (or 503) asks to wait, from Retry-After.
 */
export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.fieldErrors = {};
    for (const item of this.problem.errors || []) {
      if (item && item.field !== undefined) this.fieldErrors[item.field] = item.reason;
    }
    const wait = Number.parseFloat(retryAfter ?? this.problem.retry_after);
    this.retryAfter = Number.isFinite(wait) && wait >= 0 ? wait : null;
  }

  /** The server has no such endpoint (an older build), as opposed to "no such job". */
  get notAvailable() {
    const generic = !this.problem.detail || /^not found$/i.test(this.problem.detail);
    return (this.status === 404 && generic) || this.status === 405 || this.status === 501;
  }
}

function url(base, path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  const qs = params.toString();
  return base + path + (qs ? "?" + qs : "");
}

/**
 * Call the API at `base` (this page's "/api/scheduler", or another service's for a page that
 * embeds the schedule input) with `key`, and return the decoded JSON body; a non-2xx answer
 * throws ApiError. No cookies: the key is the only credential, and only in its header.
 */
export async function request(base, path, { method = "GET", query, body, signal, key } = {}) {
  const headers = { Accept: "application/json" };
  if (key) headers.Authorization = "Bearer " + key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(url(base, path, query), {
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
  if (!response.ok) throw new ApiError(response.status, data, response.headers.get("retry-after"));
  return data;
}

/**
 * Call this service's API with the signed-in key (or `key`).
 * A 401 signs the viewer out (the page listens for "agentcron:unauthorized").
 */
export async function api(path, { key, ...options } = {}) {
  try {
    return await request(BASE, path, { ...options, key: key ?? session.key });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && key === undefined) {
      window.dispatchEvent(new CustomEvent("agentcron:unauthorized", { detail: error.problem.detail }));
    }
    throw error;
  }
}

export function isAbort(error) {
  return error?.name === "AbortError";
}

// The dashboard's entry point: sign-in, the engine strip and the hash router.

import { api, session } from "./api.js";
import { h, put } from "./dom.js";
import { watchEngine } from "./engine.js";
import { forget, showWhoAmI } from "./me.js";
import { current, match } from "./router.js";
import { viewerZone } from "./time.js";
import { failed, loading } from "./ui.js";
import { calendarView } from "./views/calendar.js";
import { chainsView, chainView } from "./views/chains.js";
import { heatmapView } from "./views/heatmap.js";
import { jobFormView } from "./views/jobform.js";
import { jobView } from "./views/job.js";
import { jobsView } from "./views/jobs.js";

const ROUTES = [
  ["/jobs", jobsView],
  ["/jobs/new", jobFormView],
  ["/jobs/:id", jobView],
  ["/jobs/:id/edit", jobFormView],
  ["/calendar", calendarView],
  ["/heatmap", heatmapView],
  ["/chains", chainsView],
  ["/chains/:id", chainView],
];

const main = document.getElementById("main");
const nav = document.getElementById("nav");
const signOut = document.getElementById("sign-out");
const strip = document.getElementById("engine");
const whoami = document.getElementById("whoami");
let view; // AbortController of the page on screen
let signedIn; // AbortController of the signed-in session (the engine strip)

function showLogin(message) {
  view?.abort();
  signedIn?.abort();
  signedIn = undefined;
  nav.hidden = signOut.hidden = strip.hidden = whoami.hidden = true;
  forget();
  const input = h("input", { type: "password", id: "api-key", name: "api-key", autocomplete: "off", required: true, placeholder: "ac_…", spellcheck: "false" });
  const error = h("p", { class: "field-error", role: "alert" }, message || "");
  const button = h("button", { type: "submit" }, "Sign in");
  const form = h(
    "form",
    { class: "login card", onsubmit: (event) => signIn(event, input, error, button) },
    h("h1", null, "Sign in"),
    h("p", { class: "muted" }, "Paste an API key (", h("code", null, "agentcron keys create --name me"), "). It is kept for this browser tab only and sent in the Authorization header."),
    h("label", { for: "api-key" }, "API key"),
    input,
    error,
    button,
  );
  put(main, form);
  input.focus();
}

/** A valid key that may not read jobs (a publishable key, say): which one, and what it lacks. */
async function tooNarrow(key, refused) {
  const me = await api("/me", { key }).catch(() => null);
  const scopes = me?.scopes?.length ? me.scopes.join(", ") : "other things";
  const who = me ? `The key “${me.key_name}” (owner ${me.owner}) may only use ${scopes}` : `That key may not read jobs (${refused.message})`;
  return `${who}${me?.publishable ? ": it is a publishable key, for a web page's schedule box" : ""}. The dashboard needs a key that can read jobs (jobs:read), such as one from agentcron keys create --name me.`;
}

async function signIn(event, input, error, button) {
  event.preventDefault();
  const key = input.value.trim();
  if (!key) return;
  button.disabled = true;
  error.textContent = "";
  try {
    await api("/status", { key });
    session.set(key);
    input.value = "";
    start();
  } catch (e) {
    error.textContent = e.status === 401 ? "That key was not accepted." : e.status === 403 ? await tooNarrow(key, e) : `Could not reach the API: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

async function render() {
  if (!session.key) return showLogin();
  view?.abort();
  view = new AbortController();
  const signal = view.signal;
  const { path, query } = current();
  const section = path.split("/")[1];
  for (const a of nav.querySelectorAll("a")) a.classList.toggle("active", a.dataset.section === section);
  const found = match(ROUTES, path);
  if (!found) {
    put(main, h("div", { class: "card" }, h("h1", null, "Not found"), h("p", null, "There is no page here. "), h("a", { href: "#/jobs" }, "Go to jobs")));
    return;
  }
  put(main, loading());
  try {
    await found.view(main, { params: found.params, query, signal });
  } catch (error) {
    if (!signal.aborted && error?.status !== 401) put(main, failed(error));
  }
}

function start() {
  nav.hidden = signOut.hidden = false;
  if (!signedIn) {
    signedIn = new AbortController();
    watchEngine(strip, signedIn.signal);
    showWhoAmI(whoami, signedIn.signal);
  }
  render();
}

signOut.addEventListener("click", () => {
  session.clear();
  showLogin("Signed out.");
});
window.addEventListener("agentcron:unauthorized", () => {
  session.clear();
  showLogin("The API key was refused (revoked?). Sign in again.");
});
window.addEventListener("hashchange", () => session.key && render());
document.getElementById("viewer-zone").textContent = viewerZone;

if (session.key) start();
else showLogin();

// Small pieces shared by the pages: status badges, notices, confirmation, paging.

import { h, put } from "./dom.js";

/** "1 run", "2 runs", "1,440 runs"; `many` for words that do not just take an "s". */
export function plural(count, one, many = one + "s") {
  const n = Number(count) || 0;
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

export function badge(status) {
  const value = status || "unknown";
  return h("span", { class: ["badge", "status-" + value.replace(/[^a-z_]/g, "")] }, value.replace("_", " "));
}

export function tagList(tags, onPick) {
  return h(
    "span",
    { class: "tags" },
    (tags || []).map((tag) =>
      onPick ? h("button", { type: "button", class: "tag", title: `Show jobs tagged ${tag}`, onclick: () => onPick(tag) }, tag) : h("span", { class: "tag" }, tag),
    ),
  );
}

let noticeTimer;
/** A short message at the top of the page; errors and warnings stay until dismissed or replaced. */
export function notify(message, { error = false, warning = false, extra } = {}) {
  const box = document.getElementById("notice");
  clearTimeout(noticeTimer);
  put(box, h("span", null, message), extra || null, h("button", { type: "button", class: "ghost close", "aria-label": "Dismiss", onclick: () => (box.hidden = true) }, "×"));
  box.classList.toggle("error", error);
  box.classList.toggle("warning", warning && !error);
  box.hidden = false;
  if (!error && !warning) noticeTimer = setTimeout(() => (box.hidden = true), 6000);
  // a warning stays on the page it was given for (or the one the action goes to next)
  if (warning) {
    const shown = box.firstChild;
    let pages = 0;
    const away = () => {
      if (box.firstChild !== shown) return window.removeEventListener("hashchange", away);
      if (++pages < 2) return;
      box.hidden = true;
      window.removeEventListener("hashchange", away);
    };
    window.addEventListener("hashchange", away);
  }
}

export function errorText(error) {
  if (!error) return "";
  const fields = Object.entries(error.fieldErrors || {});
  if (fields.length && !error.problem?.detail) return fields.map(([f, r]) => `${f}: ${r}`).join("; ");
  return error.message || String(error);
}

/** `what` reads as a sentence start: "The heatmap is", "Suggestions are". */
export function unavailable(what, endpoint) {
  return h(
    "div",
    { class: "unavailable" },
    h("strong", null, `${what} not available on this server.`),
    " ",
    h("span", null, "The endpoint "),
    h("code", null, endpoint),
    h("span", null, " answered 404: this agentcron build does not have it yet."),
  );
}

export function failed(error) {
  return h("div", { class: "failure" }, h("strong", null, "Could not load: "), errorText(error));
}

export function loading(text = "Loading…") {
  return h("p", { class: "muted loading" }, text);
}

/**
 * Ask before doing something that cannot be undone. Resolves to true when confirmed.
 *
 * The dialog is a step in the browser's history, as a phone user expects: Back closes it
 * (as Cancel) and stays on the page. It pushes an entry with the same URL (no hashchange, so
 * the page under it is not redrawn); closing it any other way steps back over that entry
 * before resolving, so whatever the caller does next (go to another page) comes after.
 */
export function confirmAction(question, { confirm = "Delete", detail } = {}) {
  return new Promise((resolve) => {
    const dialog = h("dialog", { class: "confirm", "aria-label": question });
    const marker = { dialog: Math.random().toString(36).slice(2) };
    let answered = false;
    const finish = (answer) => {
      window.removeEventListener("popstate", onBack);
      window.removeEventListener("hashchange", onBack);
      if (dialog.open) dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const onBack = () => {
      if (answered) return;
      answered = true;
      finish(false);
    };
    const done = (answer) => {
      if (answered) return;
      answered = true;
      window.removeEventListener("hashchange", onBack);
      if (history.state?.dialog !== marker.dialog) return finish(answer);
      // take our history entry back off, then answer (the caller may navigate next)
      window.removeEventListener("popstate", onBack);
      const stepped = () => {
        clearTimeout(fallback);
        window.removeEventListener("popstate", stepped);
        finish(answer);
      };
      const fallback = setTimeout(stepped, 1000); // a browser that never reports it
      window.addEventListener("popstate", stepped);
      dialog.close();
      history.back();
    };
    put(
      dialog,
      h("p", { class: "question" }, question),
      detail ? h("p", { class: "muted" }, detail) : null,
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "ghost", onclick: () => done(false) }, "Cancel"),
        h("button", { type: "button", class: "danger", onclick: () => done(true) }, confirm),
      ),
    );
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault(); // Escape: closed by done(), which also steps back
      done(false);
    });
    document.body.append(dialog);
    history.pushState({ ...(history.state || {}), dialog: marker.dialog }, "", location.href);
    window.addEventListener("popstate", onBack);
    window.addEventListener("hashchange", onBack); // the page changed under it: it is moot
    dialog.showModal();
  });
}

/** "21–40 of 95" with previous/next buttons. */
export function pager({ offset, limit, count, onPage }) {
  const first = count ? offset + 1 : 0;
  const last = Math.min(offset + limit, count);
  return h(
    "div",
    { class: "pager" },
    h("button", { type: "button", class: "ghost", disabled: offset <= 0, onclick: () => onPage(Math.max(0, offset - limit)) }, "‹ Previous"),
    h("span", { class: "muted" }, `${first}–${last} of ${count}`),
    h("button", { type: "button", class: "ghost", disabled: last >= count, onclick: () => onPage(offset + limit) }, "Next ›"),
  );
}

export function debounce(fn, ms) {
  let timer;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** Run `fn` now and then every `ms` until `signal` aborts; `fn` may return a new delay. */
export function every(ms, fn, signal) {
  let timer;
  let running = false;
  let again = false; // now() was asked for while a tick was in flight
  const tick = async () => {
    clearTimeout(timer);
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    let next = ms;
    try {
      next = (await fn()) ?? ms;
    } catch (error) {
      if (error?.name !== "AbortError") console.warn("refresh failed:", error?.message);
    }
    running = false;
    if (signal.aborted) return;
    if (again) next = 0;
    again = false;
    timer = setTimeout(tick, next);
  };
  signal.addEventListener("abort", () => clearTimeout(timer));
  tick();
  return { now: tick };
}

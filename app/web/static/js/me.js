// Who the signed-in key acts as (GET /me): its owner, whose jobs are the ones it sees, and
// its name. Shown in the header, so that a key that sees no jobs says why: it belongs to
// another owner than the key the jobs were made with.

import { api } from "./api.js";
import { h, put } from "./dom.js";

let asked; // one answer per sign-in (the key does not change its owner)

/** The /me answer for the key in use, or null when the server cannot say. */
export function whoAmI(signal) {
  asked ??= api("/me", { signal }).catch((error) => {
    asked = undefined;
    if (error?.status === 401) throw error;
    return null; // an older server without /me: the dashboard works without it
  });
  return asked;
}

export function forget() {
  asked = undefined;
}

/** "owner o_123 · key me": the header's line. */
export async function showWhoAmI(el, signal) {
  const me = await whoAmI(signal).catch(() => null);
  if (!me) {
    el.hidden = true;
    return;
  }
  put(el, "owner ", h("code", { class: "owner" }, me.owner), " · key ", h("strong", { class: "key-name" }, me.key_name || me.key_prefix || me.key_id));
  el.title = `This key acts as owner ${me.owner}: it sees that owner's jobs, and only them. A key made for another owner sees none of these.${me.key_prefix ? ` Key prefix: ${me.key_prefix}.` : ""} Scopes: ${(me.scopes || []).join(", ")}.`;
  el.hidden = false;
}

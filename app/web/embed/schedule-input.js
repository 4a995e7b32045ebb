// <agentcron-schedule-input>: the dashboard's schedule box, for any page.
//
//   <script type="module" src="https://agentcron.example.com/embed/schedule-input.js"></script>
//   <agentcron-schedule-input key="ac_pk_…" zone="America/New_York" name="schedule">
//   </agentcron-schedule-input>
//
// The user types "every weekday at 9am" or "0 9 * * 1-5"; as they pause, the service at
// `service` (by default the one this file came from) is asked what it means, with a
// publishable key (scope `parse`): the meaning, the zone and the next runs are shown, or the
// reason it was not understood. The structured schedule is the element's form value (JSON, it
// is a form-associated element) and comes with every `schedule-change` event.
//
// It is the dashboard's own box (../static/js/schedulebox.js), in a shadow root: no inline
// script or style (the styles are a constructed stylesheet, which needs nothing from the
// page's CSP beyond script-src and connect-src for the service), everything shown inserted as
// text, the answer announced through an ARIA live region, everything reachable by keyboard.
// Told to slow down (429), it waits as long as the service says before asking again.

import { request } from "../static/js/api.js";
import { scheduleBox } from "../static/js/schedulebox.js";

const SERVICE = new URL("..", import.meta.url).href.replace(/\/$/, "");
const TAG = "agentcron-schedule-input";

const CSS = `
:host { display: block; font: inherit; color: var(--agentcron-ink, inherit);
  --_line: var(--agentcron-line, #c9ced6); --_muted: var(--agentcron-muted, #5b6470);
  --_ok: var(--agentcron-ok, #17663a); --_ok-bg: var(--agentcron-ok-bg, #eaf6ee);
  --_bad: var(--agentcron-bad, #a3261b); --_bad-bg: var(--agentcron-bad-bg, #fbecea);
  --_warn: var(--agentcron-warn, #8a5a00); --_warn-bg: var(--agentcron-warn-bg, #fdf5e2);
  --_radius: var(--agentcron-radius, 6px); }
:host([hidden]) { display: none; }
.schedule-box { display: flex; flex-direction: column; gap: 0.35rem; }
.schedule-box > label { font-weight: 600; }
.schedule-inputs { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
input[type="text"] { flex: 1 1 16rem; font: inherit; padding: 0.5rem 0.65rem;
  border: 1px solid var(--_line); border-radius: var(--_radius); min-width: 0; }
input:focus-visible { outline: 2px solid var(--agentcron-focus, #1d5fd1); outline-offset: 1px; }
.zone-label { color: var(--_muted); font-size: 0.8em; }
.schedule-result { border: 1px solid var(--_line); border-radius: var(--_radius);
  padding: 0.5rem 0.75rem; min-height: 2.4rem; }
.schedule-result p { margin: 0.15rem 0; }
.schedule-result.ok { background: var(--_ok-bg); border-color: transparent; }
.schedule-result.ok .icon { color: var(--_ok); }
.schedule-result.uncertain { background: var(--_warn-bg); }
.schedule-result.error { background: var(--_bad-bg); border-color: transparent; }
.schedule-result.error .icon, .schedule-result.error .reason { color: var(--_bad); }
.facts { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; font-size: 0.87em; color: var(--_muted); }
.facts strong, .facts code { color: var(--agentcron-ink, inherit); }
.muted { color: var(--_muted); }
.small { font-size: 0.85em; }
.warning { color: var(--_warn); }
.notes { margin: 0.2rem 0; padding-left: 1.2rem; }
.next-runs { margin: 0.2rem 0 0; padding-left: 1.6rem; font-variant-numeric: tabular-nums; }
.confirm-guess { display: block; margin-top: 0.4rem; font-weight: 600; }
`;

let sheet;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

class ScheduleInput extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = ["zone"];

  #internals = this.attachInternals();
  #box = null;
  #answer = null; // the latest answer: {schedule, error, needsConfirm, text}
  #closed = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open", delegatesFocus: true });
    root.adoptedStyleSheets = [styles()];
  }

  connectedCallback() {
    if (this.#box) return;
    this.#closed = new AbortController();
    const service = (this.getAttribute("service") || SERVICE).replace(/\/$/, "");
    const key = this.getAttribute("key") || "";
    this.#box = scheduleBox({
      call: (path, options) => request(`${service}/api/scheduler`, path, { ...options, key }),
      root: this.shadowRoot,
      signal: this.#closed.signal,
      zone: this.getAttribute("zone") || undefined,
      zoneField: this.hasAttribute("zone-field"),
      initial: this.getAttribute("value") ? { text: this.getAttribute("value") } : undefined,
      text: {
        label: this.getAttribute("label") || "When should it run?",
        hint: "In words or cron: “every weekday at 9am”, “0 9 * * 1-5”.",
        empty: this.hasAttribute("required") ? "A schedule is required." : "No schedule.",
      },
      onAnswer: (answer) => this.#answered(answer),
    });
    const { input, confirm } = this.#box;
    if (this.hasAttribute("placeholder")) input.placeholder = this.getAttribute("placeholder");
    input.addEventListener("input", () => this.#pending());
    // Enter submits the page's form, as in a native text field (the shadow root's input has
    // no form of its own); the form waits for the answer to the text as typed
    input.addEventListener("keydown", async (event) => {
      if (event.key !== "Enter" || event.isComposing || !this.#internals.form) return;
      event.preventDefault();
      await this.result();
      this.#internals.form?.requestSubmit();
    });
    confirm.addEventListener("change", () => this.#answered(this.#answer));
    this.shadowRoot.replaceChildren(this.#box.element);
    if (this.text.trim()) this.#pending();
    else this.#answered({ schedule: null, text: "" }, { quiet: true });
    if (!key) console.warn(`<${TAG}>: no key attribute; make one with: agentcron keys create --scope parse`);
  }

  disconnectedCallback() {
    this.#closed?.abort();
  }

  attributeChangedCallback(name, before, after) {
    if (name === "zone" && this.#box && before !== after) {
      this.#box.zone.value = after || Intl.DateTimeFormat().resolvedOptions().timeZone;
      this.#box.refresh();
    }
  }

  /** The schedule as a JSON string ("" when there is none), as the form sends it. */
  get value() {
    return this.schedule ? JSON.stringify(this.schedule) : "";
  }

  /** What the user typed. Setting it checks the new text. */
  get text() {
    return this.#box?.input.value ?? this.getAttribute("value") ?? "";
  }

  set text(value) {
    if (!this.#box) {
      this.setAttribute("value", value);
      return;
    }
    this.#box.input.value = value;
    this.#box.refresh();
    this.#pending();
  }

  /** The structured schedule the service understood, or null. */
  get schedule() {
    return this.#answer?.schedule ?? null;
  }

  get form() {
    return this.#internals.form;
  }

  get name() {
    return this.getAttribute("name");
  }

  get validity() {
    return this.#internals.validity;
  }

  get validationMessage() {
    return this.#internals.validationMessage;
  }

  checkValidity() {
    return this.#internals.checkValidity();
  }

  reportValidity() {
    return this.#internals.reportValidity();
  }

  /** Resolves to the answer for the text as it is now (no need to wait for a pause). */
  async result() {
    return this.#box ? this.#box.result() : null;
  }

  formResetCallback() {
    this.text = this.getAttribute("value") || "";
  }

  formDisabledCallback(disabled) {
    if (this.#box) this.#box.input.disabled = disabled;
  }

  #pending() {
    this.#internals.setFormValue(this.value || null);
    this.#internals.setValidity({ customError: true }, "Checking the schedule…", this.#box?.input);
  }

  #answered(answer, { quiet = false } = {}) {
    if (!answer) return;
    this.#answer = answer;
    const { input, confirm } = this.#box;
    const unconfirmed = answer.needsConfirm && !confirm.checked;
    this.#internals.setFormValue(this.value || null);
    input.setAttribute("aria-invalid", String(Boolean(answer.error)));
    if (answer.error) this.#internals.setValidity({ customError: true }, answer.error, input);
    else if (!answer.schedule && this.hasAttribute("required")) this.#internals.setValidity({ valueMissing: true }, "A schedule is required.", input);
    else if (unconfirmed) this.#internals.setValidity({ customError: true }, "Confirm the guessed schedule first.", input);
    else this.#internals.setValidity({});
    if (quiet) return;
    this.dispatchEvent(
      new CustomEvent("schedule-change", {
        bubbles: true,
        composed: true,
        detail: {
          text: answer.text,
          valid: Boolean(answer.schedule) && !answer.error,
          schedule: answer.schedule ?? null,
          description: answer.description ?? null,
          next_runs: answer.nextRuns ?? [],
          error: answer.error ?? null,
          needs_confirmation: Boolean(answer.needsConfirm),
          confirmed: !unconfirmed,
        },
      }),
    );
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, ScheduleInput);

export { ScheduleInput };

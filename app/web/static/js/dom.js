// Building DOM nodes. Text always goes in as text nodes: nothing here parses HTML, so a
// job named "<img onerror=…>" is shown as those characters and never becomes an element.

const SVG_NS = "http://www.w3.org/2000/svg";

function apply(el, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    else if (key === "text") el.textContent = String(value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "style") {
      // CSSOM assignments are allowed under our CSP; style attributes in markup are not
      for (const [name, v] of Object.entries(value)) el.style.setProperty(name, String(v));
    } else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key in el && !(el instanceof SVGElement) && typeof value !== "string") {
      el[key] = value; // properties such as checked, disabled, value
    } else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** h("a", {href: "#/jobs", class: "x"}, "text", otherNode) */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, children);
  return el;
}

export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** Replace everything inside `el`. */
export function put(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** An internal link; ids are encoded so none can break out of the hash path. */
export function link(path, text, props = {}) {
  return h("a", { ...props, href: "#" + path }, text);
}

export function encode(id) {
  return encodeURIComponent(String(id));
}

// A small, safe markdown renderer for run output. It builds DOM nodes whose text is set as
// text, so markup in the output is shown, never run. Supported: headings, paragraphs,
// fenced code, block quotes, bullet and numbered lists, rules, tables (shown as
// preformatted text), `code`, **bold**, *italic*, ~~strike~~ and [links](https://…).

import { h } from "./dom.js";

const SAFE_URL = /^(https?:|mailto:)/i;
const INLINE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|(?<![\w])_([^_\s][^_]*)_(?![\w])|~~([^~]+)~~|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/;

export function inline(text) {
  const nodes = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      nodes.push(rest);
      break;
    }
    if (m.index) nodes.push(rest.slice(0, m.index));
    if (m[1]) nodes.push(h("code", null, m[2]));
    else if (m[3] || m[4]) nodes.push(h("strong", null, inline(m[3] || m[4])));
    else if (m[5] || m[6]) nodes.push(h("em", null, inline(m[5] || m[6])));
    else if (m[7]) nodes.push(h("del", null, inline(m[7])));
    else if (m[8]) nodes.push(anchor(m[9], inline(m[8]), m[0]));
    else if (m[10]) nodes.push(anchor(m[10], [m[10]], m[0]));
    rest = rest.slice(m.index + m[0].length);
  }
  return nodes;
}

function anchor(href, children, original) {
  if (!SAFE_URL.test(href)) return original; // javascript:, data: and friends stay text
  return h("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, children);
}

const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const TABLE = /^\s*\|.*\|\s*$/;

/** Render markdown `text` into a new <div class="markdown">. */
export function renderMarkdown(text) {
  const root = h("div", { class: "markdown" });
  const lines = String(text ?? "").replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  const take = (test) => {
    const out = [];
    while (i < lines.length && test(lines[i])) out.push(lines[i++]);
    return out;
  };
  while (i < lines.length) {
    const line = lines[i];
    let m;
    if (!line.trim()) {
      i++;
    } else if ((m = FENCE.exec(line))) {
      // closed by a line of the same fence character, at least as long (CommonMark)
      const close = new RegExp(`^\\s*${m[1][0] === "`" ? "`" : "~"}{${m[1].length},}\\s*$`);
      i++;
      const body = take((l) => !close.test(l));
      i++; // the closing fence, if any
      root.append(h("pre", null, h("code", null, body.join("\n"))));
    } else if ((m = HEADING.exec(line))) {
      i++;
      root.append(h("h" + Math.min(6, m[1].length + 2), null, inline(m[2])));
    } else if (RULE.test(line)) {
      i++;
      root.append(h("hr"));
    } else if (TABLE.test(line)) {
      root.append(h("pre", { class: "table" }, take((l) => TABLE.test(l)).join("\n")));
    } else if (QUOTE.test(line)) {
      const body = take((l) => QUOTE.test(l)).map((l) => QUOTE.exec(l)[1]);
      root.append(h("blockquote", null, Array.from(renderMarkdown(body.join("\n")).childNodes)));
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items = take((l) => pattern.test(l)).map((l) => h("li", null, inline(pattern.exec(l).at(-1))));
      const list = h(ordered ? "ol" : "ul", null, items);
      if (ordered) list.start = Number(NUMBERED.exec(line)[1]);
      root.append(list);
    } else {
      const para = take((l) => l.trim() && !FENCE.test(l) && !HEADING.test(l) && !BULLET.test(l) && !NUMBERED.test(l) && !QUOTE.test(l) && !TABLE.test(l) && !RULE.test(l));
      const children = [];
      para.forEach((l, n) => {
        if (n) children.push(h("br"));
        children.push(inline(l.trim()));
      });
      root.append(h("p", null, children));
    }
  }
  return root;
}

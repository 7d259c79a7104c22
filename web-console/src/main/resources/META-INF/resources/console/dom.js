// Small DOM helpers: build elements, tables and formatted numbers without a framework.

/** el('a', {href: '#/x', class: 'y', onclick: f}, 'text', child) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined).map((c) => (c instanceof Node ? c : String(c))));
  return node;
}

export function table(headers, rows, attrs = {}) {
  return el('table', attrs,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

export function section(title, ...children) {
  return el('section', {}, el('h2', {}, title), ...children);
}

export function empty(text) {
  return el('p', { class: 'empty' }, text);
}

export const fmt = (v, digits = 3) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(digits));

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '–');

export const link = (href, text) => el('a', { href }, text);

// Charts drawn as inline SVG: line charts (one <polyline> per series, one vertex per point) and grouped bars
// (one <rect> per value). No chart library, so nothing is fetched from outside the api.
const NS = 'http://www.w3.org/2000/svg';
const W = 520;
const H = 300;
const PAD = { left: 56, right: 16, top: 16, bottom: 40 };

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function extent(values, from) {
  const finite = values.filter(Number.isFinite);
  let lo = from !== undefined ? from : Math.min(...finite);
  let hi = Math.max(...finite);
  if (!finite.length) {
    return [0, 1];
  }
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  return [Math.min(lo, Math.min(...finite)), hi];
}

/** xTicks: 'numbers' (five), 'integers' (whole numbers only, e.g. epochs) or 'none'. */
function axes(root, sx, sy, [x0, x1], [y0, y1], xLabel, yLabel, xTicks = 'numbers') {
  root.append(svg('line', { x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom, class: 'axis' }));
  root.append(svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom, class: 'axis' }));
  const xs = new Set();
  for (let i = 0; i <= 4; i++) {
    const yv = y0 + ((y1 - y0) * i) / 4;
    root.append(svg('text', { x: PAD.left - 6, y: sy(yv) + 4, class: 'tick', 'text-anchor': 'end' }, tick(yv)));
    const xv = x0 + ((x1 - x0) * i) / 4;
    xs.add(xTicks === 'integers' ? Math.round(xv) : xv);
  }
  if (xTicks !== 'none') {
    xs.forEach((xv) => root.append(svg('text', { x: sx(xv), y: H - PAD.bottom + 16, class: 'tick', 'text-anchor': 'middle' },
      xTicks === 'integers' ? String(xv) : tick(xv))));
  }
  root.append(svg('text', { x: (PAD.left + W - PAD.right) / 2, y: H - 6, class: 'label', 'text-anchor': 'middle' }, xLabel));
  root.append(svg('text', { x: 12, y: (PAD.top + H - PAD.bottom) / 2, class: 'label', 'text-anchor': 'middle',
    transform: `rotate(-90 12 ${(PAD.top + H - PAD.bottom) / 2})` }, yLabel));
}

const tick = (v) => (Math.abs(v) >= 1000 ? v.toExponential(1) : Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(2));

function frame(title, legend, chart) {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.append(chart);
  const caption = document.createElement('figcaption');
  caption.textContent = title + ' — ';
  legend.forEach(({ name, cls }) => {
    const key = document.createElement('span');
    key.className = 'key ' + cls;
    key.textContent = name;
    caption.append(key);
  });
  figure.append(caption);
  return figure;
}

/** series: [{name, cls, points: [[x, y], ...]}]; yFrom fixes the bottom of the y axis (e.g. 0). */
export function lineChart({ id, title, series, xLabel, yLabel, yFrom, xTicks }) {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys, yFrom);
  const sx = (x) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y) => H - PAD.bottom - ((y - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const root = svg('svg', { id, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title });
  axes(root, sx, sy, [x0, x1], [y0, y1], xLabel, yLabel, xTicks);
  series.forEach((s) => {
    const points = s.points.filter((p) => Number.isFinite(p[1])).map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`);
    root.append(svg('polyline', { points: points.join(' '), class: 'series ' + s.cls, 'data-series': s.name,
      'data-points': points.length }));
  });
  return frame(title, series, root);
}

/** groups: labels along x; series: [{name, cls, values: [one per group]}]. */
export function groupedBars({ id, title, groups, series, xLabel, yLabel }) {
  const all = series.flatMap((s) => s.values);
  const [y0, y1] = extent(all, 0);
  const slot = (W - PAD.left - PAD.right) / groups.length;
  const bar = (slot * 0.8) / series.length;
  const sy = (y) => H - PAD.bottom - ((y - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const root = svg('svg', { id, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title });
  axes(root, null, sy, [0, groups.length], [y0, y1], xLabel, yLabel, 'none');
  groups.forEach((g, i) => root.append(svg('text', { x: PAD.left + (i + 0.5) * slot, y: H - PAD.bottom + 16,
    class: 'tick', 'text-anchor': 'middle' }, g)));
  series.forEach((s, k) => {
    s.values.forEach((v, i) => {
      const x = PAD.left + i * slot + slot * 0.1 + k * bar;
      root.append(svg('rect', { x: x.toFixed(1), y: sy(Math.max(v, y0)).toFixed(1), width: bar.toFixed(1),
        height: Math.max(0, sy(y0) - sy(Math.max(v, y0))).toFixed(1), class: 'bar ' + s.cls, 'data-series': s.name },
      ));
    });
  });
  return frame(title, series, root);
}

// The sweep chart webview (see client/src/chartPanel.ts): draws a SweepChart (client/src/chartData.ts)
// with uPlot. Plain ES2020 for the browser, no build step; uPlot is the global from uPlot.iife.min.js.
// Colours come from VS Code's theme variables, read again whenever the theme changes.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const HEIGHT = 240;

  /** Dark-theme defaults, for a variable the host did not set. */
  const FALLBACK = {
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-editor-background': '#1e1e1e',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-purple': '#b180d7',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-font-family': 'system-ui, sans-serif',
  };

  /** The chart shown (null until a message or the saved state brings one). */
  let shown = null;
  let plots = [];
  const resizer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const item = plots.find((p) => p.cell === entry.target);
      const width = Math.floor(entry.contentRect.width);
      if (item && width > 0 && width !== item.plot.width) item.plot.setSize({ width, height: HEIGHT });
    }
  });

  // ---- Validation: the same shape chartData.ts isSweepChart accepts. ----
  const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
  const isNullableNumber = (v) => v === null || isNumber(v);
  const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
  function isLineChart(v, runs) {
    const isRow = (row) => Array.isArray(row) && row.length === v.x.length && row.every(isNullableNumber);
    return (
      isRecord(v) && Array.isArray(v.x) && v.x.every(isNumber) && Array.isArray(v.ys) && v.ys.length === runs &&
      v.ys.every(isRow) &&
      (v.yRange === null || (Array.isArray(v.yRange) && v.yRange.length === 2 && v.yRange.every(isNumber))) &&
      // Bands over seeds: optional (older charts have none), one per run when present.
      (v.bands === undefined || (Array.isArray(v.bands) && v.bands.length === runs &&
        v.bands.every((b) => b === null || (isRecord(b) && isRow(b.lower) && isRow(b.upper)))))
    );
  }
  const isOptionalNullableNumber = (v) => v === undefined || isNullableNumber(v);
  function isChart(v) {
    if (!isRecord(v) || v.version !== 1 || typeof v.title !== 'string' || typeof v.headline !== 'string') return false;
    if (!(v.bugCost === null || typeof v.bugCost === 'string') || typeof v.description !== 'string' || !Array.isArray(v.runs)) return false;
    const runs = v.runs.length;
    const runOk = (r) =>
      isRecord(r) && isNumber(r.decay) && typeof r.label === 'string' && /^--vscode-[\w-]+$/.test(r.colorVar) &&
      Array.isArray(r.dash) && r.dash.every(isNumber) && isNullableNumber(r.divergedAt) && isNullableNumber(r.finalLoss) &&
      isNullableNumber(r.finalAccuracy) && isNullableNumber(r.finalNorm) && typeof r.best === 'boolean' &&
      isOptionalNullableNumber(r.seeds) && isOptionalNullableNumber(r.finalLossSd) && isOptionalNullableNumber(r.finalAccuracySd);
    const f = v.finalLoss;
    return (
      v.runs.every(runOk) && isLineChart(v.trainLoss, runs) && isNumber(v.trainLoss.every) &&
      isLineChart(v.validationLoss, runs) && isLineChart(v.weightNorm, runs) && isRecord(f) &&
      Array.isArray(f.x) && f.x.every((x) => isNumber(x) && x > 0) && Array.isArray(f.y) && f.y.length === f.x.length &&
      f.y.every(isNullableNumber) && Array.isArray(f.runIndex) && f.runIndex.length === f.x.length &&
      f.runIndex.every((i) => Number.isInteger(i) && i >= 0 && i < runs) &&
      (f.sd === undefined || (Array.isArray(f.sd) && f.sd.length === f.x.length && f.sd.every(isNullableNumber))) &&
      (f.noDecay === null || (isRecord(f.noDecay) && Number.isInteger(f.noDecay.runIndex) && f.noDecay.runIndex >= 0 &&
        f.noDecay.runIndex < runs && isNullableNumber(f.noDecay.loss) && isOptionalNullableNumber(f.noDecay.sd)))
    );
  }

  // ---- Theme ----
  const probe = document.createElement('canvas').getContext('2d');
  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || FALLBACK[name] || '#888888';
  }
  /** `color` with its alpha multiplied by `alpha` (any CSS colour the canvas understands). */
  function withAlpha(color, alpha) {
    probe.fillStyle = '#000000';
    probe.fillStyle = color;
    const c = probe.fillStyle;
    if (c[0] === '#') {
      const n = parseInt(c.slice(1), 16);
      return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
    }
    const parts = c.match(/[\d.]+/g) || ['0', '0', '0'];
    return `rgba(${parts[0]}, ${parts[1]}, ${parts[2]}, ${alpha * (parts[3] !== undefined ? Number(parts[3]) : 1)})`;
  }
  function theme(chart) {
    const highContrast = document.body.classList.contains('vscode-high-contrast') ||
      document.body.classList.contains('vscode-high-contrast-light');
    const fg = cssVar('--vscode-editor-foreground');
    const family = cssVar('--vscode-font-family');
    return {
      fg,
      bg: cssVar('--vscode-editor-background'),
      muted: withAlpha(fg, highContrast ? 0.8 : 0.55),
      grid: withAlpha(fg, highContrast ? 0.25 : 0.12),
      family,
      font: `11px ${family}`,
      labelFont: `bold 11px ${family}`,
      lineWidth: highContrast ? 2.5 : 1.5,
      colors: chart.runs.map((run) => cssVar(run.colorVar)),
    };
  }

  // ---- DOM helpers (text only: nothing from a message becomes markup) ----
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  const fmt = (v, digits) => (v === null || v === undefined ? '—' : Number(v).toFixed(digits));
  /** `1.234 ± 0.021` with a spread over seeds, the value alone without. */
  const fmtSd = (v, sd, digits, scale = 1, unit = '') =>
    v === null || v === undefined ? '—' : `${(v * scale).toFixed(digits)}${unit}${isNumber(sd) ? ` ± ${(sd * scale).toFixed(digits)}${unit}` : ''}`;
  const fmtValue = (u, v) => (v === null || v === undefined ? '—' : Number(v.toPrecision(4)).toString());
  const swatch = (color, dash) => {
    const s = el('span', 'swatch');
    s.style.borderTopColor = color;
    s.style.borderTopStyle = dash.length === 0 ? 'solid' : dash[0] > 3 ? 'dashed' : 'dotted';
    return s;
  };

  function header(chart, t) {
    const box = el('header');
    box.append(el('h1', '', chart.headline));
    if (chart.bugCost) box.append(el('p', 'bug-cost', chart.bugCost));
    box.append(el('p', 'description', chart.description));
    const table = el('table', 'runs');
    const head = el('tr');
    for (const name of ['', 'decay', 'final val loss', 'val accuracy', '‖W‖ (all kernels)', '']) head.append(el('th', '', name));
    table.append(head);
    chart.runs.forEach((run, i) => {
      const row = el('tr', run.best ? 'best' : run.divergedAt !== null ? 'diverged' : '');
      const key = el('td');
      key.append(swatch(t.colors[i], run.dash));
      const status = run.divergedAt !== null ? `diverged after step ${run.divergedAt}` : run.best ? '★ best' : '';
      row.append(key, el('td', '', run.label.replace(' (diverged)', '')), el('td', 'num', fmtSd(run.finalLoss, run.finalLossSd, 3)),
        el('td', 'num', fmtSd(run.finalAccuracy, run.finalAccuracySd, 1, 100, '%')),
        el('td', 'num', fmt(run.finalNorm, 2)), el('td', 'status', status));
      table.append(row);
    });
    box.append(table);
    return box;
  }

  function axes(t, xLabel, yLabel) {
    const axis = (label, size) => ({
      label, size, stroke: t.fg, font: t.font, labelFont: t.labelFont, labelSize: 18,
      grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 },
    });
    return [axis(xLabel, 36), axis(yLabel, 56)];
  }

  /**
   * Writes `text` in `color` beside plot value (x, y), after a `symbol` centred on it; a y above the
   * plot (a clipped, diverging run) or null sits at the top edge.
   */
  function mark(u, x, y, symbol, text, color, t, dy = 0) {
    const ctx = u.ctx;
    const ratio = uPlot.pxRatio;
    const px = u.valToPos(x, 'x', true);
    const top = u.bbox.top + 8 * ratio;
    const py = y === null ? top : Math.max(top, Math.min(u.bbox.top + u.bbox.height, u.valToPos(y, 'y', true)));
    const right = px > u.bbox.left + u.bbox.width * 0.7;
    ctx.save();
    ctx.font = `bold ${11 * ratio}px ${t.family}`;
    ctx.fillStyle = color;
    ctx.textBaseline = 'middle';
    if (symbol) {
      ctx.textAlign = 'center';
      ctx.fillText(symbol, px, py);
    }
    ctx.textAlign = right ? 'right' : 'left';
    ctx.fillText(text, px + (right ? -9 : 9) * ratio, py + dy * ratio);
    ctx.restore();
  }

  /** Fills each run's band (mean ± sd over seeds) under the lines; a gap in either edge breaks the band. */
  function fillBands(u, data, t) {
    if (!data.bands) return;
    const ctx = u.ctx;
    data.bands.forEach((band, i) => {
      if (!band) return;
      ctx.save();
      ctx.fillStyle = withAlpha(t.colors[i], 0.15);
      let segment = [];
      const flush = () => {
        if (segment.length > 1) {
          ctx.beginPath();
          segment.forEach((j, k) => (k === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, u.valToPos(data.x[j], 'x', true), u.valToPos(band.upper[j], 'y', true)));
          for (let k = segment.length - 1; k >= 0; k--) ctx.lineTo(u.valToPos(data.x[segment[k]], 'x', true), u.valToPos(band.lower[segment[k]], 'y', true));
          ctx.closePath();
          ctx.fill();
        }
        segment = [];
      };
      data.x.forEach((_, j) => (band.lower[j] !== null && band.upper[j] !== null ? segment.push(j) : flush()));
      flush();
      ctx.restore();
    });
  }

  /** Training loss, validation loss or weight norm against steps: one line per decay value (with its band over seeds). */
  function lineOptions(chart, t, data, width, xLabel, yName, points) {
    const yLabel = data.log ? `${yName} (log)` : yName;
    const lastValue = (row) => {
      for (let j = row.length - 1; j >= 0; j--) if (row[j] !== null) return j;
      return -1;
    };
    return {
      width, height: HEIGHT,
      scales: {
        x: { time: false },
        y: { distr: data.log ? 3 : 1, log: 10, ...(data.yRange ? { range: data.yRange } : {}) },
      },
      axes: axes(t, xLabel, yLabel),
      legend: { live: true },
      cursor: { points: { size: 6 } },
      series: [
        { label: 'step', value: (u, v) => (v === null ? '—' : String(Math.round(v))) },
        ...chart.runs.map((run, i) => ({
          label: run.label, stroke: t.colors[i], width: t.lineWidth, dash: run.dash, value: fmtValue, spanGaps: false,
          points: run.divergedAt === null ? { show: points, size: 5, fill: t.colors[i] } : {
            show: points, size: 5, fill: t.colors[i],
            // A diverged run ends with a dot where its last finite value was.
            filter: (u, si) => {
              const row = data.ys[si - 1];
              const j = lastValue(row);
              if (j < 0) return null;
              return points ? row.flatMap((v, k) => (v === null ? [] : [k])) : [j];
            },
          },
        })),
      ],
      hooks: {
        // drawAxes runs before the series: the bands lie under the lines.
        drawAxes: [(u) => fillBands(u, data, t)],
        draw: [(u) => chart.runs.forEach((run, i) => {
          if (run.divergedAt === null) return;
          const j = lastValue(data.ys[i]);
          if (j >= 0) mark(u, data.x[j], data.ys[i][j], '✕', `${run.label.replace(' (diverged)', '')} diverged`, t.colors[i], t);
        })],
      },
    };
  }

  /**
   * Final validation loss against decay, log x. Decay 0 has no place on a log axis, so the run without
   * decay is a dashed horizontal line across the chart, in its own colour and labelled "wd=0": every
   * decay value can be read against it (below the line: the decay helps), and no x position is faked.
   */
  function finalOptions(chart, t, width) {
    const f = chart.finalLoss;
    const zero = f.noDecay && f.noDecay.loss !== null ? f.noDecay : null;
    const series = [
      { label: 'wd', value: (u, v) => (v === null ? '—' : Number(v.toPrecision(3)).toString()) },
      { label: 'final val loss', stroke: t.muted, width: 1, spanGaps: true, value: fmtValue, points: { show: false } },
    ];
    const data = [f.x, f.y];
    if (zero) {
      series.push({ label: 'wd=0 (no decay)', stroke: t.colors[zero.runIndex], width: t.lineWidth, dash: [6, 4], value: fmtValue, points: { show: false } });
      data.push(f.x.map(() => zero.loss));
    }
    const sd = f.sd || f.x.map(() => null);
    // The error bars and the wd=0 band (± sd over seeds) count towards the y range.
    const extents = f.y.flatMap((y, k) => (y === null ? [] : [y - (sd[k] || 0), y + (sd[k] || 0)]));
    if (zero) extents.push(zero.loss - (zero.sd || 0), zero.loss + (zero.sd || 0));
    const options = {
      width, height: HEIGHT,
      // Headroom above for the labels (wd=0 over its line, diverged values at the top edge).
      scales: {
        x: { time: false, distr: 3, log: 10 },
        y: { range: (u, dataMin, dataMax) => {
          const values = [dataMin, dataMax, ...extents].filter(isNumber);
          const min = values.length > 0 ? Math.min(...values) : 0;
          const max = values.length > 0 ? Math.max(...values) : 1;
          const pad = Math.max(max - min, Math.abs(max) * 0.05, 1e-6);
          return [min - pad * 0.1, max + pad * 0.25];
        } },
      },
      axes: axes(t, 'weight decay (log)', 'final validation loss'),
      legend: { live: true },
      cursor: { points: { size: 8 } },
      series,
      hooks: {
        draw: [(u) => {
          const ctx = u.ctx;
          const ratio = uPlot.pxRatio;
          if (zero && isNumber(zero.sd)) {
            // wd=0 ± sd over seeds: a faint horizontal band in its colour.
            const top = u.valToPos(zero.loss + zero.sd, 'y', true);
            ctx.save();
            ctx.fillStyle = withAlpha(t.colors[zero.runIndex], 0.12);
            ctx.fillRect(u.bbox.left, top, u.bbox.width, u.valToPos(zero.loss - zero.sd, 'y', true) - top);
            ctx.restore();
          }
          f.x.forEach((x, k) => {
            const run = chart.runs[f.runIndex[k]];
            const color = t.colors[f.runIndex[k]];
            if (f.y[k] === null) return mark(u, x, null, '✕', 'diverged', color, t);
            ctx.save();
            if (isNumber(sd[k])) {
              // Error bar: ± one standard deviation over seeds.
              const px = u.valToPos(x, 'x', true);
              ctx.strokeStyle = color;
              ctx.lineWidth = 1.5 * ratio;
              ctx.beginPath();
              ctx.moveTo(px, u.valToPos(f.y[k] - sd[k], 'y', true));
              ctx.lineTo(px, u.valToPos(f.y[k] + sd[k], 'y', true));
              ctx.stroke();
            }
            ctx.beginPath();
            ctx.arc(u.valToPos(x, 'x', true), u.valToPos(f.y[k], 'y', true), (run.best ? 6 : 4.5) * ratio, 0, 2 * Math.PI);
            ctx.fillStyle = color;
            ctx.strokeStyle = run.best ? t.fg : t.bg;
            ctx.lineWidth = 1.5 * ratio;
            ctx.fill();
            ctx.stroke();
            ctx.restore();
            if (run.best) mark(u, x, f.y[k], '', 'best', t.fg, t);
          });
          if (zero) mark(u, f.x[0], zero.loss, '', 'wd=0 (no decay)', t.colors[zero.runIndex], t, -9);
        }],
      },
    };
    return { options, data };
  }

  function figure(grid, title, note) {
    const fig = el('figure');
    fig.append(el('h2', '', title));
    const cell = el('div', 'plot');
    fig.append(cell);
    if (note) fig.append(el('figcaption', '', note));
    grid.append(fig);
    return cell;
  }

  function draw(chart) {
    for (const item of plots) item.plot.destroy();
    plots = [];
    resizer.disconnect();
    const t = theme(chart);
    root.replaceChildren(header(chart, t));
    const grid = el('section', 'grid');
    root.append(grid);
    const add = (cell, options, data) => {
      const plot = new uPlot(options, data, cell);
      plots.push({ cell, plot });
      resizer.observe(cell);
    };
    const width = (cell) => Math.max(280, Math.floor(cell.clientWidth));
    const steps = (data) => [data.x, ...data.ys];

    const every = chart.trainLoss.every;
    let cell = figure(grid, every > 1 ? `Training loss (mean of every ${every} steps)` : 'Training loss per step');
    add(cell, lineOptions(chart, t, chart.trainLoss, width(cell), 'step', 'loss', false), steps(chart.trainLoss));

    cell = figure(grid, 'Validation loss per evaluation');
    add(cell, lineOptions(chart, t, chart.validationLoss, width(cell), 'step', 'loss', true), steps(chart.validationLoss));

    cell = figure(grid, 'Weight norm ‖W‖ of all kernels, √(Σ layers ‖W_l‖²)');
    add(cell, lineOptions(chart, t, chart.weightNorm, width(cell), 'step', '‖W‖', true), steps(chart.weightNorm));

    const f = chart.finalLoss;
    const zero = f.noDecay;
    const note = !zero ? null : zero.loss === null
      ? 'The run without decay (wd=0) diverged.'
      : `wd=0 cannot sit on a log axis: the dashed line is its final validation loss${isNumber(zero.sd) ? ', shaded ± one standard deviation over seeds (bars: the same for each decay value)' : ''}.`;
    cell = figure(grid, 'Final validation loss by decay', note);
    if (f.x.length === 0) {
      cell.append(el('p', 'placeholder', 'No positive decay value in this sweep.'));
    } else {
      const { options, data } = finalOptions(chart, t, width(cell));
      add(cell, options, data);
    }
  }

  function show(chart) {
    shown = chart;
    draw(chart);
  }

  // Theme switches change the variables on <html> and the class of <body>: redraw with new colours.
  let pending = 0;
  const redraw = () => {
    if (!shown || pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      draw(shown);
    });
  };
  new MutationObserver(redraw).observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  new MutationObserver(redraw).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!isRecord(message) || message.type !== 'show' || !isChart(message.chart)) return;
    const state = vscode.getState();
    if (shown && state && JSON.stringify(state.chart) === JSON.stringify(message.chart)) return;
    vscode.setState({ chart: message.chart });
    show(message.chart);
  });

  const saved = vscode.getState();
  if (isRecord(saved) && isChart(saved.chart)) show(saved.chart);
  vscode.postMessage({ type: 'ready' });
})();

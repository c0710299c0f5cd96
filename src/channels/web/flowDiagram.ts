import { fillTemplate } from '../../flow/buildView.js';
import type { Content } from '../../flow/parseContent.js';
import { esc } from './html.js';

/** A box in the diagram: a question or an outcome of the flow. */
export interface DiagramNode {
  id: string;
  kind: 'question' | 'recommendation' | 'exclusion' | 'emergency' | 'result';
  text: string;
  layer: number;
  slot: number;
}

/** An arrow: the options that lead from one box to another, or a continuation (dashed). */
export interface DiagramEdge {
  from: string;
  to: string;
  label: string;
  continuation: boolean;
}

const NODE_W = 200;
const GAP_X = 56;
const LINE_H = 16;
const PAD_Y = 10;
const GAP_Y = 64;
const MARGIN = 16;
const CHARS_PER_LINE = 27;

/** Nodes and edges of a flow, layered by longest path from the start so every arrow points down. */
export function layoutFlow(content: Content): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const { flow, rules } = content;
  const edges: DiagramEdge[] = [];
  for (const q of flow.questions) {
    for (const o of q.options) {
      const same = edges.find((e) => e.from === q.id && e.to === o.next);
      if (same) same.label += ` / ${o.label}`;
      else edges.push({ from: q.id, to: o.next, label: o.label, continuation: false });
    }
  }
  // The button that reopens a consult is labelled in the flow, the same on every channel.
  for (const c of flow.continuations) edges.push({ from: c.outcome, to: c.question, label: c.label, continuation: true });

  const layer = new Map<string, number>([[flow.start, 0]]);
  // Longest-path layering: relax until stable; the flow is a small DAG (checked by checkRouting).
  for (let changed = true, guard = 0; changed && guard < 1000; guard++) {
    changed = false;
    for (const e of edges) {
      const from = layer.get(e.from);
      if (from !== undefined && (layer.get(e.to) ?? -1) < from + 1) {
        layer.set(e.to, from + 1);
        changed = true;
      }
    }
  }

  const questionIds = new Set(flow.questions.map((q) => q.id));
  const order = [...layer.keys()];
  const nodes: DiagramNode[] = [];
  const byLayer = new Map<number, string[]>();
  for (const id of order) byLayer.set(layer.get(id)!, [...(byLayer.get(layer.get(id)!) ?? []), id]);
  for (const [l, ids] of [...byLayer].sort((a, b) => a[0] - b[0])) {
    // Questions first keeps the main path in one straight column; outcomes branch off to the right.
    const sorted = [...ids].sort((a, b) => Number(questionIds.has(b)) - Number(questionIds.has(a)) || order.indexOf(a) - order.indexOf(b));
    sorted.forEach((id, slot) => {
      const q = flow.questions.find((x) => x.id === id);
      const o = rules.outcomes.outcomes.find((x) => x.id === id);
      nodes.push({
        id,
        kind: q ? 'question' : (o?.kind ?? 'exclusion'),
        text: q ? q.label : fillTemplate(o?.title ?? id, {}),
        layer: l,
        slot,
      });
    });
  }
  return { nodes, edges: edges.filter((e) => layer.has(e.from) && layer.has(e.to)) };
}

/** Greedy word wrap for SVG text, which has no wrapping of its own. */
export function wrap(text: string, width = CHARS_PER_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A point on a cubic Bézier curve at parameter t. */
function bezierPoint(t: number, ...p: Array<[number, number]>): [number, number] {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [0, 1].map((k) => w.reduce((sum, wi, i) => sum + wi * p[i]![k]!, 0)) as [number, number];
}

/** Renders the flow as a standalone SVG (no scripts, no external fonts), for an <img>. */
export function buildFlowDiagram(content: Content): string {
  const { nodes, edges } = layoutFlow(content);
  const lines = new Map(nodes.map((n) => [n.id, wrap(n.text)]));
  const height = (id: string) => lines.get(id)!.length * LINE_H + 2 * PAD_Y;
  const layers = Math.max(...nodes.map((n) => n.layer)) + 1;
  const slots = Math.max(...nodes.map((n) => n.slot)) + 1;
  const rowH = Array.from({ length: layers }, (_, l) => Math.max(...nodes.filter((n) => n.layer === l).map((n) => height(n.id))));
  const rowY = rowH.map((_, l) => MARGIN + rowH.slice(0, l).reduce((a, b) => a + b + GAP_Y, 0));
  const pos = new Map(nodes.map((n) => [n.id, { x: MARGIN + n.slot * (NODE_W + GAP_X), y: rowY[n.layer]!, h: height(n.id) }]));
  const width = 2 * MARGIN + slots * NODE_W + (slots - 1) * GAP_X;
  const total = rowY[layers - 1]! + rowH[layers - 1]! + MARGIN;

  const edgeSvg = edges.map((e) => {
    const a = pos.get(e.from)!;
    const b = pos.get(e.to)!;
    const straight = a.x === b.x;
    // Branches leave near the box's right corner, so the straight path's label has room beside the line.
    const x1 = straight ? a.x + NODE_W / 2 : a.x + NODE_W - 20, y1 = a.y + a.h, x2 = b.x + NODE_W / 2, y2 = b.y;
    const mid = (y1 + y2) / 2;
    const d = straight ? `M${x1} ${y1} V${y2 - 2}` : `M${x1} ${y1} C${x1} ${mid} ${x2} ${mid} ${x2} ${y2 - 2}`;
    const label = truncate(e.label, 36);
    const lw = Math.round(label.length * 6.1 + 12);
    // Straight arrows carry their label halfway, branches just above their target: never the same spot.
    const [lx, ly] = straight ? [x1, mid] : bezierPoint(0.72, [x1, y1], [x1, mid], [x2, mid], [x2, y2]);
    return [
      `<path d="${d}" class="edge${e.continuation ? ' continuation' : ''}" marker-end="url(#arrow)"/>`,
      `<rect x="${Math.round(lx - lw / 2)}" y="${Math.round(ly - 9)}" width="${lw}" height="18" rx="9" class="edge-label-bg"/>`,
      `<text x="${Math.round(lx)}" y="${Math.round(ly + 4)}" class="edge-label" text-anchor="middle">${esc(label)}</text>`,
    ].join('');
  });
  const nodeSvg = nodes.map((n) => {
    const p = pos.get(n.id)!;
    const tspans = lines.get(n.id)!.map((l, i) => `<tspan x="${p.x + NODE_W / 2}" y="${p.y + PAD_Y + 12 + i * LINE_H}">${esc(l)}</tspan>`).join('');
    return `<g id="node-${esc(n.id)}" class="node ${n.kind}"><rect x="${p.x}" y="${p.y}" width="${NODE_W}" height="${p.h}" rx="8"/><text text-anchor="middle">${tspans}</text></g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" role="img" aria-labelledby="flow-title">`,
    `<title id="flow-title">${esc(content.flow.title)}: decision flow</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#5b6b7f"/></marker></defs>',
    `<style>${DIAGRAM_CSS}</style>`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    ...edgeSvg,
    ...nodeSvg,
    '</svg>',
  ].join('\n');
}

const DIAGRAM_CSS = [
  'text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:13px;fill:#1b2430}',
  '.edge{fill:none;stroke:#5b6b7f;stroke-width:1.4}',
  '.edge.continuation{stroke-dasharray:5 4}',
  '.edge-label{font-size:11px;fill:#394657}',
  '.edge-label-bg{fill:#f3f5f8;stroke:#d5dbe3}',
  '.node rect{stroke-width:1.5}',
  '.question rect{fill:#eaf1fb;stroke:#2f5f98}',
  '.question text{font-weight:600}',
  '.recommendation rect{fill:#e6f4ea;stroke:#2e7d4f}',
  '.result rect{fill:#e8f3f6;stroke:#2a7287}',
  '.emergency rect{fill:#fdecea;stroke:#b3261e}',
  '.exclusion rect{fill:#f1f2f4;stroke:#7a8594}',
].join('');

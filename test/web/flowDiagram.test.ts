import { describe, expect, it } from 'vitest';
import { buildFlowDiagram, layoutFlow, wrap } from '../../src/channels/web/flowDiagram.js';
import { loadContent } from '../../src/content/loadContent.js';

const content = loadContent();

describe('flow diagram', () => {
  it('lays every question and outcome out in layers, questions in the first column, arrows pointing down', () => {
    const { nodes, edges } = layoutFlow(content);
    expect(nodes.map((n) => n.id).sort()).toEqual([...content.flow.questions.map((q) => q.id), ...content.rules.outcomes.outcomes.map((o) => o.id)].sort());
    for (const q of content.flow.questions) expect(nodes.find((n) => n.id === q.id)).toMatchObject({ kind: 'question', slot: 0 });
    const layer = new Map(nodes.map((n) => [n.id, n.layer]));
    for (const e of edges) expect(layer.get(e.to)!, `${e.from} -> ${e.to}`).toBeGreaterThan(layer.get(e.from)!);
    expect(layer.get('mri_result')).toBe(layer.get('recommend-mri')! + 1);
    // Region's four answers all lead on to one question: one arrow, labels joined.
    expect(edges.filter((e) => e.from === 'region')).toEqual([{ from: 'region', to: 'recommend-mri', label: 'Cervical / Thoracic / Lumbar / Poorly localized', continuation: false }]);
    expect(edges.filter((e) => e.continuation)).toEqual([{ from: 'recommend-mri', to: 'mri_result', label: 'Record MRI result', continuation: true }]);
  });

  it('renders a standalone SVG: one group per node, one path per arrow, a title, no scripts or outside links', () => {
    const svg = buildFlowDiagram(content);
    const { nodes, edges } = layoutFlow(content);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')).toBe(true);
    expect(svg).toContain(`<title id="flow-title">${content.flow.title}: decision flow</title>`);
    expect(svg.match(/<g id="node-/g)).toHaveLength(nodes.length);
    expect(svg.match(/<path d="M[^"]+" class="edge[^"]*" marker-end="url\(#arrow\)"\/>/g)).toHaveLength(edges.length);
    expect(svg).toContain('<g id="node-suspicion" class="node question"><rect x="16" y="16" width="200" height="36" rx="8"/><text text-anchor="middle"><tspan x="116" y="38">Suspicion of infection</tspan></text></g>');
    expect(svg.match(/class="edge continuation"/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('escapes text from the flow files', () => {
    const tampered = structuredClone(content);
    tampered.flow.questions[0]!.label = 'A <b> & "c"';
    expect(buildFlowDiagram(tampered)).toContain('<tspan x="116" y="38">A &lt;b&gt; &amp; &quot;c&quot;</tspan>');
  });

  it('wraps words to the box width', () => {
    expect(wrap('MRI of the spine area of interest without and with IV contrast')).toEqual(['MRI of the spine area of', 'interest without and with', 'IV contrast']);
  });
});

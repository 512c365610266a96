import cytoscape from 'cytoscape';

export interface Dyad {
  readonly source: { readonly id: string; readonly name: string };
  readonly target: { readonly id: string; readonly name: string };
  readonly count: number;
}

/** Actors as nodes, dyads as edges whose width grows with the number of events. */
export function drawNetwork(el: HTMLElement, dyads: readonly Dyad[], onSelect: (actorId: string) => void): () => void {
  const nodes = new Map<string, { name: string; degree: number }>();
  for (const d of dyads) {
    for (const a of [d.source, d.target]) {
      const n = nodes.get(a.id) ?? { name: a.name, degree: 0 };
      n.degree += d.count;
      nodes.set(a.id, n);
    }
  }
  const max = Math.max(1, ...dyads.map((d) => d.count));
  const cy = cytoscape({
    container: el,
    elements: [
      ...[...nodes].map(([id, n]) => ({ data: { id, label: n.name, degree: n.degree } })),
      ...dyads.map((d, i) => ({ data: { id: `d${i}`, source: d.source.id, target: d.target.id, count: d.count } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#1f6f8b', width: 'mapData(degree, 1, 20, 14, 40)', height: 'mapData(degree, 1, 20, 14, 40)', color: '#222', 'text-valign': 'bottom', 'text-margin-y': 3 } },
      { selector: 'edge', style: { width: `mapData(count, 1, ${max}, 1, 8)`, 'line-color': '#9aa', 'target-arrow-color': '#9aa', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(count)', 'font-size': 9 } },
    ],
    layout: { name: nodes.size > 2 ? 'cose' : 'grid', animate: false, randomize: false },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (e) => onSelect(e.target.id() as string));
  return () => cy.destroy();
}

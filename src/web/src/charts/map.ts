import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };

export interface Place {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly count: number;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** An offline world map (Natural Earth 1:110m from world-atlas) with a circle per event location. */
export function drawMap(el: HTMLElement, places: readonly Place[]): void {
  const width = 960;
  const height = 500;
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topo, topo.objects.countries);
  const projection = geoNaturalEarth1().fitSize([width, height], countries);
  const path = geoPath(projection);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Map of ${places.length} event locations`, class: 'world' });
  const land = svg('g', { class: 'land' });
  for (const f of countries.features) land.appendChild(svg('path', { d: path(f) ?? '' }));
  root.appendChild(land);
  const max = Math.max(1, ...places.map((p) => p.count));
  const dots = svg('g', { class: 'dots' });
  for (const p of places) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const c = svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 9 * Math.sqrt(p.count / max)).toFixed(1), class: 'dot' });
    const title = svg('title', {});
    title.textContent = `${p.name}: ${p.count} event${p.count === 1 ? '' : 's'}`;
    c.appendChild(title);
    dots.appendChild(c);
  }
  root.appendChild(dots);
  el.replaceChildren(root);
}

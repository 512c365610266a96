import './style.css';
import { clear, failure } from './dom.ts';
import { documentsPage } from './pages/documents.ts';
import { readerPage } from './pages/reader.ts';
import { eventsPage } from './pages/events.ts';
import { actorPage, actorsPage } from './pages/actors.ts';
import { quotesPage } from './pages/quotes.ts';

/** A page renders into `root` from the route's path parts and query; it may be async. */
export type Page = (root: HTMLElement, parts: readonly string[], params: URLSearchParams) => void | Promise<void>;

const ROUTES: Readonly<Record<string, Page>> = {
  documents: documentsPage,
  doc: readerPage,
  events: eventsPage,
  actors: actorsPage,
  actor: actorPage,
  quotes: quotesPage,
};

/** Navigate to a route with query parameters (empty values dropped). */
export function go(path: string, params: Record<string, string | undefined> = {}): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  location.hash = `#/${path}${s ? `?${s}` : ''}`;
}

let renderId = 0;

async function render(): Promise<void> {
  const root = document.getElementById('main')!;
  const raw = location.hash.replace(/^#\/?/, '') || 'documents';
  const [path = '', qs = ''] = raw.split('?', 2);
  const parts = path.split('/').map((p) => decodeURIComponent(p));
  const page = ROUTES[parts[0]!] ?? documentsPage;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-nav]')) {
    const active = a.dataset.nav === parts[0] || (parts[0] === 'doc' && a.dataset.nav === 'documents') || (parts[0] === 'actor' && a.dataset.nav === 'actors');
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const id = ++renderId;
  const container = document.createElement('div');
  container.className = 'page';
  clear(root);
  root.appendChild(container);
  try {
    await page(container, parts.slice(1), new URLSearchParams(qs));
  } catch (e) {
    if (id === renderId) container.appendChild(failure(e));
  }
  document.body.dataset.ready = parts[0] ?? '';
}

window.addEventListener('hashchange', () => void render());
void render();

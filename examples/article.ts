// The example article's scroll steps. Each `.step` names a window and a focus area in data
// attributes; when it reaches the reading line, this script tells the embedded map through the
// map's public message API (docs/embed.md), exactly as any article page could. It imports nothing
// from the map's code: the iframe that embed.js creates is the only way in.

const APP = 'sahel-incident-map';
const VERSION = 1;
/** The reading line, as a fraction of the viewport's height from the top: below the sticky map on phones. */
const LINE = 0.68;

interface StepView {
  from: string;
  to: string;
  view: string;
}

const container = document.querySelector<HTMLElement>('[data-sahel-map]');

/**
 * `?lang=fr|en` on the article reaches the map as the embed's `data-lang` (embed.js reads the
 * attributes when the frame loads). Without it the embed follows the reader's browser language.
 * The article's own prose is the author's, in English, and keeps `<html lang="en">`.
 */
const lang = new URLSearchParams(window.location.search).get('lang')?.trim().toLowerCase();
if (container && (lang === 'fr' || lang === 'en')) {
  container.dataset.lang = lang;
  // embed.js may already have loaded the frame (no IntersectionObserver, or it ran first and the map was in view).
  const loaded = container.querySelector('iframe');
  if (loaded?.src) {
    const url = new URL(loaded.src);
    if (url.searchParams.get('lang') !== lang) {
      url.searchParams.set('lang', lang);
      loaded.src = url.href;
    }
  }
}
const steps = [...document.querySelectorAll<HTMLElement>('.step')];
let frame: HTMLIFrameElement | null = null;
let ready = false;
let current: StepView | null = null;

/** The view before the first step: the embed's own attributes. */
const initial: StepView = {
  from: container?.dataset.from ?? '2021-03-01',
  to: container?.dataset.to ?? '2021-04-05',
  view: container?.dataset.view ?? 'sahel',
};

function viewOf(step: HTMLElement): StepView {
  const d = step.dataset;
  return { from: d.from ?? initial.from, to: d.to ?? initial.to, view: d.view ?? initial.view };
}

function send(message: Record<string, unknown>): void {
  if (!frame?.contentWindow || !frame.src) return;
  frame.contentWindow.postMessage({ app: APP, version: VERSION, ...message }, new URL(frame.src).origin);
}

function show(view: StepView): void {
  current = view;
  if (!ready || !frame) return;
  send({ type: 'set-window', from: view.from, to: view.to, mode: 'window' });
  send({ type: 'fly-to', view: view.view });
  // A popup left open by the reader belongs to the previous step; the story labels its own events.
  send({ type: 'select', selection: null });
}

function activate(step: HTMLElement | null): void {
  for (const s of steps) s.classList.toggle('is-active', s === step);
  show(step ? viewOf(step) : initial);
}

window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { app?: unknown; type?: unknown } | null;
  if (!data || data.app !== APP || data.type !== 'ready') return;
  frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source) ?? null;
  if (!frame) return;
  ready = true;
  // A reader who scrolled before the map was ready lands on the step they are reading.
  if (current) show(current);
});

if (steps.length && 'IntersectionObserver' in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const step = entry.target as HTMLElement;
        if (entry.isIntersecting) activate(step);
        else if (step === steps[0] && entry.boundingClientRect.top > window.innerHeight * LINE) activate(null);
      }
    },
    // A one-pixel band at the reading line: a step is active while it crosses it.
    { rootMargin: `-${LINE * 100}% 0px -${100 - LINE * 100 - 0.5}% 0px` },
  );
  for (const step of steps) observer.observe(step);
}

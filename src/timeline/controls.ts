import { t } from '../i18n/messages';
import { isSpeed, SPEEDS, type AppState } from '../state';
import type { TimelineText } from './labels';
import { STEP_UNITS, type StepUnit } from './windowMath';

/** What the buttons ask for; the timeline turns each into a store change. */
export interface ControlHandlers {
  togglePlay(): void;
  setSpeed(speed: number): void;
  setMode(mode: AppState['mode']): void;
  setMetric(metric: AppState['metric']): void;
  step(unit: StepUnit, direction: 1 | -1): void;
}

/** Where the window is, for disabling what cannot move it. */
export interface ControlEdges {
  atStart: boolean;
  atEnd: boolean;
  /** False without data: nothing to play or step through. */
  hasData: boolean;
}

export interface Controls {
  readonly element: HTMLElement;
  update(state: AppState, edges: ControlEdges): void;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Icon paths on a 16×16 grid: drawn, not typed, so no glyph depends on a font. */
const ICONS = {
  play: 'M4 2.5v11l9.5-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  back: 'M10.5 3 5.5 8l5 5',
  forward: 'M5.5 3l5 5-5 5',
} as const;

function icon(path: string, stroked: boolean): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', stroked ? 'timeline__icon timeline__icon--stroke' : 'timeline__icon');
  const p = document.createElementNS(SVG, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

function button(className: string, testId: string, label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.dataset.testid = testId;
  b.setAttribute('aria-label', label);
  b.title = label;
  return b;
}

function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

/**
 * A two-segment choice: two real buttons side by side in a labelled group, the current one pressed
 * (aria-pressed). Each button's name is its visible text, so what a reader sees is what a voice
 * control or a screen reader calls it. The second option carries `testId`, the first `testId-off`.
 */
function toggle(testId: string, label: string, off: string, on: string, choose: (second: boolean) => void): { group: HTMLElement; first: HTMLButtonElement; second: HTMLButtonElement } {
  const group = document.createElement('div');
  group.className = 'timeline__toggle';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  const make = (text: string, id: string, second: boolean) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'timeline__segment';
    b.dataset.testid = id;
    b.textContent = text;
    b.setAttribute('aria-pressed', 'false');
    b.addEventListener('click', () => choose(second));
    return b;
  };
  const first = make(off, `${testId}-off`, false);
  const second = make(on, testId, true);
  group.append(first, second);
  return { group, first, second };
}

/**
 * The controls under the track, in two groups: play and the six step buttons (transport), then
 * speed and the mode and metric toggles (settings). Every control is a real <button> or <select>;
 * the groups share a row on a wide track and take one row each on a phone (timeline.css). Disabled states use aria-disabled, so a focused button at the end
 * of the data keeps its focus instead of dropping it to the page.
 */
export function createControls(text: TimelineText, handlers: ControlHandlers): Controls {
  const { messages } = text;
  const element = document.createElement('div');
  element.className = 'timeline__controls';

  const transport = document.createElement('div');
  transport.className = 'timeline__group timeline__group--transport';
  const play = button('timeline__button timeline__play', 'play', messages.play);
  const playIcon = icon(ICONS.play, false);
  const pauseIcon = icon(ICONS.pause, false);
  play.append(playIcon, pauseIcon);
  play.addEventListener('click', () => {
    if (play.getAttribute('aria-disabled') !== 'true') handlers.togglePlay();
  });
  const speed = document.createElement('select');
  speed.className = 'timeline__speed';
  speed.dataset.testid = 'speed';
  speed.setAttribute('aria-label', messages.speed);
  speed.title = messages.speed;
  for (const n of SPEEDS) {
    const option = document.createElement('option');
    option.value = String(n);
    option.textContent = t(messages.speedOption, { n });
    speed.append(option);
  }
  speed.addEventListener('change', () => handlers.setSpeed(Number(speed.value)));

  const steps = document.createElement('div');
  steps.className = 'timeline__group timeline__group--steps';
  steps.setAttribute('role', 'group');
  steps.setAttribute('aria-label', messages.stepGroup);
  const unitName: Record<StepUnit, string> = { day: messages.stepDay, week: messages.stepWeek, month: messages.stepMonth };
  const unitShort: Record<StepUnit, string> = { day: messages.stepDayShort, week: messages.stepWeekShort, month: messages.stepMonthShort };
  const stepButtons: { el: HTMLButtonElement; direction: 1 | -1 }[] = [];
  const makeStep = (unit: StepUnit, direction: 1 | -1) => {
    const name = direction < 0 ? 'back' : 'forward';
    // The accessible name starts with the visible text ("wk: Back one week"), as WCAG 2.5.3 asks,
    // so a reader who says what they see ("click wk") reaches the button.
    const label = `${unitShort[unit]}: ${t(direction < 0 ? messages.stepBack : messages.stepForward, { unit: unitName[unit] })}`;
    const el = button(`timeline__button timeline__step timeline__step--${name}`, `step-${name}-${unit}`, label);
    const glyph = icon(direction < 0 ? ICONS.back : ICONS.forward, true);
    const short = span('timeline__step-label', unitShort[unit]);
    short.setAttribute('aria-hidden', 'true');
    if (direction < 0) el.append(glyph, short);
    else el.append(short, glyph);
    el.addEventListener('click', () => {
      if (el.getAttribute('aria-disabled') !== 'true') handlers.step(unit, direction);
    });
    stepButtons.push({ el, direction });
    return el;
  };
  // Coarse to fine going out from the middle: ‹mo ‹wk ‹day | day› wk› mo›
  for (const unit of [...STEP_UNITS].reverse()) steps.append(makeStep(unit, -1));
  for (const unit of STEP_UNITS) steps.append(makeStep(unit, 1));

  transport.append(play, steps);

  const settings = document.createElement('div');
  settings.className = 'timeline__group timeline__group--settings';
  const mode = toggle('mode', `${messages.modeWindow} / ${messages.modeCumulative}`, messages.modeWindow, messages.modeCumulative, (c) => handlers.setMode(c ? 'cumulative' : 'window'));
  const metric = toggle('metric', `${messages.metricEvents} / ${messages.metricDeaths}`, messages.metricEventsShort, messages.metricDeathsShort, (d) => handlers.setMetric(d ? 'deaths' : 'events'));
  settings.append(speed, mode.group, metric.group);

  element.append(transport, settings);

  const setDisabled = (el: HTMLElement, disabled: boolean) => {
    if (disabled) el.setAttribute('aria-disabled', 'true');
    else el.removeAttribute('aria-disabled');
  };
  const setToggle = (t: { first: HTMLButtonElement; second: HTMLButtonElement }, on: boolean) => {
    t.first.setAttribute('aria-pressed', String(!on));
    t.second.setAttribute('aria-pressed', String(on));
    t.first.classList.toggle('timeline__segment--on', !on);
    t.second.classList.toggle('timeline__segment--on', on);
  };

  return {
    element,
    update(state, edges) {
      const label = state.playing ? messages.pause : messages.play;
      play.setAttribute('aria-label', label);
      play.title = label;
      play.classList.toggle('timeline__play--playing', state.playing);
      playIcon.style.display = state.playing ? 'none' : '';
      pauseIcon.style.display = state.playing ? '' : 'none';
      setDisabled(play, !edges.hasData);
      const speedValue = String(isSpeed(state.speed) ? state.speed : 1);
      if (speed.value !== speedValue) speed.value = speedValue;
      for (const { el, direction } of stepButtons) setDisabled(el, !edges.hasData || (direction < 0 ? edges.atStart : edges.atEnd));
      setToggle(mode, state.mode === 'cumulative');
      setToggle(metric, state.metric === 'deaths');
    },
  };
}

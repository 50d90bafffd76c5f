import type { Messages } from '../i18n/messages';
import { t } from '../i18n/messages';
import { searchAreas, type AreaChoice } from './areaSearch';
import './areaPicker.css';

export interface AreaPickerOptions {
  choices: readonly AreaChoice[];
  messages: Messages;
  lang: 'en' | 'fr';
  /** The reader picked an area (Enter, a click or a tap on an option). */
  onPick: (id: string) => void;
}

export interface AreaPicker {
  /** Replaces the list (the areas come with the data's area index). */
  setChoices(choices: readonly AreaChoice[]): void;
  /** Shows the selected area's name in the box (null: empty). */
  setSelected(id: string | null): void;
  destroy(): void;
}

let pickerCount = 0;

/**
 * A searchable list of the regions and focus areas (an ARIA 1.2 combobox with a grouped listbox):
 * typing filters by English and French names without accents, arrows move, Enter picks, Escape
 * closes. Names are plain text (textContent).
 */
export function mountAreaPicker(host: HTMLElement, options: AreaPickerOptions): AreaPicker {
  const { messages, lang } = options;
  let choices = options.choices;
  const uid = `area-picker-${++pickerCount}`;
  const root = document.createElement('div');
  root.className = 'area-picker';
  const label = document.createElement('label');
  label.htmlFor = `${uid}-input`;
  label.className = 'visually-hidden';
  label.textContent = messages.areaPickerLabel;
  const input = document.createElement('input');
  input.id = `${uid}-input`;
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = messages.areaPickerPlaceholder;
  input.dataset.testid = 'area-picker';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', `${uid}-list`);
  const list = document.createElement('div');
  list.id = `${uid}-list`;
  list.className = 'area-picker__list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', messages.areaPickerLabel);
  list.hidden = true;
  const live = document.createElement('span');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  root.append(label, input, list, live);
  host.append(root);

  const groupName = (key: string) => (key === 'focus' ? messages.areaGroupFocus : key);
  const nameOf = (c: AreaChoice) => (lang === 'fr' ? c.nameFr : c.name);
  let shown: { option: HTMLElement; choice: AreaChoice }[] = [];
  let active = -1;
  let selectedId: string | null = null;

  const setActive = (i: number) => {
    shown[active]?.option.setAttribute('aria-selected', 'false');
    active = shown.length ? (i + shown.length) % shown.length : -1;
    const current = shown[active];
    if (!current) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    current.option.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', current.option.id);
    current.option.scrollIntoView({ block: 'nearest' });
  };
  const render = () => {
    const groups = searchAreas(choices, input.value === nameOfSelected() ? '' : input.value, lang);
    list.replaceChildren();
    shown = [];
    active = -1;
    groups.forEach((g, gi) => {
      const group = document.createElement('div');
      group.setAttribute('role', 'group');
      const heading = document.createElement('div');
      heading.id = `${uid}-g${gi}`;
      heading.className = 'area-picker__group';
      heading.setAttribute('role', 'presentation');
      heading.textContent = groupName(g.key);
      group.setAttribute('aria-labelledby', heading.id);
      group.append(heading);
      for (const choice of g.choices) {
        const option = document.createElement('div');
        option.id = `${uid}-o${shown.length}`;
        option.className = 'area-picker__option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset.areaId = choice.id;
        option.textContent = nameOf(choice);
        const other = lang === 'fr' ? choice.name : choice.nameFr;
        if (other !== nameOf(choice)) {
          const alt = document.createElement('span');
          alt.className = 'area-picker__alt';
          alt.lang = lang === 'fr' ? 'en' : 'fr';
          alt.textContent = other;
          option.append(' ', alt);
        }
        // mousedown, not click: the input keeps the focus, so the list is not closed by its blur first.
        option.addEventListener('mousedown', (e) => {
          e.preventDefault();
          pick(choice);
        });
        group.append(option);
        shown.push({ option, choice });
      }
      list.append(group);
    });
    if (shown.length === 0) {
      const none = document.createElement('div');
      none.className = 'area-picker__none';
      none.textContent = messages.areaPickerNoMatch;
      list.append(none);
    }
    live.textContent = shown.length ? t(messages.areaPickerCount, { count: shown.length }) : messages.areaPickerNoMatch;
  };
  const nameOfSelected = () => {
    const c = choices.find((x) => x.id === selectedId);
    return c ? nameOf(c) : '';
  };
  const open = () => {
    render();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const pick = (choice: AreaChoice) => {
    selectedId = choice.id;
    input.value = nameOf(choice);
    close();
    options.onPick(choice.id);
  };

  input.addEventListener('input', open);
  input.addEventListener('focus', () => input.select());
  input.addEventListener('click', () => (list.hidden ? open() : undefined));
  input.addEventListener('blur', () => {
    close();
    input.value = nameOfSelected();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) open();
      setActive(active < 0 ? (e.key === 'ArrowDown' ? 0 : -1) : active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      if (list.hidden) return;
      e.preventDefault();
      const choice = shown[active >= 0 ? active : 0]?.choice;
      if (choice) pick(choice);
    } else if (e.key === 'Escape') {
      if (list.hidden) return;
      e.preventDefault();
      e.stopPropagation();
      close();
      input.value = nameOfSelected();
    }
  });

  return {
    setChoices(next) {
      choices = next;
      if (document.activeElement !== input) input.value = nameOfSelected();
      // The areas arrive after the first draw: a list already open shows them as they come.
      else if (!list.hidden) render();
    },
    setSelected(id) {
      selectedId = id;
      if (document.activeElement !== input) input.value = nameOfSelected();
    },
    destroy() {
      root.remove();
    },
  };
}

/** The loading state, and the error state that replaces a blank map when something fails to load. */
export interface LoadingOverlay {
  done(): void;
  fail(message: string): void;
}

export function mountLoadingOverlay(container: HTMLElement, text: string): LoadingOverlay {
  const el = document.createElement('div');
  el.className = 'loading-overlay';
  el.setAttribute('role', 'status');
  el.dataset.testid = 'loading';
  const spinner = document.createElement('span');
  spinner.className = 'spinner';
  spinner.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.textContent = text;
  el.append(spinner, label);
  container.append(el);
  return {
    done: () => el.remove(),
    fail(message) {
      el.classList.add('failed');
      el.setAttribute('role', 'alert');
      el.dataset.testid = 'load-error';
      spinner.remove();
      label.textContent = message;
    },
  };
}

/** The loading state, and the error state that replaces a blank map when something fails to load. */
export interface LoadingOverlay {
  done(): void;
  /** Replaces the spinner with `message`, and a button when a second try may help (a timeout). */
  fail(message: string, retry?: { label: string; onRetry(): void }): void;
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
    fail(message, retry) {
      el.classList.add('failed');
      el.setAttribute('role', 'alert');
      el.dataset.testid = 'load-error';
      spinner.remove();
      label.textContent = message;
      el.querySelector('button')?.remove();
      if (!retry) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'loading-retry';
      button.textContent = retry.label;
      button.addEventListener('click', () => retry.onRetry());
      el.append(button);
    },
  };
}

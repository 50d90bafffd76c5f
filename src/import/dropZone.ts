/** Whether a drag carries files (not text or a link dragged from the page). */
function hasFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

/**
 * Makes the whole page a drop target for data files: while a file is dragged over it, an overlay
 * says what dropping does; a drop hands the first file to `onFile`. Returns a function that
 * removes the listeners and the overlay.
 */
export function bindDropZone(target: HTMLElement, hint: string, onFile: (file: File) => void): () => void {
  const overlay = document.createElement('div');
  overlay.className = 'import-drop-overlay';
  overlay.dataset.testid = 'import-drop-overlay';
  overlay.hidden = true;
  const text = document.createElement('p');
  text.textContent = hint;
  overlay.append(text);
  target.append(overlay);
  // dragenter/dragleave fire for every child crossed: count them to know when the drag has left.
  let depth = 0;
  const show = (on: boolean) => {
    overlay.hidden = !on;
  };
  const onEnter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    show(true);
  };
  const onOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onLeave = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) show(false);
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    show(false);
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  };
  target.addEventListener('dragenter', onEnter);
  target.addEventListener('dragover', onOver);
  target.addEventListener('dragleave', onLeave);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragenter', onEnter);
    target.removeEventListener('dragover', onOver);
    target.removeEventListener('dragleave', onLeave);
    target.removeEventListener('drop', onDrop);
    overlay.remove();
  };
}

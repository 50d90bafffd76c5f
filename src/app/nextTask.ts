/**
 * Resolves in a later task of the page's (a zero timeout): work after it runs in a task of its
 * own, so that two pieces of work that each fit in a frame never make one long task together.
 * A timeout rather than requestAnimationFrame: it runs in a hidden tab too.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

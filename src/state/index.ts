/** The app's core: the store, its vocabulary, the codec and URL binding, and the derived view. Re-exports only. */
export * from './store';
export * from './vocabulary';
export * from './codec';
export * from './url';
export * from './derive';
export { formatDay, parseDay } from '../data/calendarDay';
export * from './deriveAreas';
export * from './matchInView';

import { linkProgram, type LinkedProgram } from './program';

/**
 * One linked program per shader pair per GL context, shared by every layer that draws with it and
 * deleted when the last one lets go. Compiling and linking is a long main-thread task under a
 * software renderer (SwiftShader): the bundled layer and an import must not each pay for it.
 */
interface Entry {
  linked: LinkedProgram;
  refs: number;
}

type ProgramGl = Parameters<typeof linkProgram>[0];

const caches = new WeakMap<object, Map<string, Entry>>();

/** A handle on a shared program: `release` once, when the renderer is done with it. */
export interface SharedProgram {
  readonly linked: LinkedProgram;
  release(): void;
}

/** The program for this pair on `gl`, linked on first use; a string says why it cannot be (and nothing is cached). */
export function acquireProgram(gl: ProgramGl, vertexSource: string, fragmentSource: string): SharedProgram | string {
  let cache = caches.get(gl);
  if (!cache) {
    cache = new Map();
    caches.set(gl, cache);
  }
  const key = `${vertexSource}\u0000${fragmentSource}`;
  let entry = cache.get(key);
  // A program from before a lost context is dead on the restored one (the same object): link afresh,
  // and let the old handles' release delete nothing.
  if (entry && !gl.isProgram(entry.linked.program)) {
    entry.refs = Number.POSITIVE_INFINITY;
    cache.delete(key);
    entry = undefined;
  }
  if (!entry) {
    const linked = linkProgram(gl, vertexSource, fragmentSource);
    if (typeof linked === 'string') return linked;
    entry = { linked, refs: 0 };
    cache.set(key, entry);
  }
  entry.refs++;
  const held = entry;
  const map = cache;
  let released = false;
  return {
    linked: held.linked,
    release() {
      if (released) return;
      released = true;
      held.refs--;
      if (held.refs > 0) return;
      if (map.get(key) === held) map.delete(key);
      gl.deleteProgram(held.linked.program);
    },
  };
}

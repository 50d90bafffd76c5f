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
    const fresh = new Map<string, Entry>();
    caches.set(gl, (cache = fresh));
    // A program from before a lost context is dead on the restored one (the same context object):
    // forget them all, so the next acquire links afresh, and let the old handles' release delete
    // nothing. The canvas's event, not gl.isProgram per acquire: that call waits for the GPU
    // process to catch up, 60 ms at an import under a software renderer.
    gl.canvas.addEventListener(
      'webglcontextlost',
      () => {
        for (const entry of fresh.values()) entry.refs = Number.POSITIVE_INFINITY;
        fresh.clear();
        if (caches.get(gl) === fresh) caches.delete(gl);
      },
      { once: true },
    );
  }
  const key = `${vertexSource}\u0000${fragmentSource}`;
  let entry = cache.get(key);
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

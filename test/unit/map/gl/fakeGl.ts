/**
 * Just enough of a WebGL2 context for the renderers' bookkeeping: every call is recorded, shaders
 * always compile, a program's active attributes are the `in` names of its vertex source, and
 * buffers keep the bytes written to them. No pixels.
 */
export interface FakeGl {
  gl: WebGL2RenderingContext;
  calls: { name: string; args: unknown[] }[];
  count(name: string): number;
  /** Bytes of each buffer created, in creation order. */
  buffers: Uint8Array[];
  /** Marks every program made so far dead, as a lost context does. */
  loseContext(): void;
}

export function createFakeGl(): FakeGl {
  const calls: { name: string; args: unknown[] }[] = [];
  const shaders = new Map<object, string>();
  const programs = new Map<object, { attributes: string[]; uniforms: string[]; alive: boolean }>();
  const buffers: Uint8Array[] = [];
  const bufferOf = new Map<object, number>();
  let bound: object | null = null;
  /** The context's canvas: it hears webglcontextlost, as a real one does. */
  const canvas = new EventTarget();
  const names = (source: string, kind: 'in' | 'uniform') => [...source.matchAll(new RegExp(`^\\s*${kind}\\s+\\w+\\s+\\w+\\s+(\\w+)|^\\s*${kind}\\s+\\w+\\s+(\\w+)`, 'gm'))].map((m) => m[1] ?? m[2]);
  const impl: Record<string, (...args: never[]) => unknown> = {
    createShader: () => ({ shader: true }),
    shaderSource: ((s: object, src: string) => shaders.set(s, src)) as never,
    getShaderParameter: () => true,
    createProgram: () => {
      const p = { program: true };
      programs.set(p, { attributes: [], uniforms: [], alive: true });
      return p;
    },
    attachShader: ((p: object, s: object) => {
      const src = shaders.get(s) ?? '';
      const entry = programs.get(p)!;
      if (/gl_Position/.test(src)) entry.attributes.push(...names(src, 'in'));
      entry.uniforms.push(...names(src, 'uniform'));
    }) as never,
    getProgramParameter: ((p: object, pname: number) => {
      const e = programs.get(p)!;
      if (pname === 0x8b89) return e.attributes.length;
      if (pname === 0x8b86) return e.uniforms.length;
      return true;
    }) as never,
    getActiveAttrib: ((p: object, i: number) => ({ name: programs.get(p)!.attributes[i] })) as never,
    getActiveUniform: ((p: object, i: number) => ({ name: programs.get(p)!.uniforms[i] })) as never,
    getAttribLocation: ((p: object, name: string) => programs.get(p)!.attributes.indexOf(name)) as never,
    getUniformLocation: ((_p: object, name: string) => ({ uniform: name })) as never,
    isProgram: ((p: object) => programs.get(p)?.alive === true) as never,
    deleteProgram: ((p: object) => {
      const e = programs.get(p);
      if (e) e.alive = false;
    }) as never,
    getParameter: () => new Float32Array([1, 1024]),
    createBuffer: () => {
      const b = { buffer: buffers.length };
      bufferOf.set(b, buffers.length);
      buffers.push(new Uint8Array(0));
      return b;
    },
    bindBuffer: ((_t: number, b: object | null) => {
      bound = b;
    }) as never,
    bufferData: ((_t: number, data: number | ArrayBufferView | ArrayBuffer) => {
      const k = bufferOf.get(bound!)!;
      if (typeof data === 'number') buffers[k] = new Uint8Array(data);
      else buffers[k] = new Uint8Array(ArrayBuffer.isView(data) ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data.slice(0));
    }) as never,
    bufferSubData: ((_t: number, offset: number, data: ArrayBufferView, srcOffset = 0, length?: number) => {
      const k = bufferOf.get(bound!)!;
      const per = (data as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT ?? 1;
      const n = length ?? data.byteLength / per - srcOffset;
      const bytes = new Uint8Array(data.buffer, data.byteOffset + srcOffset * per, n * per);
      buffers[k].set(bytes, offset);
    }) as never,
    createVertexArray: () => ({ vao: true }),
  };
  const gl = new Proxy(
    {},
    {
      get(_t, prop: string) {
        if (prop === 'canvas') return canvas;
        if (prop === 'VERTEX_SHADER') return 0x8b31;
        if (prop === 'FRAGMENT_SHADER') return 0x8b30;
        if (prop === 'ACTIVE_ATTRIBUTES') return 0x8b89;
        if (prop === 'ACTIVE_UNIFORMS') return 0x8b86;
        if (prop === 'FLOAT') return 0x1406;
        if (prop === 'UNSIGNED_BYTE') return 0x1401;
        if (/^[A-Z_0-9]+$/.test(prop)) return 1;
        return (...args: unknown[]) => {
          calls.push({ name: prop, args });
          return impl[prop]?.(...(args as never[]));
        };
      },
    },
  ) as WebGL2RenderingContext;
  return {
    gl,
    calls,
    count: (name) => calls.filter((c) => c.name === name).length,
    buffers,
    loseContext() {
      for (const e of programs.values()) e.alive = false;
      canvas.dispatchEvent(new Event('webglcontextlost'));
    },
  };
}

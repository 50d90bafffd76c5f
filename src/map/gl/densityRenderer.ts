import type { DensityBins } from '../../data/densityBins';
import type { DensityScale } from '../densityScale';
import { DENSITY_FRAGMENT_SHADER, DENSITY_VERTEX_SHADER } from './densityShaders';
import { acquireProgram, type SharedProgram } from './programCache';
import { hexToRgb } from './uniforms';

/** Opacity of a square: the basemap's borders and roads stay faintly readable under it. */
export const DENSITY_OPACITY = 0.82;

/**
 * Per-square instance data: corner x, y relative to the columns' origin (float32) and an RGBA8
 * colour, interleaved in 12 bytes. Pure, so it can be tested without GL.
 */
export function densityInstances(bins: DensityBins, originX: number, originY: number, scale: DensityScale): ArrayBuffer {
  const out = new ArrayBuffer(12 * bins.length);
  const xy = new Float32Array(out);
  const rgba = new Uint8Array(out);
  const palette = [scale.zero, ...scale.colours].map((hex) => hexToRgb(hex).map((c) => Math.round(c * 255)));
  for (let k = 0; k < bins.length; k++) {
    xy[3 * k] = bins.ix[k] * bins.size - originX;
    xy[3 * k + 1] = bins.iy[k] * bins.size - originY;
    const [r, g, b] = palette[scale.classOf(bins.deaths[k]) + 1];
    rgba.set([r, g, b, 255], 12 * k + 8);
  }
  return out;
}

/**
 * The GL half of the density view: one shared program, one instance buffer rewritten whenever the
 * bins change (a few thousand squares at most), one instanced draw per frame. As the marker
 * renderer, it touches GL state only inside `draw`.
 */
export class DensityRenderer {
  private vao: WebGLVertexArrayObject | null = null;
  private buffer: WebGLBuffer | null = null;
  private count = 0;
  private size = 0;
  private pending: { data: ArrayBuffer; count: number; size: number } | null = null;

  private constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly shared: SharedProgram,
  ) {}

  static create(gl: WebGL2RenderingContext): DensityRenderer | string {
    const shared = acquireProgram(gl, DENSITY_VERTEX_SHADER, DENSITY_FRAGMENT_SHADER);
    if (typeof shared === 'string') return shared;
    if (!('a_cell' in shared.linked.attributes) || !('a_colour' in shared.linked.attributes)) {
      shared.release();
      return 'density attributes optimised away';
    }
    return new DensityRenderer(gl, shared);
  }

  /** Queues the squares, uploaded at the next draw. */
  setBins(bins: DensityBins, originX: number, originY: number, scale: DensityScale): void {
    this.pending = { data: densityInstances(bins, originX, originY, scale), count: bins.length, size: bins.size };
  }

  /** `gap` in Mercator units, left on each side of a square. */
  draw(matrix: Float32Array, gap: number): void {
    const gl = this.gl;
    if (this.pending) this.upload(this.pending);
    if (!this.vao || this.count === 0) return;
    const { program, uniforms: u } = this.shared.linked;
    gl.useProgram(program);
    gl.uniformMatrix4fv(u.u_matrix, false, matrix);
    gl.uniform1f(u.u_size, this.size);
    gl.uniform1f(u.u_gap, Math.min(gap, this.size / 4));
    gl.uniform1f(u.u_opacity, DENSITY_OPACITY);
    gl.bindVertexArray(this.vao);
    gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, this.count);
    gl.bindVertexArray(null);
  }

  private upload(next: { data: ArrayBuffer; count: number; size: number }): void {
    const gl = this.gl;
    this.pending = null;
    if (!this.vao) {
      this.vao = gl.createVertexArray();
      this.buffer = gl.createBuffer();
      if (!this.vao || !this.buffer) return;
      const { attributes: a } = this.shared.linked;
      gl.bindVertexArray(this.vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
      gl.enableVertexAttribArray(a.a_cell);
      gl.vertexAttribPointer(a.a_cell, 2, gl.FLOAT, false, 12, 0);
      gl.vertexAttribDivisor(a.a_cell, 1);
      gl.enableVertexAttribArray(a.a_colour);
      gl.vertexAttribPointer(a.a_colour, 4, gl.UNSIGNED_BYTE, true, 12, 8);
      gl.vertexAttribDivisor(a.a_colour, 1);
      gl.bindVertexArray(null);
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
    gl.bufferData(gl.ARRAY_BUFFER, next.data, gl.DYNAMIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.count = next.count;
    this.size = next.size;
  }

  dispose(): void {
    if (this.buffer) this.gl.deleteBuffer(this.buffer);
    if (this.vao) this.gl.deleteVertexArray(this.vao);
    this.buffer = null;
    this.vao = null;
    this.shared.release();
  }
}

import type { FilterMasks, IncidentColumns } from '../../data/incidentColumns';
import { INCIDENT_FRAGMENT_SHADER, INCIDENT_VERTEX_SHADER } from './incidentShaders';
import { linkProgram, type LinkedProgram } from './program';
import type { MarkerStyle } from '../markerStyle';
import { markerUniforms, type MarkerUniforms } from './uniforms';

/** What one frame draws: the slice, the filter masks and how to shade it. Days are relative to the columns' origin. */
export interface IncidentDrawState {
  lo: number;
  hi: number;
  masks: FilterMasks;
  /** First and last day of the reader's window (inclusive). */
  window: [number, number];
  /** Events before this day are drawn at `dimOpacity` (cumulative mode); -Infinity for none. */
  dimBefore: number;
  dimOpacity: number;
  /** Days over which markers fade at the window's edges; 0 for no fade. */
  fadeDays: number;
  /** Column index of the selected event, or -1. */
  selected: number;
  /** Draw the match flags (the matching toggle is on and the layer has flags). */
  matching: boolean;
}

interface Buffers {
  vao: WebGLVertexArrayObject;
  buffers: WebGLBuffer[];
  count: number;
}

const ATTRIBUTES = ['a_pos', 'a_day', 'a_radius', 'a_class', 'a_match'] as const;

/**
 * The GL half of the incident layer: one program, one vertex array with four buffers uploaded
 * once per dataset, one or two draw calls per frame. It touches GL state only inside `draw`
 * (called from the custom layer's `render`), where maplibre resets its state cache afterwards.
 */
export class IncidentRenderer {
  private readonly style: MarkerUniforms;
  private pending: IncidentColumns | null = null;
  /** The match flags (one byte per event), and whether they changed since the last upload. */
  private matchFlags: Uint8Array | null = null;
  private matchPending = false;
  private uploaded: Buffers | null = null;
  private readonly maxPointSize: number;

  private constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly linked: LinkedProgram,
    style: MarkerStyle,
  ) {
    this.style = markerUniforms(style);
    const range = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array | null;
    this.maxPointSize = range ? range[1] : 64;
  }

  /** A renderer, or the reason it cannot run (shaders rejected, context lost). */
  static create(gl: WebGL2RenderingContext, style: MarkerStyle): IncidentRenderer | string {
    const linked = linkProgram(gl, INCIDENT_VERTEX_SHADER, INCIDENT_FRAGMENT_SHADER);
    if (typeof linked === 'string') return linked;
    const missing = ATTRIBUTES.filter((name) => !(name in linked.attributes));
    if (missing.length > 0) return `attributes optimised away: ${missing.join(', ')}`;
    return new IncidentRenderer(gl, linked, style);
  }

  /** Queues the columns; they are uploaded at the next draw, inside maplibre's render pass. */
  setColumns(columns: IncidentColumns): void {
    this.pending = columns;
  }

  /** Queues the match flags (src/data/datasetMatch.ts), in the columns' order; null for none. */
  setMatchFlags(flags: Uint8Array | null): void {
    this.matchFlags = flags;
    this.matchPending = true;
  }

  draw(matrix: Float32Array, pixelRatio: number, state: IncidentDrawState): void {
    const gl = this.gl;
    if (this.pending) this.upload(this.pending);
    else if (this.matchPending && this.uploaded) this.uploadMatch(this.uploaded);
    const data = this.uploaded;
    const hi = Math.min(state.hi, data?.count ?? 0);
    if (!data || hi <= state.lo) return;
    const { program, uniforms: u } = this.linked;
    gl.useProgram(program);
    gl.uniformMatrix4fv(u.u_matrix, false, matrix);
    gl.uniform1f(u.u_pixel_ratio, pixelRatio);
    gl.uniform1f(u.u_max_point_size, this.maxPointSize);
    gl.uniform1ui(u.u_type_mask, state.masks.types);
    gl.uniform1ui(u.u_country_mask, state.masks.countries);
    gl.uniform2f(u.u_window, state.window[0], state.window[1]);
    gl.uniform1f(u.u_fade_days, state.fadeDays);
    gl.uniform1f(u.u_dim_before, Math.max(-1e30, state.dimBefore));
    gl.uniform1f(u.u_dim_opacity, state.dimOpacity);
    gl.uniform1i(u.u_selected, state.selected);
    const m = this.style;
    gl.uniform3fv(u.u_colours, m.u_colours);
    gl.uniform1f(u.u_fill_opacity, m.u_fill_opacity);
    gl.uniform1f(u.u_rim_opacity, m.u_rim_opacity);
    gl.uniform3fv(u.u_rim_colour, m.u_rim_colour);
    gl.uniform3fv(u.u_no_deaths_fill, m.u_no_deaths_fill);
    gl.uniform2fv(u.u_rim_widths, m.u_rim_widths);
    gl.uniform1f(u.u_blur, m.u_blur);
    gl.uniform2fv(u.u_selection_ring, m.u_selection_ring);
    gl.uniform3fv(u.u_selection_colour, m.u_selection_colour);
    gl.uniform1i(u.u_matching, state.matching ? 1 : 0);
    gl.uniform1f(u.u_match_dim, m.u_match_dim);
    gl.uniform2fv(u.u_unmatched_ring, m.u_unmatched_ring);
    gl.uniform3fv(u.u_unmatched_colour, m.u_unmatched_colour);
    gl.uniform1f(u.u_match_dashes, m.u_match_dashes);
    gl.bindVertexArray(data.vao);
    gl.drawArrays(gl.POINTS, state.lo, hi - state.lo);
    if (state.selected >= state.lo && state.selected < hi) gl.drawArrays(gl.POINTS, state.selected, 1);
    gl.bindVertexArray(null);
  }

  private upload(columns: IncidentColumns): void {
    const gl = this.gl;
    this.pending = null;
    this.release();
    const vao = gl.createVertexArray();
    if (!vao) return;
    gl.bindVertexArray(vao);
    const { attributes: a } = this.linked;
    const buffers = [
      this.attribute(a.a_pos, columns.xy, 2, gl.FLOAT),
      this.attribute(a.a_day, columns.day, 1, gl.FLOAT),
      this.attribute(a.a_radius, columns.radius, 1, gl.FLOAT),
      this.attribute(a.a_class, columns.classes, 1, gl.UNSIGNED_BYTE),
      this.attribute(a.a_match, this.matchColumn(columns.count), 1, gl.UNSIGNED_BYTE),
    ];
    this.matchPending = false;
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.uploaded = { vao, buffers, count: columns.count };
  }

  /** The flags to upload: the given ones when they fit the columns, else zeros (no match). */
  private matchColumn(count: number): Uint8Array {
    return this.matchFlags && this.matchFlags.length === count ? this.matchFlags : new Uint8Array(count);
  }

  /** Replaces only the match buffer (the last one), leaving positions and the rest as uploaded. */
  private uploadMatch(data: Buffers): void {
    const gl = this.gl;
    this.matchPending = false;
    gl.bindBuffer(gl.ARRAY_BUFFER, data.buffers[data.buffers.length - 1]);
    gl.bufferData(gl.ARRAY_BUFFER, this.matchColumn(data.count), gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  private attribute(location: number, data: ArrayBufferView, size: number, type: number): WebGLBuffer {
    const gl = this.gl;
    const buffer = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
    gl.enableVertexAttribArray(location);
    if (type === gl.FLOAT) gl.vertexAttribPointer(location, size, type, false, 0, 0);
    else gl.vertexAttribIPointer(location, size, type, 0, 0);
    return buffer;
  }

  private release(): void {
    if (!this.uploaded) return;
    for (const buffer of this.uploaded.buffers) this.gl.deleteBuffer(buffer);
    this.gl.deleteVertexArray(this.uploaded.vao);
    this.uploaded = null;
  }

  /** Frees the GPU buffers and the program. */
  dispose(): void {
    this.release();
    this.gl.deleteProgram(this.linked.program);
  }
}

import type { FilterMasks, IncidentColumns } from '../../data/incidentColumns';
import { INCIDENT_FRAGMENT_SHADER, INCIDENT_VERTEX_SHADER } from './incidentShaders';
import type { LinkedProgram } from './program';
import { acquireProgram, type SharedProgram } from './programCache';
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
  /** Events uploaded so far: the draw never reaches past them. */
  count: number;
  /** Events in the columns. */
  total: number;
  /** The columns being uploaded, until all of them are (then null). */
  columns: IncidentColumns | null;
}

/**
 * Events uploaded per frame. One `bufferData` of a million events' columns is a single long task
 * (a few hundred ms under SwiftShader) that stalls the page and its progress; in slices of this
 * size each frame copies ~1.3 MB and the layer draws what has arrived. (Twice this made the frames
 * of a 1M import's first slices 30–47 ms of the page's thread, three to four of them over 30 ms in
 * traced runs; at this size one or none. A million takes 16 frames.)
 */
export const UPLOAD_CHUNK = 65_536;

/** The column attributes, in buffer order (the match flags come last, uploaded whole). */
const COLUMN_ATTRIBUTES = [
  { name: 'a_pos', size: 2, float: true, data: (c: IncidentColumns) => c.xy },
  { name: 'a_day', size: 1, float: true, data: (c: IncidentColumns) => c.day },
  { name: 'a_radius', size: 1, float: true, data: (c: IncidentColumns) => c.radius },
  { name: 'a_class', size: 1, float: false, data: (c: IncidentColumns) => c.classes },
] as const;

const ATTRIBUTES = ['a_pos', 'a_day', 'a_radius', 'a_class', 'a_match'] as const;

/** The context's largest point size, asked once per context: a getParameter may wait for the GPU process (a layer added at an import). */
const maxPointSizes = new WeakMap<WebGL2RenderingContext, number>();
function maxPointSizeOf(gl: WebGL2RenderingContext): number {
  let size = maxPointSizes.get(gl);
  if (size === undefined) {
    const range = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array | null;
    maxPointSizes.set(gl, (size = range ? range[1] : 64));
  }
  return size;
}

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
  private readonly linked: LinkedProgram;

  private constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly shared: SharedProgram,
    style: MarkerStyle,
  ) {
    this.linked = shared.linked;
    this.style = markerUniforms(style);
    this.maxPointSize = maxPointSizeOf(gl);
  }

  /** A renderer, or the reason it cannot run (shaders rejected, context lost). */
  static create(gl: WebGL2RenderingContext, style: MarkerStyle): IncidentRenderer | string {
    const shared = acquireProgram(gl, INCIDENT_VERTEX_SHADER, INCIDENT_FRAGMENT_SHADER);
    if (typeof shared === 'string') return shared;
    const missing = ATTRIBUTES.filter((name) => !(name in shared.linked.attributes));
    if (missing.length > 0) {
      shared.release();
      return `attributes optimised away: ${missing.join(', ')}`;
    }
    return new IncidentRenderer(gl, shared, style);
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

  /** Are the columns still on their way to the GPU (the layer asks for another frame)? */
  get uploading(): boolean {
    return this.pending !== null || (this.uploaded?.columns ?? null) !== null;
  }

  /** Uploads what is due this frame (columns, a slice of them, the match flags) without drawing. */
  prepare(): void {
    if (this.pending) this.upload(this.pending);
    else if (this.uploaded?.columns) this.uploadChunk(this.uploaded);
    else if (this.matchPending && this.uploaded) this.uploadMatch(this.uploaded);
  }

  draw(matrix: Float32Array, pixelRatio: number, state: IncidentDrawState): void {
    const gl = this.gl;
    this.prepare();
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

  /** Makes the buffers at their full size and uploads the first slice; the rest follows frame by frame. */
  private upload(columns: IncidentColumns): void {
    const gl = this.gl;
    this.pending = null;
    this.release();
    const vao = gl.createVertexArray();
    if (!vao) return;
    gl.bindVertexArray(vao);
    const { attributes: a } = this.linked;
    const buffers = COLUMN_ATTRIBUTES.map(({ name, size, float, data }) => this.attribute(a[name], data(columns).byteLength, size, float ? gl.FLOAT : gl.UNSIGNED_BYTE));
    const match = this.attribute(a.a_match, columns.count, 1, gl.UNSIGNED_BYTE);
    // A new buffer holds zeros (WebGL clears it), which is "no match": only real flags are copied,
    // not a megabyte of zeros in the layer's first frame.
    const flags = this.fittingFlags(columns.count);
    if (flags) gl.bufferSubData(gl.ARRAY_BUFFER, 0, flags);
    buffers.push(match);
    this.matchPending = false;
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.uploaded = { vao, buffers, count: 0, total: columns.count, columns };
    this.uploadChunk(this.uploaded);
  }

  /** Copies the next {@link UPLOAD_CHUNK} events of every column attribute. */
  private uploadChunk(data: Buffers): void {
    const columns = data.columns;
    if (!columns) return;
    const gl = this.gl;
    const from = data.count;
    const to = Math.min(columns.count, from + UPLOAD_CHUNK);
    COLUMN_ATTRIBUTES.forEach(({ size, data: column }, k) => {
      const array = column(columns);
      gl.bindBuffer(gl.ARRAY_BUFFER, data.buffers[k]);
      if (to > from) gl.bufferSubData(gl.ARRAY_BUFFER, from * size * array.BYTES_PER_ELEMENT, array, from * size, (to - from) * size);
    });
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    data.count = to;
    if (to >= columns.count) data.columns = null;
  }

  /** The flags to upload: the given ones when they fit the columns, else zeros (no match). */
  private matchColumn(count: number): Uint8Array {
    return this.fittingFlags(count) ?? new Uint8Array(count);
  }

  /** The match flags when they fit columns of `count` events, else null. */
  private fittingFlags(count: number): Uint8Array | null {
    return this.matchFlags?.length === count ? this.matchFlags : null;
  }

  /** Replaces only the match buffer (the last one), leaving positions and the rest as uploaded. */
  private uploadMatch(data: Buffers): void {
    const gl = this.gl;
    this.matchPending = false;
    gl.bindBuffer(gl.ARRAY_BUFFER, data.buffers[data.buffers.length - 1]);
    gl.bufferData(gl.ARRAY_BUFFER, this.matchColumn(data.total), gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  /** A buffer of `bytes` bound to an attribute; it stays bound (ARRAY_BUFFER) for the caller. */
  private attribute(location: number, bytes: number, size: number, type: number): WebGLBuffer {
    const gl = this.gl;
    const buffer = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, bytes, gl.STATIC_DRAW);
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

  /** Frees the GPU buffers, and the program when no other layer of this context draws with it. */
  dispose(): void {
    this.release();
    this.shared.release();
  }
}

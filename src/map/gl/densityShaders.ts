/**
 * One instanced quad per non-empty square of the density view. The four corners come from
 * `gl_VertexID` (a triangle strip), so the only per-square data are its corner relative to the
 * columns' origin (the same "relative to centre" frame as the markers) and its colour, worked out
 * on the CPU from the legend's scale (densityScale.ts). A square is inset by `u_gap` on each side so
 * that neighbours read as separate squares; the fill is flat, so the fragment shader is one write.
 */
export const DENSITY_VERTEX_SHADER = `#version 300 es
precision highp float;

uniform mat4 u_matrix;
/** Side of a square and the gap left on each side, in Mercator units. */
uniform float u_size;
uniform float u_gap;
uniform float u_opacity;

in vec2 a_cell;
in vec4 a_colour;

flat out vec4 v_colour;

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  vec2 p = a_cell + vec2(u_gap) + corner * max(u_size - 2.0 * u_gap, 0.0);
  gl_Position = u_matrix * vec4(p, 0.0, 1.0);
  float alpha = a_colour.a * u_opacity;
  v_colour = vec4(a_colour.rgb * alpha, alpha);
}
`;

/** Premultiplied, as maplibre's blending (ONE, ONE_MINUS_SRC_ALPHA) expects. */
export const DENSITY_FRAGMENT_SHADER = `#version 300 es
precision mediump float;

flat in vec4 v_colour;
out vec4 fragColor;

void main() {
  fragColor = v_colour;
}
`;

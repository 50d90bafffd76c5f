import { FLAG_APPROXIMATE, FLAG_NO_DEATHS } from '../../data/incidentColumns';

/**
 * One point sprite per event. The CPU draws only the window's slice (`drawArrays(lo, hi - lo)`),
 * so the shader never sees events outside the time window; it applies the type and country
 * bitmasks (the same test as `passesMasks`), sizes the sprite from the legend's radius in CSS px
 * (constant on screen at every zoom, as in the legend) and fades or dims by day.
 *
 * A filtered-out event is moved beyond the far plane, which clips a point whole.
 */
export const INCIDENT_VERTEX_SHADER = `#version 300 es
precision highp float;
precision highp int;

uniform mat4 u_matrix;
uniform float u_pixel_ratio;
uniform float u_max_point_size;
uniform uint u_type_mask;
uniform uint u_country_mask;
uniform vec2 u_window;
uniform float u_fade_days;
uniform float u_dim_before;
uniform float u_dim_opacity;
uniform int u_selected;
uniform vec3 u_colours[8];

in vec2 a_pos;
in float a_day;
in float a_radius;
in uint a_class;

out vec3 v_colour;
out float v_opacity;
out float v_radius;
out float v_extent;
flat out uint v_class;
flat out int v_selected;

/** Widest rim (the zero marker's) and the selection ring beyond it, in CSS px. */
const float RIM = 1.5;
const float SELECTION_RING = 3.0;

void main() {
  uint type = a_class & 7u;
  uint slot = (a_class >> 3u) & 3u;
  if (a_radius <= 0.0 || ((u_type_mask >> type) & 1u) == 0u || ((u_country_mask >> slot) & 1u) == 0u) {
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    gl_PointSize = 1.0;
    return;
  }
  bool selected = gl_VertexID == u_selected;
  float size = min(2.0 * (a_radius + RIM + (selected ? SELECTION_RING : 1.0)) * u_pixel_ratio, u_max_point_size);
  gl_PointSize = size;
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);

  float opacity = a_day < u_dim_before ? u_dim_opacity : 1.0;
  if (u_fade_days > 0.0 && a_day >= u_window.x) {
    float fromEdge = min(a_day - u_window.x, u_window.y - a_day) + 1.0;
    opacity *= mix(0.25, 1.0, clamp(fromEdge / u_fade_days, 0.0, 1.0));
  }
  v_colour = u_colours[type];
  v_opacity = opacity;
  v_radius = a_radius;
  v_extent = size / (2.0 * u_pixel_ratio);
  v_class = a_class;
  v_selected = selected ? 1 : 0;
}
`;

/**
 * Styled as the circle layer and the legend draw them: exact places a disc in the type colour with
 * a thin white rim; approximate places (centroids) a blurred disc, because the point is not the
 * place; no deaths reported, the legend's zero marker, a white dot ringed in the type colour. The
 * rim lies outside the radius, as maplibre's circle-stroke does. The selection gets a dark outer
 * ring. Output is premultiplied, as maplibre's blending (ONE, ONE_MINUS_SRC_ALPHA) expects.
 */
export const INCIDENT_FRAGMENT_SHADER = `#version 300 es
precision highp float;
precision highp int;

uniform float u_pixel_ratio;

in vec3 v_colour;
in float v_opacity;
in float v_radius;
in float v_extent;
flat in uint v_class;
flat in int v_selected;

out vec4 fragColor;

const float FILL_OPACITY = 0.72;
const float RIM_OPACITY = 0.9;
const float BLUR = 0.55;

void main() {
  float d = length(gl_PointCoord - 0.5) * 2.0 * v_extent;
  if (d > v_extent) discard;
  float aa = 0.6 / u_pixel_ratio;

  bool approximate = (v_class & ${FLAG_APPROXIMATE}u) != 0u;
  bool noDeaths = (v_class & ${FLAG_NO_DEATHS}u) != 0u;
  vec3 fill = noDeaths ? vec3(1.0) : v_colour;
  vec3 rim = noDeaths ? v_colour : vec3(1.0);
  float rimWidth = approximate ? 0.0 : (noDeaths ? 1.5 : 0.75);

  float inFill = approximate
    ? 1.0 - smoothstep(v_radius * (1.0 - BLUR), v_radius, d)
    : 1.0 - smoothstep(v_radius - aa, v_radius + aa, d);
  float inRim = rimWidth > 0.0 ? (1.0 - inFill) * (1.0 - smoothstep(v_radius + rimWidth - aa, v_radius + rimWidth + aa, d)) : 0.0;
  float fillAlpha = inFill * FILL_OPACITY * v_opacity;
  float rimAlpha = inRim * RIM_OPACITY * v_opacity;
  vec4 colour = vec4(fill * fillAlpha + rim * rimAlpha, fillAlpha + rimAlpha);

  if (v_selected == 1) {
    float r = v_radius + rimWidth;
    float ring = smoothstep(r + 0.5 - aa, r + 0.5 + aa, d) * (1.0 - smoothstep(r + 2.5 - aa, r + 2.5 + aa, d));
    colour = vec4(0.1, 0.1, 0.1, 1.0) * ring + colour * (1.0 - ring);
  }
  if (colour.a <= 0.0) discard;
  fragColor = colour;
}
`;

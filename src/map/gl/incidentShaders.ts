import { FLAG_APPROXIMATE, FLAG_NO_DEATHS } from '../../data/incidentColumns';

/**
 * One point sprite per event. The CPU draws only the window's slice (`drawArrays(lo, hi - lo)`),
 * so the shader never sees events outside the time window; it applies the type and country
 * bitmasks (the same test as `passesMasks`), sizes the sprite from the legend's radius in CSS px
 * (constant on screen at every zoom, as in the legend) and fades or dims by day.
 *
 * Markers are styled as the circle layer and the legend draw them: exact places a disc in the type
 * colour with a thin white rim; approximate places (centroids) a blurred disc, because the point is
 * not the place; no deaths reported, the legend's zero marker, a white dot ringed in the type
 * colour. The rim lies outside the radius, as maplibre's circle-stroke does; the selection gets a
 * ring beyond it. Every opacity, width and neutral colour is a uniform set from the marker style
 * (markerStyle.ts, via markerUniforms in uniforms.ts) that the circle layer and the legend read.
 *
 * Everything that is constant over a marker is worked out here, once per event, so that the
 * fragment shader (run for every covered pixel: the cost that grows with the window) is a distance,
 * three smoothsteps and a blend. A filtered-out event is moved beyond the far plane, which clips a
 * point whole.
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
uniform float u_fill_opacity;
uniform float u_rim_opacity;
uniform vec3 u_rim_colour;
uniform vec3 u_no_deaths_fill;
/** Rim widths in CSS px: x at an exact place, y with no deaths reported. */
uniform vec2 u_rim_widths;
uniform float u_blur;
/** Selection ring: x its gap outside the rim, y its width, in CSS px. */
uniform vec2 u_selection_ring;
/** The matching toggle (1 on): matched events dimmed by u_match_dim, lone events ringed (u_unmatched_ring: gap, width). */
uniform int u_matching;
uniform float u_match_dim;
uniform vec2 u_unmatched_ring;

in vec2 a_pos;
in float a_day;
in float a_radius;
in uint a_class;
/** 0 no match information, 1 matched, 2 only in dataset A (solid ring), 3 only in B (dashed ring). */
in uint a_match;

/** Premultiplied fill and rim colours. */
flat out vec4 v_fill;
flat out vec4 v_rim;
/** Distances from the centre in CSS px: fill fades out over [x, y], the rim ends at z, the sprite at w. */
flat out vec4 v_edges;
/** Antialiasing width in CSS px (one device pixel), and 1 when this is the selected event. */
flat out vec2 v_aa_selected;
/** The lone-event ring: x inner and y outer edge in CSS px (y 0 for none), z 1 when dashed; w where the selection ring starts. */
flat out vec4 v_rings;

void main() {
  uint type = a_class & 7u;
  uint slot = (a_class >> 3u) & 3u;
  if (a_radius <= 0.0 || ((u_type_mask >> type) & 1u) == 0u || ((u_country_mask >> slot) & 1u) == 0u) {
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    gl_PointSize = 1.0;
    return;
  }
  bool approximate = (a_class & ${FLAG_APPROXIMATE}u) != 0u;
  bool noDeaths = (a_class & ${FLAG_NO_DEATHS}u) != 0u;
  bool selected = gl_VertexID == u_selected;
  float aa = 0.6 / u_pixel_ratio;
  float rimWidth = approximate ? 0.0 : (noDeaths ? u_rim_widths.y : u_rim_widths.x);
  bool alone = u_matching == 1 && a_match >= 2u;
  float ringInner = a_radius + rimWidth + u_unmatched_ring.x;
  float ringOuter = alone ? ringInner + u_unmatched_ring.y : 0.0;
  float selectionStart = max(a_radius + rimWidth, ringOuter) + u_selection_ring.x;
  float outer = (selected ? selectionStart + u_selection_ring.y : max(a_radius + rimWidth, ringOuter)) + aa;
  float size = min(2.0 * outer * u_pixel_ratio, u_max_point_size);
  gl_PointSize = size;
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);

  float opacity = a_day < u_dim_before ? u_dim_opacity : 1.0;
  if (u_matching == 1 && a_match == 1u) opacity *= u_match_dim;
  if (u_fade_days > 0.0 && a_day >= u_window.x) {
    float fromEdge = min(a_day - u_window.x, u_window.y - a_day) + 1.0;
    opacity *= mix(0.25, 1.0, clamp(fromEdge / u_fade_days, 0.0, 1.0));
  }
  vec3 colour = u_colours[type];
  float fillAlpha = u_fill_opacity * opacity;
  float rimAlpha = approximate ? 0.0 : u_rim_opacity * opacity;
  v_fill = vec4((noDeaths ? u_no_deaths_fill : colour) * fillAlpha, fillAlpha);
  v_rim = vec4((noDeaths ? colour : u_rim_colour) * rimAlpha, rimAlpha);
  v_edges = vec4(approximate ? a_radius * (1.0 - u_blur) : a_radius - aa, approximate ? a_radius : a_radius + aa, a_radius + rimWidth, size / (2.0 * u_pixel_ratio));
  v_aa_selected = vec2(aa, selected ? 1.0 : 0.0);
  v_rings = vec4(ringInner, ringOuter, a_match == 3u ? 1.0 : 0.0, selectionStart);
}
`;

/** Output is premultiplied, as maplibre's blending (ONE, ONE_MINUS_SRC_ALPHA) expects. */
export const INCIDENT_FRAGMENT_SHADER = `#version 300 es
precision mediump float;

flat in vec4 v_fill;
flat in vec4 v_rim;
flat in vec4 v_edges;
flat in vec2 v_aa_selected;
flat in vec4 v_rings;

uniform vec3 u_selection_colour;
/** As in the vertex shader (same precision there: highp by default). */
uniform highp vec2 u_selection_ring;
uniform vec3 u_unmatched_colour;
/** Dashes around a dashed ring (dataset B's lone events). */
uniform float u_match_dashes;

out vec4 fragColor;

void main() {
  float d = length(gl_PointCoord - 0.5) * 2.0 * v_edges.w;
  float aa = v_aa_selected.x;
  float inFill = 1.0 - smoothstep(v_edges.x, v_edges.y, d);
  float inRim = (1.0 - inFill) * (1.0 - smoothstep(v_edges.z - aa, v_edges.z + aa, d));
  vec4 colour = v_fill * inFill + v_rim * inRim;
  if (v_rings.y > 0.0) {
    float ring = smoothstep(v_rings.x - aa, v_rings.x + aa, d) * (1.0 - smoothstep(v_rings.y - aa, v_rings.y + aa, d));
    if (v_rings.z > 0.5) {
      vec2 p = gl_PointCoord - 0.5;
      float turn = fract(atan(p.y, p.x) / 6.2831853 * u_match_dashes);
      ring *= step(0.45, turn);
    }
    colour = vec4(u_unmatched_colour, 1.0) * ring + colour * (1.0 - ring);
  }
  if (v_aa_selected.y > 0.5) {
    float inner = v_rings.w;
    float outer = inner + u_selection_ring.y;
    float ring = smoothstep(inner - aa, inner + aa, d) * (1.0 - smoothstep(outer - aa, outer + aa, d));
    colour = vec4(u_selection_colour, 1.0) * ring + colour * (1.0 - ring);
  }
  if (colour.a <= 0.004) discard;
  fragColor = colour;
}
`;

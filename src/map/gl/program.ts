/** A linked program and its active uniform and attribute locations, looked up once. */
export interface LinkedProgram {
  readonly program: WebGLProgram;
  readonly uniforms: Readonly<Record<string, WebGLUniformLocation>>;
  readonly attributes: Readonly<Record<string, number>>;
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader | string {
  const shader = gl.createShader(type);
  if (!shader) return 'createShader returned null (context lost?)';
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (gl.getShaderParameter(shader, gl.COMPILE_STATUS)) return shader;
  const log = gl.getShaderInfoLog(shader) ?? 'no log';
  gl.deleteShader(shader);
  return `${type === gl.VERTEX_SHADER ? 'vertex' : 'fragment'} shader: ${log}`;
}

/**
 * Compiles and links a program, returning the reason as a string instead of throwing: the caller
 * falls back to another renderer and says why in the console. Neither compiling nor linking
 * changes the context's bindings, so this is safe outside maplibre's render pass.
 */
export function linkProgram(gl: WebGL2RenderingContext, vertexSource: string, fragmentSource: string): LinkedProgram | string {
  const vs = compile(gl, gl.VERTEX_SHADER, vertexSource);
  if (typeof vs === 'string') return vs;
  const fs = compile(gl, gl.FRAGMENT_SHADER, fragmentSource);
  if (typeof fs === 'string') {
    gl.deleteShader(vs);
    return fs;
  }
  const program = gl.createProgram();
  if (!program) return 'createProgram returned null (context lost?)';
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.linkProgram(program);
  gl.deleteShader(vs);
  gl.deleteShader(fs);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    const log = gl.getProgramInfoLog(program) ?? 'no log';
    gl.deleteProgram(program);
    return `link: ${log}`;
  }
  const uniforms: Record<string, WebGLUniformLocation> = {};
  const uniformCount = gl.getProgramParameter(program, gl.ACTIVE_UNIFORMS) as number;
  for (let i = 0; i < uniformCount; i++) {
    const info = gl.getActiveUniform(program, i);
    if (!info) continue;
    const name = info.name.replace(/\[0\]$/, '');
    const location = gl.getUniformLocation(program, info.name);
    if (location) uniforms[name] = location;
  }
  const attributes: Record<string, number> = {};
  const attributeCount = gl.getProgramParameter(program, gl.ACTIVE_ATTRIBUTES) as number;
  for (let i = 0; i < attributeCount; i++) {
    const info = gl.getActiveAttrib(program, i);
    if (info) attributes[info.name] = gl.getAttribLocation(program, info.name);
  }
  return { program, uniforms, attributes };
}

import { describe, expect, it } from 'vitest';
import { acquireProgram } from '../../../../src/map/gl/programCache';
import { createFakeGl } from './fakeGl';

const VS = '#version 300 es\nin vec2 a_pos;\nvoid main() { gl_Position = vec4(a_pos, 0.0, 1.0); }';
const FS = '#version 300 es\nprecision mediump float;\nout vec4 c;\nvoid main() { c = vec4(1.0); }';
const FS2 = '#version 300 es\nprecision mediump float;\nout vec4 c;\nvoid main() { c = vec4(0.5); }';

describe('acquireProgram', () => {
  it('links a shader pair once per context and hands every layer the same program', () => {
    const fake = createFakeGl();
    const a = acquireProgram(fake.gl, VS, FS);
    const b = acquireProgram(fake.gl, VS, FS);
    if (typeof a === 'string' || typeof b === 'string') throw new Error('not linked');
    expect(b.linked).toBe(a.linked);
    expect(fake.count('linkProgram')).toBe(1);
    expect(fake.count('compileShader')).toBe(2);
  });

  it('links another pair, and the same pair on another context, separately', () => {
    const one = createFakeGl();
    const two = createFakeGl();
    const a = acquireProgram(one.gl, VS, FS);
    const b = acquireProgram(one.gl, VS, FS2);
    const c = acquireProgram(two.gl, VS, FS);
    if (typeof a === 'string' || typeof b === 'string' || typeof c === 'string') throw new Error('not linked');
    expect(b.linked).not.toBe(a.linked);
    expect(c.linked).not.toBe(a.linked);
    expect(one.count('linkProgram')).toBe(2);
    expect(two.count('linkProgram')).toBe(1);
  });

  it('deletes the program when the last holder releases it (once each), and links afresh after', () => {
    const fake = createFakeGl();
    const a = acquireProgram(fake.gl, VS, FS);
    const b = acquireProgram(fake.gl, VS, FS);
    if (typeof a === 'string' || typeof b === 'string') throw new Error('not linked');
    a.release();
    a.release();
    expect(fake.count('deleteProgram')).toBe(0);
    b.release();
    expect(fake.count('deleteProgram')).toBe(1);
    const c = acquireProgram(fake.gl, VS, FS);
    if (typeof c === 'string') throw new Error('not linked');
    expect(c.linked).not.toBe(a.linked);
    expect(fake.count('linkProgram')).toBe(2);
  });

  it('links afresh after a lost context, and the dead program’s holders delete nothing', () => {
    const fake = createFakeGl();
    const old = acquireProgram(fake.gl, VS, FS);
    if (typeof old === 'string') throw new Error('not linked');
    fake.loseContext();
    const next = acquireProgram(fake.gl, VS, FS);
    if (typeof next === 'string') throw new Error('not linked');
    expect(next.linked).not.toBe(old.linked);
    old.release();
    expect(fake.count('deleteProgram')).toBe(0);
    next.release();
    expect(fake.count('deleteProgram')).toBe(1);
  });
});

import type { Map as MaplibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { createDrawGate } from '../../../src/map/drawGate';

/** Just the events the gate listens to, fired by the test as maplibre fires them. */
function fakeMap() {
  const handlers = new Map<string, Set<() => void>>();
  const on = (type: string, fn: () => void) => {
    if (!handlers.has(type)) handlers.set(type, new Set());
    handlers.get(type)!.add(fn);
  };
  const off = (type: string, fn: () => void) => handlers.get(type)?.delete(fn);
  const map = {
    on,
    off,
    once(type: string, fn: () => void) {
      const wrapped = () => {
        off(type, wrapped);
        fn();
      };
      on(type, wrapped);
    },
  };
  const fire = (type: string) => {
    for (const fn of [...(handlers.get(type) ?? [])]) fn();
  };
  return { map: map as unknown as MaplibreMap, fire };
}

describe('createDrawGate', () => {
  it('applies at once while the context is fine', () => {
    const { map } = fakeMap();
    const gate = createDrawGate(map);
    const applied: number[] = [];
    gate.run('layers', () => applied.push(1));
    expect(applied).toEqual([1]);
  });

  it('holds changes while the context is lost and applies only the latest once the rebuilt style has loaded', () => {
    const { map, fire } = fakeMap();
    const gate = createDrawGate(map);
    const applied: number[] = [];
    fire('webglcontextlost');
    for (let step = 1; step <= 5; step++) gate.run('layers', () => applied.push(step));
    expect(gate.open()).toBe(false);
    fire('webglcontextrestored');
    gate.run('layers', () => applied.push(6));
    // maplibre rebuilds the style a frame after the restore: not open until style.load.
    expect(applied).toEqual([]);
    fire('style.load');
    expect(applied).toEqual([6]);
    expect(gate.open()).toBe(true);
  });

  it('keeps one change per key', () => {
    const { map, fire } = fakeMap();
    const gate = createDrawGate(map);
    const applied: string[] = [];
    fire('webglcontextlost');
    gate.run('a', () => applied.push('a1'));
    gate.run('b', () => applied.push('b1'));
    gate.run('a', () => applied.push('a2'));
    fire('webglcontextrestored');
    fire('style.load');
    expect(applied).toEqual(['a2', 'b1']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCameraHash } from '../../../src/map/cameraHash';

describe('readCameraHash', () => {
  it('reads maplibre’s #zoom/lat/lng, with or without bearing and pitch', () => {
    expect(readCameraHash('#6/14.5/2.1')).toEqual({ zoom: 6, lat: 14.5, lng: 2.1 });
    expect(readCameraHash('#6.25/-14.5/-2.1/0/0')).toEqual({ zoom: 6.25, lat: -14.5, lng: -2.1 });
  });

  it('returns null for no hash or an anchor that is not a camera', () => {
    expect(readCameraHash('')).toBeNull();
    expect(readCameraHash('#')).toBeNull();
    expect(readCameraHash('#methods')).toBeNull();
  });

  it('calls #1e999/1e999/1e999 and #30/91/181 invalid', () => {
    expect(readCameraHash('#1e999/1e999/1e999')).toBe('invalid');
    expect(readCameraHash('#30/91/181')).toBe('invalid');
    expect(readCameraHash('#6/14/181')).toBe('invalid');
    expect(readCameraHash('#6/-91/2')).toBe('invalid');
    expect(readCameraHash('#6/14')).toBe('invalid');
    expect(readCameraHash('#6/14/2/0/90')).toBe('invalid');
    expect(readCameraHash('#6/0x10/2')).toBe('invalid');
    expect(readCameraHash('#6/NaN/2')).toBe('invalid');
  });

  it('never throws, and whatever it accepts is finite and in range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.oneof(fc.double(), fc.string()), { maxLength: 6 }).map((a) => `#${a.join('/')}`)), (hash) => {
        const camera = readCameraHash(hash);
        if (camera === null || camera === 'invalid') return;
        expect(Number.isFinite(camera.zoom) && camera.zoom >= 0 && camera.zoom <= 24).toBe(true);
        expect(Math.abs(camera.lat) <= 90 && Math.abs(camera.lng) <= 180).toBe(true);
      }),
    );
  });
});

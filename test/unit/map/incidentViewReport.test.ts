import { describe, expect, it } from 'vitest';
import { createIncidentViewReport } from '../../../src/map/incidentViewReport';

describe('createIncidentViewReport', () => {
  it('is in density view while any layer draws squares, and tells its listeners of each change once', () => {
    const report = createIncidentViewReport();
    const heard: string[] = [];
    report.on((v) => heard.push(v));
    expect(report.view()).toBe('markers');
    report.set('a', 'markers');
    report.set('b', 'density');
    report.set('a', 'density');
    report.set('b', 'markers');
    expect(report.view()).toBe('density');
    report.remove('a');
    expect(report.view()).toBe('markers');
    expect(heard).toEqual(['density', 'markers']);
  });
});

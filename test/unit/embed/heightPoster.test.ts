// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ampHeightMessage, heightMessages, pymHeightMessage, watchHeight } from '../../../src/embed/heightPoster';

describe('height messages', () => {
  it('are AMP’s embed-size, the map’s own, and Pym’s string when a childId is known', () => {
    expect(heightMessages(612, null)).toEqual([
      { sentinel: 'amp', type: 'embed-size', height: 612 },
      { app: 'sahel-incident-map', version: 1, type: 'height', height: 612 },
    ]);
    expect(heightMessages(612, 'map-1')[2]).toBe('pymxPYMxmap-1xPYMxheightxPYMx612');
  });

  it('match what pym.js’s Parent parses', () => {
    // pym.js v1: new RegExp('^pym' + 'xPYMx' + id + 'xPYMx' + '(\\S+)' + 'xPYMx' + '(.*)$')
    const match = /^pymxPYMxmap-1xPYMx(\S+)xPYMx(.*)$/.exec(pymHeightMessage('map-1', 480));
    expect(match?.slice(1)).toEqual(['height', '480']);
    expect(ampHeightMessage(480)).toEqual({ sentinel: 'amp', type: 'embed-size', height: 480 });
  });
});

describe('watchHeight', () => {
  it('posts the content’s height on start, rounded up, and again only on request or change', () => {
    const content = document.createElement('div');
    let height = 400.2;
    content.getBoundingClientRect = () => ({ height }) as DOMRect;
    const posted: unknown[] = [];
    const watcher = watchHeight(content, (m) => posted.push(m), null);
    expect(posted).toHaveLength(2);
    expect(posted[0]).toEqual({ sentinel: 'amp', type: 'embed-size', height: 401 });
    watcher.post();
    expect(posted).toHaveLength(4);
    height = 0;
    watcher.post();
    expect(posted).toHaveLength(4);
    watcher.destroy();
  });
});

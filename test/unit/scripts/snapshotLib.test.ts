import { describe, expect, it } from 'vitest';
import { parseSnapshotArgs, snapshotUrl, type SnapshotRequest } from '../../../scripts/snapshotLib';

const ok = (argv: string[]) => {
  const r = parseSnapshotArgs(argv);
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('parseSnapshotArgs', () => {
  it('takes URL parameters as name=value words or one query string, and names the file after the window', () => {
    const a = ok(['--', 'from=2021-03-15', 'to=2021-03-21', 'view=tahoua']);
    const b = ok(['?from=2021-03-15&to=2021-03-21&view=tahoua']);
    expect(a.params.toString()).toBe('from=2021-03-15&to=2021-03-21&view=tahoua');
    expect(b.params.toString()).toBe(a.params.toString());
    expect(a).toMatchObject({ page: 'embed', width: 1280, height: 800, scale: 1, out: 'snapshot-2021-03-15-2021-03-21.png' });
  });

  it('reads --size, --out, --full and --scale in both spellings', () => {
    expect(ok(['--size', '1200x630', '--out', 'card.png', '--full', '--scale=2'])).toMatchObject({ width: 1200, height: 630, out: 'card.png', page: 'full', scale: 2 });
    expect(ok(['--size=390x844', '--out=x.PNG'])).toMatchObject({ width: 390, height: 844, out: 'x.PNG' });
  });

  it('says which argument is wrong', () => {
    expect(parseSnapshotArgs(['--size', '1200*630'])).toEqual({ error: expect.stringMatching(/--size/) });
    expect(parseSnapshotArgs(['--size', '99999x10'])).toEqual({ error: expect.stringMatching(/4096/) });
    expect(parseSnapshotArgs(['--out', 'card.jpg'])).toEqual({ error: expect.stringMatching(/\.png/) });
    expect(parseSnapshotArgs(['--scale', '9'])).toEqual({ error: expect.stringMatching(/scale/) });
    expect(parseSnapshotArgs(['--zoom=3'])).toEqual({ error: 'unknown option --zoom=3' });
    expect(parseSnapshotArgs(['tahoua'])).toEqual({ error: expect.stringMatching(/name=value/) });
  });
});

describe('parseSnapshotArgs --video', () => {
  it('reads --video, --from, --to, --step and --fps, and sizes a video 1080×1080 unless --size says otherwise', () => {
    const r = parseSnapshotArgs(['--video', 'out.mp4', '--from', '2021-03-01', '--to=2021-03-31', '--step', '1w', '--fps', '12']);
    expect('error' in r).toBe(false);
    if ('error' in r) return;
    expect(r.video).toEqual({ out: 'out.mp4', format: 'mp4', from: '2021-03-01', to: '2021-03-31', stepDays: 7, fps: 12 });
    expect([r.width, r.height]).toEqual([1080, 1080]);
    const sized = parseSnapshotArgs(['--video=a.gif', '--from', '2021-03-01', '--to', '2021-03-02', '--size', '640x360']);
    expect('error' in sized ? null : [sized.width, sized.height, sized.video?.stepDays, sized.video?.fps]).toEqual([640, 360, 1, 30]);
    // Without --video, nothing changes for a PNG.
    const png = parseSnapshotArgs(['from=2021-03-01']);
    expect('error' in png ? null : png.video).toBeNull();
  });

  it('says which video argument is wrong', () => {
    expect(parseSnapshotArgs(['--video', 'out.avi'])).toEqual({ error: expect.stringMatching(/\.webm, \.mp4 or \.gif/) });
    expect(parseSnapshotArgs(['--video', 'out.webm', '--to', '2021-03-01'])).toEqual({ error: expect.stringMatching(/--from/) });
    expect(parseSnapshotArgs(['--video', 'out.webm', '--from', '2021-02-30', '--to', '2021-03-01'])).toEqual({ error: expect.stringMatching(/--from/) });
    expect(parseSnapshotArgs(['--video', 'out.webm', '--from', '2021-03-02', '--to', '2021-03-01'])).toEqual({ error: expect.stringMatching(/before/) });
    expect(parseSnapshotArgs(['--video', 'out.webm', '--from', '2021-03-01', '--to', '2021-03-02', '--step', '1 day'])).toEqual({ error: expect.stringMatching(/--step/) });
    expect(parseSnapshotArgs(['--video', 'out.webm', '--from', '2021-03-01', '--to', '2021-03-02', '--fps', '0'])).toEqual({ error: expect.stringMatching(/--fps/) });
    expect(parseSnapshotArgs(['--from', '2021-03-01'])).toEqual({ error: expect.stringMatching(/only go with --video/) });
  });
});

describe('snapshotUrl', () => {
  const request = (params: string, page: SnapshotRequest['page'] = 'embed'): SnapshotRequest => ({ params: new URLSearchParams(params), page, width: 1, height: 1, scale: 1, out: 'x.png', video: null });

  it('renders the embed static and filling the image, unless told otherwise', () => {
    expect(snapshotUrl('http://127.0.0.1:4173/', request('from=2021-03-01'))).toBe('http://127.0.0.1:4173/embed.html?from=2021-03-01&static=1&fill=1');
    expect(snapshotUrl('http://127.0.0.1:4173/', request('static=0'))).toBe('http://127.0.0.1:4173/embed.html?static=0&fill=1');
  });

  it('keeps a video’s embed interactive: a static one has no publish handle', () => {
    const video = { ...request('from=2021-03-01'), video: { out: 'x.webm', format: 'webm' as const, from: '2021-03-01', to: '2021-03-05', stepDays: 1, fps: 10 } };
    expect(snapshotUrl('http://127.0.0.1:4173/', video)).toBe('http://127.0.0.1:4173/embed.html?from=2021-03-01&fill=1');
  });

  it('renders the full map as given', () => {
    expect(snapshotUrl('http://127.0.0.1:4173/', request('view=niamey', 'full'))).toBe('http://127.0.0.1:4173/index.html?view=niamey');
  });
});

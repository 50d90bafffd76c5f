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

describe('snapshotUrl', () => {
  const request = (params: string, page: SnapshotRequest['page'] = 'embed'): SnapshotRequest => ({ params: new URLSearchParams(params), page, width: 1, height: 1, scale: 1, out: 'x.png' });

  it('renders the embed static and filling the image, unless told otherwise', () => {
    expect(snapshotUrl('http://127.0.0.1:4173/', request('from=2021-03-01'))).toBe('http://127.0.0.1:4173/embed.html?from=2021-03-01&static=1&fill=1');
    expect(snapshotUrl('http://127.0.0.1:4173/', request('static=0'))).toBe('http://127.0.0.1:4173/embed.html?static=0&fill=1');
  });

  it('renders the full map as given', () => {
    expect(snapshotUrl('http://127.0.0.1:4173/', request('view=niamey', 'full'))).toBe('http://127.0.0.1:4173/index.html?view=niamey');
  });
});

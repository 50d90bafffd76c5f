import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** The folders each src/ folder may import from: the core and the pure layers never import a view or an adapter. */
const MAY_NOT_IMPORT: Record<string, readonly string[]> = {
  state: ['ui', 'embed', 'import', 'app', 'timeline', 'map'],
  data: ['ui', 'embed', 'import', 'app', 'timeline', 'map', 'state'],
  map: ['ui', 'embed', 'import', 'app'],
  geo: ['ui', 'embed', 'import', 'app', 'timeline', 'map'],
  i18n: ['ui', 'embed', 'import', 'app', 'timeline', 'map', 'state'],
};

function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const folders: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)) {
    const target = relative(SRC, resolve(file, '..', match[1]));
    if (!target.startsWith('..')) folders.push(target.split('/')[0]);
  }
  return folders;
}

describe('imports run one way', () => {
  for (const [folder, forbidden] of Object.entries(MAY_NOT_IMPORT)) {
    it(`no file in src/${folder}/ imports src/${forbidden.join(', src/')}`, () => {
      const offenders = filesUnder(join(SRC, folder)).flatMap((file) =>
        importedFolders(file)
          .filter((f) => forbidden.includes(f))
          .map((f) => `${relative(SRC, file)} → src/${f}/`),
      );
      expect(offenders).toEqual([]);
    });
  }
});

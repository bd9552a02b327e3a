// The extension's manifest and its code name the same things: a setting or
// command renamed on one side only would fail silently in VS Code (a setting
// read as its default, a command "not found"), and VS Code cannot run here.
// A cheap check by reading the sources, no build needed.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXTENSION = join(ROOT, 'editors', 'vscode');
const read = (path: string) => readFileSync(join(EXTENSION, path), 'utf8');

interface Setting {
  type: string;
  default: unknown;
  enum?: string[];
  enumDescriptions?: string[];
  description: string;
}

const manifestText = read('package.json');
const manifest = JSON.parse(manifestText) as {
  name: string;
  version: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    configuration: { properties: Record<string, Setting> };
  };
};
const source = read('src/extension.ts');
const settings = manifest.contributes.configuration.properties;
const commands = manifest.contributes.commands.map((c) => c.command);

/** The value of `const NAME = '...'` in the extension's source. */
function constant(name: string): string {
  const found = new RegExp(`\\bconst ${name} = '([^']+)'`).exec(source);
  if (!found) throw new Error(`extension.ts has no string constant ${name}`);
  return found[1]!;
}

/** A string-literal union type of the source, `type Name = 'a' | 'b'`, as its members. */
function unionType(name: string): string[] {
  const found = new RegExp(`\\btype ${name} = ([^;]+);`).exec(source);
  if (!found) throw new Error(`extension.ts has no type ${name}`);
  return [...found[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

describe('the VS Code extension manifest', () => {
  it('declares the three settings with their values and defaults', () => {
    expect(Object.keys(settings).sort()).toEqual(['beianlint.enable', 'beianlint.locale', 'beianlint.run']);
    expect(settings['beianlint.enable']).toMatchObject({ type: 'boolean', default: true });
    expect(settings['beianlint.locale']).toMatchObject({ type: 'string', enum: ['auto', 'zh-CN', 'en'], default: 'auto' });
    expect(settings['beianlint.run']).toMatchObject({ type: 'string', enum: ['onType', 'onSave'], default: 'onType' });
    for (const setting of Object.values(settings)) expect(setting.enumDescriptions?.length).toBe(setting.enum?.length);
  });

  it('declares the workspace command, and is activated by it and by JSON, YAML and JSON Lines files', () => {
    expect(commands).toEqual(['beianlint.lintWorkspace']);
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:json', 'onLanguage:yaml', 'onLanguage:jsonl', 'onCommand:beianlint.lintWorkspace']));
  });

  it('asks for a VS Code that has the API it is typed against and that vscode-languageclient needs', () => {
    const floor = (range: string) => range.replace(/^[\^~>=]+/, '').split('.').map(Number);
    const atLeast = (a: number[], b: number[]) => a[0]! > b[0]! || (a[0] === b[0] && a[1]! >= b[1]!);
    const engine = floor(manifest.engines.vscode);
    const typed = floor(manifest.devDependencies['@types/vscode']!);
    const clientNeeds = floor((JSON.parse(readFileSync(join(ROOT, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8')) as { engines: { vscode: string } }).engines.vscode);
    expect(atLeast(engine, typed)).toBe(true);
    expect(atLeast(engine, clientNeeds)).toBe(true);
  });

  it('is the version of the package whose server it bundles', () => {
    expect(manifest.version).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('has every %placeholder% in English and Chinese, and no translation left over', () => {
    const placeholders = [...new Set([...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!))].sort();
    expect(placeholders.length).toBeGreaterThan(5);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const texts = JSON.parse(read(file)) as Record<string, string>;
      expect(Object.keys(texts).sort(), file).toEqual(placeholders);
      for (const [key, text] of Object.entries(texts)) expect(text.trim(), `${file}: ${key}`).not.toBe('');
    }
    const chinese = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    expect(chinese['command.lintWorkspace.title']).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('extension.ts against the manifest', () => {
  it('reads the settings section the manifest declares, and only declared settings', () => {
    const section = constant('SECTION');
    expect(Object.keys(settings).every((key) => key.startsWith(`${section}.`))).toBe(true);
    const read = [...source.matchAll(/\bsetting<[^>]+>\('([^']+)'/g)].map((m) => `${section}.${m[1]}`);
    const watched = [...source.matchAll(/affectsConfiguration\(`\$\{SECTION\}\.([^`]+)`\)/g)].map((m) => `${section}.${m[1]}`);
    const named = unionType('SettingName').map((name) => `${section}.${name}`);
    expect(new Set(read)).toEqual(new Set(Object.keys(settings)));
    expect(new Set(named)).toEqual(new Set(Object.keys(settings)));
    for (const key of watched) expect(Object.keys(settings)).toContain(key);
  });

  it('uses the values the manifest offers for the locale and run settings', () => {
    expect(unionType('LocaleSetting')).toEqual(settings['beianlint.locale']!.enum);
    expect(unionType('RunSetting')).toEqual(settings['beianlint.run']!.enum);
  });

  it('registers the declared command, and no other', () => {
    const registered = [...source.matchAll(/registerCommand\((\w+)/g)].map((m) => constant(m[1]!));
    expect(registered).toEqual(commands);
  });

  it('starts the server where the build writes it', () => {
    const path = /\bconst SERVER_PATH = \[([^\]]+)\]/.exec(source)![1]!;
    const parts = [...path.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(parts.join('/')).toBe('dist/server/dist/beianlint-language-server.js');
    const build = read('scripts/build.mjs');
    expect(build).toContain("'beianlint-language-server': SERVER_ENTRY");
    expect(build).toContain("const serverRoot = join(outDir, 'server');");
  });

  it('has every text it shows in Chinese as well', () => {
    const shown = [...new Set([...source.matchAll(/l10n\.t\(\s*'([^']+)'/g)].map((m) => m[1]!))].sort();
    expect(shown.length).toBeGreaterThan(5);
    const chinese = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    expect(Object.keys(chinese).sort()).toEqual(shown);
    for (const [english, text] of Object.entries(chinese)) {
      expect(text, english).toMatch(/[\u4e00-\u9fff]/);
      // A placeholder {0} of the English text is in the translation too.
      for (const placeholder of english.match(/\{\d+\}/g) ?? []) expect(text, english).toContain(placeholder);
    }
  });
});

import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadRuleSet } from '../../src/engine/index.js';
import { USER_RULE } from '../support/rule-files.js';

const RULE = USER_RULE;

/** A scratch folder holding `project/` (the config's folder) and `outside/`, with a rule file in `outside/`. */
function layout(): { project: string; outside: string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'beianlint-rule-links-')));
  const project = join(root, 'project');
  const outside = join(root, 'outside');
  mkdirSync(project);
  mkdirSync(outside);
  writeFileSync(join(outside, 'my-rule.yaml'), RULE);
  return { project, outside };
}

function refusal(dirs: string[], project: string): ConfigurationError {
  try {
    loadRuleSet(dirs, { cwd: project, project });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return e as ConfigurationError;
  }
  throw new Error('the rule folders loaded');
}

describe('rule folders reached through links', () => {
  it('refuses a rule folder that is a link out of the project, in both languages', () => {
    const { project, outside } = layout();
    symlinkSync(outside, join(project, 'rules'));
    const e = refusal([join(project, 'rules')], project);
    expect(e.text.en).toBe(`rules: rule folder leads outside the config's folder, to ${outside}`);
    expect(e.text['zh-CN']).toBe(`rules：规则文件夹经链接指向配置文件所在文件夹之外（${outside}）`);
  });

  it('refuses a rule folder below a linked folder that leads out', () => {
    const { project, outside } = layout();
    mkdirSync(join(outside, 'nested'));
    writeFileSync(join(outside, 'nested', 'my-rule.yaml'), RULE);
    symlinkSync(outside, join(project, 'shared'));
    expect(refusal([join(project, 'shared', 'nested')], project).message).toBe(
      `shared/nested: rule folder leads outside the config's folder, to ${join(outside, 'nested')}`,
    );
  });

  it('refuses a rule file that is a link out of the project', () => {
    const { project, outside } = layout();
    mkdirSync(join(project, 'rules'));
    symlinkSync(join(outside, 'my-rule.yaml'), join(project, 'rules', 'my-rule.yaml'));
    const e = refusal([join(project, 'rules')], project);
    expect(e.text.en).toBe(`rules/my-rule.yaml: rule file leads outside the config's folder, to ${join(outside, 'my-rule.yaml')}`);
    expect(e.text['zh-CN']).toBe(`rules/my-rule.yaml：规则文件经链接指向配置文件所在文件夹之外（${join(outside, 'my-rule.yaml')}）`);
  });

  it('loads rule folders and files whose links stay inside the project', () => {
    const { project } = layout();
    mkdirSync(join(project, 'shared'));
    writeFileSync(join(project, 'shared', 'my-rule.yaml'), RULE);
    symlinkSync(join(project, 'shared'), join(project, 'rules'));
    mkdirSync(join(project, 'more'));
    symlinkSync('../shared/my-rule.yaml', join(project, 'more', 'my-rule.yaml'));
    expect(loadRuleSet([join(project, 'rules')], { cwd: project, project }).byId.get('my-rule')?.file).toBe(join(project, 'rules', 'my-rule.yaml'));
    expect(loadRuleSet([join(project, 'more')], { cwd: project, project }).byId.has('my-rule')).toBe(true);
  });

  it('accepts a project folder that is itself reached through a link', () => {
    const { project } = layout();
    mkdirSync(join(project, 'rules'));
    writeFileSync(join(project, 'rules', 'my-rule.yaml'), RULE);
    const linkedProject = join(project, '..', 'project-link');
    symlinkSync(project, linkedProject);
    expect(loadRuleSet([join(linkedProject, 'rules')], { cwd: linkedProject, project: linkedProject }).byId.has('my-rule')).toBe(true);
  });
});

describe('a config file whose ruleDirs entry is a link', () => {
  it('is refused by createLinter when the link leads outside the config folder', async () => {
    const { createLinter } = await import('../../src/engine/index.js');
    const { project, outside } = layout();
    symlinkSync(outside, join(project, 'rules'));
    writeFileSync(join(project, '.beianlintrc.yaml'), 'ruleDirs: [rules]\n');
    expect(() => createLinter({ cwd: project })).toThrow(/leads outside/);
  });

  it('loads when the link stays inside it', async () => {
    const { createLinter } = await import('../../src/engine/index.js');
    const { project } = layout();
    mkdirSync(join(project, 'real-rules'));
    writeFileSync(join(project, 'real-rules', 'my-rule.yaml'), RULE);
    symlinkSync(join(project, 'real-rules'), join(project, 'rules'));
    writeFileSync(join(project, '.beianlintrc.yaml'), 'ruleDirs: [rules]\n');
    expect(createLinter({ cwd: project }).ruleInfo().some((r) => r.id === 'my-rule')).toBe(true);
  });
});

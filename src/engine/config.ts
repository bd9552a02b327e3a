import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { yaml } from '../input/yaml.js';
import { createAjv, type ValidateFunction } from '../schema/ajv.js';
import { describeSchemaProblem, explainSchemaErrors } from '../schema/explain.js';
import { schemasDir } from '../package-files.js';
import type { ConfigFile, Severity as ConfigSeverity } from '../generated/config.js';
import { ConfigurationError } from './types.js';
import { errorCode } from '../input/read-file.js';

/** A rule's severity as a config sets it: `off`, or a severity. */
export type RuleSeverity = ConfigSeverity;
/** A rule's entry in the config's `rules`: a severity, or a severity and options. */
export type RuleSettingInput = NonNullable<ConfigFile['rules']>[string];

/** The config file's contents (schemas/config.schema.json), with ruleDirs made absolute. */
export type Config = ConfigFile;

export const CONFIG_FILE_NAMES = ['.beianlintrc.json', '.beianlintrc.yaml', '.beianlintrc.yml'];

let validator: ValidateFunction | undefined;

export function findConfigFile(cwd: string): string | undefined {
  return CONFIG_FILE_NAMES.map((n) => join(cwd, n)).find((p) => existsSync(p));
}

/** Reads and validates a config file; anything wrong is a configuration error (exit 2). */
export function loadConfigFile(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigurationError({ en: `${file}: cannot read config (${errorCode(e)})`, 'zh-CN': `${file}：无法读取配置文件（${errorCode(e)}）` });
  }
  let value: unknown;
  try {
    value = file.endsWith('.json') ? JSON.parse(text) : yaml().parse(text);
  } catch (e) {
    const syntax = file.endsWith('.json') ? 'JSON' : 'YAML';
    const detail = (e as Error).message.split('\n')[0];
    throw new ConfigurationError({ en: `${file}: invalid ${syntax}: ${detail}`, 'zh-CN': `${file}：不是有效的 ${syntax}：${detail}` });
  }
  validator ??= createAjv().compile(JSON.parse(readFileSync(join(schemasDir, 'config.schema.json'), 'utf8')) as object);
  if (!validator(value)) {
    const p = explainSchemaErrors(validator.errors, value)[0];
    const problem = p ? describeSchemaProblem(p) : 'invalid config';
    throw new ConfigurationError({ en: `${file}: ${problem}`, 'zh-CN': `${file}：配置无效：${problem}` });
  }
  const config = value as Config;
  if (config.ruleDirs) {
    const base = dirname(resolve(file));
    config.ruleDirs = config.ruleDirs.map((d) => {
      const abs = resolve(base, d);
      const rel = relative(base, abs);
      // A config may only extend rules from its own project, never pull code-adjacent files from elsewhere.
      if (rel.startsWith('..') || isAbsolute(rel)) {
        throw new ConfigurationError({ en: `${file}: ruleDirs entry "${d}" is outside the config's folder`, 'zh-CN': `${file}：ruleDirs 中的 "${d}" 在配置文件所在文件夹之外` });
      }
      return abs;
    });
  }
  return config;
}

/* Generated from schemas/rule.schema.json by scripts/gen-types.mjs (npm run gen). Do not edit. */

/**
 * 一个规则一个文件（rules/<id>.yaml）：它检查什么、依据通知的哪一条、从哪个阶段起适用、中英文消息、以及它的逻辑（JSON Schema 片段或具名检查）。 / One rule per file (rules/<id>.yaml): what it checks, the clause of the notice behind it, the first stage it applies from, its zh-CN and en messages, and its logic (a JSON Schema fragment or a named check).
 */
export interface RuleFileSchema {
  /**
   * 编辑器提示用 / For editor support
   */
  $schema?: string;
  /**
   * 规则 id，与文件名相同 / Rule id, the same as the file name
   */
  id: string;
  /**
   * 默认严重程度 / Default severity
   */
  severity: 'error' | 'warning' | 'info';
  /**
   * 所依据的《工作方案》条款，如 一、1.(3)；对整体格式为 whole / The clause of the notice it enforces, e.g. 一、1.(3); `whole` for the record format
   */
  clause: string;
  /**
   * 开始适用的备案阶段 / First filing stage the rule reports at
   */
  appliesFrom: 'draft' | 'verified' | 'submitted' | 'approved';
  /**
   * record：逐条记录；batch：跨整批记录；source：文件解析本身 / record: one record at a time; batch: across all records of a run; source: the parsing of the file itself
   */
  scope: 'record' | 'batch' | 'source';
  /**
   * 规则的部分问题带有不改变记录含义的修正（--fix 及编辑器快速修复），修正内容写在 description 中 / Some of the rule's problems carry a fix that changes nothing the record says (--fix, the editor's quick fix); the description says what it does
   */
  fixable?: boolean;
  title: Localized;
  description: Localized1;
  /**
   * 消息模板，键为消息 id（default 必有），占位符写作 {name} / Message templates by message id (`default` required), placeholders as {name}
   */
  messages: {
    [k: string]: Localized2;
  };
  /**
   * 具名检查（src/checks 中实现）及其选项 / A named check implemented in src/checks, with its options
   */
  check?: {
    /**
     * 检查名 / Check name
     */
    name: string;
    /**
     * 检查的选项，按该检查自己的选项模式校验 / The check's options, validated against the check's own options schema
     */
    options?: {
      [k: string]: unknown;
    };
  };
  /**
   * 作用于整条记录的 JSON Schema 片段；每个不满足处报告一次 / A JSON Schema fragment applied to the whole record; each failure is one message at its path
   */
  schema?: {
    [k: string]: unknown;
  };
  /**
   * 至少一个通过、一个不通过的例子；文档由此生成，测试逐一运行 / At least one passing and one failing example; the docs are generated from them and the tests run each
   *
   * @minItems 2
   */
  examples: Example[];
}
/**
 * 一句话说明 / One-line summary
 */
export interface Localized {
  'zh-CN': string;
  en: string;
}
/**
 * 检查什么、为什么（条款原文要点）/ What it checks and why (the clause's point)
 */
export interface Localized1 {
  'zh-CN': string;
  en: string;
}
/**
 * 中英文文本 / Text in zh-CN and en
 *
 * This interface was referenced by `RuleFileSchema`'s JSON-Schema
 * via the `definition` "localized".
 */
export interface Localized2 {
  'zh-CN': string;
  en: string;
}
/**
 * This interface was referenced by `RuleFileSchema`'s JSON-Schema
 * via the `definition` "example".
 */
export interface Example {
  /**
   * true：本规则不应报告；false：应报告 / true: the rule must stay silent; false: it must report
   */
  valid: boolean;
  /**
   * 这个例子说明什么 / What the example shows
   */
  title?: string;
  /**
   * 作为起点的规范记录（tests/fixtures/records/<base>.json）/ The canonical record it starts from (tests/fixtures/records/<base>.json)
   */
  base: string;
  /**
   * 以 JSON Pointer 为键要设置的值 / Values to set, keyed by JSON Pointer
   */
  set?: {
    [k: string]: unknown;
  };
  /**
   * 要删除的 JSON Pointer / JSON Pointers to delete
   */
  unset?: string[];
  /**
   * 批量规则：在同一批中跟在基础记录后的记录，每个同样以 set/unset 描述 / Batch rules: further records of the same batch, each described by set/unset on the base
   */
  records?: {
    set?: {
      [k: string]: unknown;
    };
    unset?: string[];
  }[];
  /**
   * 源级规则：文件原文 / Source rules: the raw file text
   */
  text?: string;
  /**
   * text 的格式 / Format of `text`
   */
  format?: 'json' | 'jsonl' | 'yaml';
  /**
   * 检查时的“今天”/ The date the check runs on
   */
  now?: string;
  /**
   * 不通过时应报告的路径 / Paths the rule must report when invalid
   */
  expect?: string[];
}

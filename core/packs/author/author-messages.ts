import type { Locale, Translated } from '../../validate/diagnostic';
import type { AuthorProblem, AuthorProblemCode } from './build-pack';

const m = (en: string, zh: string): Translated => ({ en, 'zh-CN': zh });

/** Every reason `buildPack` gives, in both languages; `{{step}}` is the step's number. */
export const authorMessages: Readonly<Record<AuthorProblemCode, Translated>> = {
  'author-no-steps': m('Add at least one step.', '请至少添加一个步骤。'),
  'author-too-many-steps': m(
    'A package holds at most {{max}} steps.',
    '一个实验包最多包含 {{max}} 个步骤。',
  ),
  'author-title-missing': m(
    'Give the package a title in {{lang}}.',
    '请填写实验包的{{lang}}标题。',
  ),
  'author-step-title-missing': m(
    'Step {{step}}: give it a title in {{lang}}.',
    '步骤 {{step}}：请填写{{lang}}标题。',
  ),
  'author-lock-unknown-layer': m(
    'Step {{step}}: a locked layer ({{layer}}) is no longer in the project.',
    '步骤 {{step}}：锁定的层（{{layer}}）已不在项目中。',
  ),
  'author-lock-unknown-param': m(
    'Step {{step}}: the locked setting {{param}} of {{layer}} is no longer in the project.',
    '步骤 {{step}}：{{layer}} 的锁定参数 {{param}} 已不在项目中。',
  ),
  'author-lock-unknown-field': m(
    'Step {{step}}: the lab has no field {{field}} to lock.',
    '步骤 {{step}}：实验中没有可锁定的字段 {{field}}。',
  ),
  'author-answer-unknown': m(
    'Step {{step}}: the lab cannot compute {{quantity}} from its numbers, so there is no key. Choose another quantity or fix the numbers.',
    '步骤 {{step}}：实验无法根据当前数值算出 {{quantity}}，因此没有答案。请换一个量，或修改数值。',
  ),
  'author-answer-on-project': m(
    'Step {{step}}: a typed answer belongs to a lab step, not a project.',
    '步骤 {{step}}：填写答案的要求只适用于实验步骤，不适用于项目。',
  ),
  'author-training-on-lab': m(
    'Step {{step}}: training results and parameter counts belong to a project step, not a lab.',
    '步骤 {{step}}：训练结果和参数量的要求只适用于项目步骤，不适用于实验。',
  ),
  'author-metric-no-dataset': m(
    'Step {{step}}: students cannot train this project, so its training result can never be met. Say which dataset folder they choose.',
    '步骤 {{step}}：学生无法训练这个项目，训练结果的要求永远无法达到。请说明学生要选择哪个数据集文件夹。',
  ),
  'author-dataset-description-missing': m(
    'Step {{step}}: say in {{lang}} which dataset folder students choose.',
    '步骤 {{step}}：请用{{lang}}说明学生要选择哪个数据集文件夹。',
  ),
  'author-accuracy-range': m(
    'Step {{step}}: an accuracy is between 0 and 1 ({{value}} given).',
    '步骤 {{step}}：准确率应在 0 到 1 之间（当前为 {{value}}）。',
  ),
  'author-invalid': m(
    'The package is not valid yet ({{path}}: {{reason}}).',
    '实验包还不完整（{{path}}：{{reason}}）。',
  ),
};

const languageNames: Readonly<Record<string, Translated>> = {
  en: m('English', '英文'),
  'zh-CN': m('Chinese', '中文'),
};

/** A problem worded in `locale`; a `lang` argument is named in that language. */
export function formatAuthorProblem(problem: AuthorProblem, locale: Locale): string {
  const template = authorMessages[problem.code][locale];
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (!(name in problem.args)) return whole;
    const value = String(problem.args[name]);
    return name === 'lang' ? (languageNames[value]?.[locale] ?? value) : value;
  });
}

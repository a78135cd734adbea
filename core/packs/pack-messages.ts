import type { Locale, Translated } from '../validate/diagnostic';
import type { CheckCode } from './checks';
import type { LockRefusal } from './editor-locks';
import type { PackErrorCode } from './pack-errors';

const m = (en: string, zh: string): Translated => ({ en, 'zh-CN': zh });

/**
 * Every reason core/packs gives, in both languages (the app and `check-pack`
 * word them from here). `{{name}}` is filled from the error's or check's args;
 * args are the student's or the package's data and are escaped by whoever
 * writes the message into HTML or CSV.
 */
export const packMessages: Readonly<
  Record<PackErrorCode | CheckCode | LockRefusal['code'], Translated>
> = {
  'pack-too-large': m(
    'The package is larger than LayerLab opens ({{max}} bytes).',
    '这个实验包超过了 LayerLab 能打开的大小（{{max}} 字节）。',
  ),
  'pack-not-zip': m(
    'This file is not a LayerLab package (it is not a zip file).',
    '这个文件不是 LayerLab 实验包（不是 zip 文件）。',
  ),
  'pack-truncated': m(
    'The package is cut short (incomplete download or copy). Ask for the file again.',
    '实验包不完整（下载或复制没有完成）。请重新获取这个文件。',
  ),
  'pack-corrupt': m(
    'The package is damaged ({{path}}). Ask for the file again.',
    '实验包已损坏（{{path}}）。请重新获取这个文件。',
  ),
  'pack-zip64': m(
    'The package uses ZIP64, which LayerLab does not read. Save it again from LayerLab.',
    '实验包使用了 LayerLab 不支持的 ZIP64 格式。请用 LayerLab 重新保存。',
  ),
  'pack-encrypted': m(
    'The package holds an encrypted file ({{path}}), which LayerLab does not open.',
    '实验包中有加密的文件（{{path}}），LayerLab 不会打开。',
  ),
  'pack-unsupported-compression': m(
    'The package uses a compression LayerLab does not read ({{path}}).',
    '实验包使用了 LayerLab 不支持的压缩方式（{{path}}）。',
  ),
  'pack-too-many-files': m(
    'The package holds more than {{max}} files.',
    '实验包中的文件超过 {{max}} 个。',
  ),
  'pack-unsafe-path': m(
    'Refused: the package names a file outside its own folder ({{path}}).',
    '已拒绝：实验包中有指向其文件夹之外的路径（{{path}}）。',
  ),
  'pack-duplicate-path': m(
    'Refused: the package holds {{path}} twice.',
    '已拒绝：实验包中 {{path}} 出现了两次。',
  ),
  'pack-symlink': m(
    'Refused: the package holds a symbolic link ({{path}}).',
    '已拒绝：实验包中含有符号链接（{{path}}）。',
  ),
  'pack-zip-bomb': m(
    'Refused: the package unpacks to more than LayerLab allows ({{path}}; at most {{maxMegabytes}} MB in all).',
    '已拒绝：实验包解压后超过了允许的大小（{{path}}；总共最多 {{maxMegabytes}} MB）。',
  ),
  'pack-no-manifest': m(
    'This zip is not a LayerLab package: it has no manifest.json.',
    '这个 zip 不是 LayerLab 实验包：缺少 manifest.json。',
  ),
  'pack-not-json': m(
    'The package is damaged: {{path}} is not valid JSON.',
    '实验包已损坏：{{path}} 不是有效的 JSON。',
  ),
  'pack-wrong-format': m('This zip is not a LayerLab package.', '这个 zip 不是 LayerLab 实验包。'),
  'pack-future-version': m(
    'This package was made by a newer LayerLab (format {{version}}; this one reads {{supported}}). Update LayerLab to open it.',
    '这个实验包由更新版本的 LayerLab 制作（格式 {{version}}，本版本只能读取 {{supported}}）。请更新 LayerLab 后再打开。',
  ),
  'pack-invalid': m('The package is not valid: {{path}}.', '实验包内容无效：{{path}}。'),
  'pack-missing-file': m(
    'The package lacks a file it names: {{path}}.',
    '实验包缺少它提到的文件：{{path}}。',
  ),
  'pack-bad-step-file': m(
    'A step of the package cannot be opened: {{path}} ({{reason}}).',
    '实验包中的一个步骤无法打开：{{path}}（{{reason}}）。',
  ),
  'pack-dataset-too-large': m(
    'The embedded dataset {{path}} is {{megabytes}} MB; a package may embed at most {{maxMegabytes}} MB. Refer to a folder instead.',
    '内嵌数据集 {{path}} 有 {{megabytes}} MB，实验包最多只能内嵌 {{maxMegabytes}} MB。请改为让学生选择文件夹。',
  ),
  'pack-dataset-no-licence': m(
    'The embedded dataset {{path}} has no licence text; a package must carry one.',
    '内嵌数据集 {{path}} 没有许可证文本；实验包必须附带。',
  ),
  'pack-bad-image': m(
    'An image of the instructions cannot be shown ({{path}}).',
    '说明中的图片无法显示（{{path}}）。',
  ),
  'submission-too-large': m('The submission is too large to open.', '提交文件太大，无法打开。'),
  'submission-not-json': m(
    'This file is not a LayerLab submission (not valid JSON).',
    '这个文件不是 LayerLab 提交文件（不是有效的 JSON）。',
  ),
  'submission-wrong-format': m(
    'This file is not a LayerLab submission.',
    '这个文件不是 LayerLab 提交文件。',
  ),
  'submission-future-version': m(
    'This submission was made by a newer LayerLab (format {{version}}).',
    '这个提交文件由更新版本的 LayerLab 制作（格式 {{version}}）。',
  ),
  'submission-invalid': m('The submission is not valid: {{path}}.', '提交文件内容无效：{{path}}。'),
  'submission-other-pack': m(
    'This submission was made for another package ("{{title}}").',
    '这个提交文件属于另一个实验包（“{{title}}”）。',
  ),
  'locked-layer': m(
    'The layer {{layer}} is locked by the lab package: it cannot be deleted or replaced.',
    '层 {{layer}} 已被实验包锁定：不能删除或替换。',
  ),
  'locked-param': m(
    'The parameter {{param}} of {{layer}} is locked by the lab package.',
    '层 {{layer}} 的参数 {{param}} 已被实验包锁定。',
  ),
  'check-pass': m('Done.', '已完成。'),
  'check-not-trained': m(
    'Train the network to check {{metric}}.',
    '请先训练网络，才能检查{{metric}}。',
  ),
  'check-model-stale': m(
    'The trained model is for an earlier version of the network: train again.',
    '训练好的模型属于网络的旧版本：请重新训练。',
  ),
  'check-metric-missed': m(
    '{{metric}} is {{value}}; it should be {{op}} {{target}}.',
    '{{metric}} 为 {{value}}，应当 {{op}} {{target}}。',
  ),
  'check-params-missed': m(
    'The network has {{value}} parameters; it should have {{op}} {{target}}.',
    '网络有 {{value}} 个参数，应当 {{op}} {{target}}。',
  ),
  'check-params-unknown': m(
    'The parameter count is unknown until every layer fits (see Problems).',
    '在每一层都连接正确之前，无法计算参数量（见“问题”面板）。',
  ),
  'check-answer-missing': m('Type your value of {{quantity}}.', '请填写你算出的 {{quantity}}。'),
  'check-answer-wrong': m(
    '{{value}} is not {{quantity}} (within {{tolerance}}). Check your calculation.',
    '{{value}} 不是 {{quantity}}（误差需在 {{tolerance}} 以内）。请检查你的计算。',
  ),
  'check-no-key': m(
    'The package has no answer key for this question; ask your teacher.',
    '实验包中没有这道题的答案；请询问老师。',
  ),
  'check-locks-kept': m('Locked parts unchanged.', '锁定的部分没有改动。'),
  'check-layer-removed': m(
    'The locked layer {{layer}} was removed or changed.',
    '锁定的层 {{layer}} 被删除或更改了。',
  ),
  'check-param-changed': m(
    'The locked parameter {{param}} of {{layer}} was changed.',
    '层 {{layer}} 的锁定参数 {{param}} 被更改了。',
  ),
  'check-lab-field-changed': m(
    'The locked numbers ({{field}}) were changed.',
    '锁定的数值（{{field}}）被更改了。',
  ),
  'check-reading-open': m('Mark the reading as read.', '读完后请标记为已读。'),
  'check-work-missing': m('No work for this step.', '这个步骤没有提交内容。'),
  'check-work-invalid': m(
    'The work for this step cannot be opened.',
    '这个步骤提交的内容无法打开。',
  ),
};

/** What a training metric is called in words (a check's `metric` arg is its key). */
export const metricNames: Readonly<Record<string, Translated>> = {
  valAccuracy: m('validation accuracy', '验证准确率'),
  accuracy: m('training accuracy', '训练准确率'),
  valLoss: m('validation loss', '验证损失'),
  loss: m('training loss', '训练损失'),
};

/** A metric key in words; an unknown key is shown as it is. */
export function metricName(metric: string, locale: Locale): string {
  return metricNames[metric]?.[locale] ?? metric;
}

/** A pack error or check reason in `locale`, with its args filled in (as plain text). */
export function formatPackMessage(
  code: PackErrorCode | CheckCode | LockRefusal['code'],
  args: Readonly<Record<string, string | number>>,
  locale: Locale,
): string {
  const template = packMessages[code][locale];
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (!(name in args)) return whole;
    const value = String(args[name]);
    return name === 'metric' ? metricName(value, locale) : value;
  });
}

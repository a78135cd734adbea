/**
 * The export README's section on `train.py`: one computer, torchrun on one or
 * many machines, and a Slurm script. Constant text (no user strings), zh-CN or en.
 */
export function trainReadmeSection(zh: boolean): string[] {
  const commands = [
    '```sh',
    'python3 train.py --data DATASET_DIR --epochs 10 --out trained',
    'torchrun --nproc_per_node 4 train.py --data DATASET_DIR --out trained',
    '```',
  ];
  const multiNode = [
    '```sh',
    '# ' +
      (zh ? '每台机器上各运行一次（NODE_RANK 分别为 0、1）' : 'on every machine (NODE_RANK 0, 1)'),
    'torchrun --nnodes 2 --node_rank $NODE_RANK --nproc_per_node 4 \\',
    '  --rdzv_backend c10d --rdzv_endpoint FIRST_HOST:29500 --rdzv_id layerlab \\',
    '  train.py --data /shared/DATASET_DIR --out /shared/trained',
    '```',
  ];
  const slurm = [
    '```sh',
    '#!/bin/bash',
    '#SBATCH --job-name=layerlab-train',
    '#SBATCH --nodes=2',
    '#SBATCH --ntasks-per-node=1',
    '#SBATCH --gpus-per-node=4',
    '#SBATCH --time=02:00:00',
    'FIRST_HOST=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)',
    'srun torchrun --nnodes "$SLURM_NNODES" --nproc_per_node 4 \\',
    '  --rdzv_backend c10d --rdzv_endpoint "$FIRST_HOST:29500" --rdzv_id "$SLURM_JOB_ID" \\',
    '  train.py --data /shared/DATASET_DIR --out /shared/trained',
    '```',
  ];
  if (zh)
    return [
      '## 用 PyTorch 继续训练（单机或集群）',
      '',
      '`train.py` 用 LayerLab 的设置（`train-config.json`：损失、优化器、学习率及衰减、批大小、轮数、提前停止、随机种子，以及 LayerLab 留作验证的那些文件）在数据文件夹（每个类别一个子文件夹）上训练同一个网络，从 `weights.npz` 接着训练。不带 torchrun 时在一个 CPU 或 GPU 上运行；用 `torchrun` 启动时以 DistributedDataParallel 运行（CPU 用 gloo，CUDA 用 NCCL）。',
      '',
      ...commands,
      '',
      '多台机器（数据放在各机器都能读到的位置）：',
      '',
      ...multiNode,
      '',
      'Slurm 示例脚本（`sbatch train.sbatch`）：',
      '',
      ...slurm,
      '',
      '输出文件夹中有 `weights.npz`（布局与本文件夹相同）、`train-metrics.json`（每轮的损失与准确率）和 `checkpoint.pt`（中断后用 `--resume trained/checkpoint.pt` 继续）。在 LayerLab 中用“导入在别处训练的权重…”或 `npm run train -- 项目 --load-weights trained` 载回。',
      '',
      '旧版 PyTorch（如 Debian 的 torch 1.13）的 torchrun 在 Python 3.11 下使用默认的 `--redirects 0` 会崩溃；遇到时加上 `--redirects 2 --tee 1`。',
    ];
  return [
    '## Keep training with PyTorch (one computer or a cluster)',
    '',
    "`train.py` trains the same network on a dataset folder (one subfolder per class) with LayerLab's settings (`train-config.json`: loss, optimizer, learning rate and decay, batch size, epochs, early stopping, seed, and the very files LayerLab held out for validation), starting from `weights.npz`. Without torchrun it runs on one CPU or GPU; started by `torchrun` it runs as DistributedDataParallel (gloo on CPU, NCCL on CUDA).",
    '',
    ...commands,
    '',
    'Several machines (the data where every machine can read it):',
    '',
    ...multiNode,
    '',
    'An example Slurm script (`sbatch train.sbatch`):',
    '',
    ...slurm,
    '',
    'The output folder holds `weights.npz` (in the layout of this folder), `train-metrics.json` (loss and accuracy per epoch) and `checkpoint.pt` (continue an interrupted run with `--resume trained/checkpoint.pt`). Load it back into LayerLab with "Import weights trained elsewhere…" or `npm run train -- PROJECT --load-weights trained`.',
    '',
    "Old PyTorch versions' torchrun (Debian's torch 1.13, say) crash under Python 3.11 with the default `--redirects 0`; if yours does, add `--redirects 2 --tee 1`.",
  ];
}

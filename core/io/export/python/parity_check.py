"""Test helper: runs an export's generated model.py on saved samples.

    python3 parity_check.py EXPORT_DIR SAMPLES.npy OUT.npy

Imports model.py from EXPORT_DIR exactly as a user would (build_model("weights.npz")),
runs it on the samples without gradients, and saves the outputs as float32.
Used by scripts/export-pytorch-parity.test.ts.
"""
import sys
from pathlib import Path

import numpy as np
import torch


def main():
    export_dir, samples_path, out_path = (Path(p) for p in sys.argv[1:4])
    sys.path.insert(0, str(export_dir))
    from model import build_model

    model = build_model(export_dir / 'weights.npz')
    samples = torch.from_numpy(np.load(samples_path).astype(np.float32))
    with torch.no_grad():
        outputs = model(samples)
    np.save(out_path, outputs.numpy().astype(np.float32))


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""The anchor of npm run bench:data (issue 4): Python + Pillow decoding the
same folder of PNG files into one uint8 numpy array on one core, warm (the
files were just read, so the page cache holds them). Prints one JSON line.

usage: bench-pillow.py <folder with one subfolder per class>
"""
import json
import os
import sys
import time

import numpy as np
from PIL import Image


def main() -> None:
    root = sys.argv[1]
    paths = [
        os.path.join(root, c, f)
        for c in sorted(os.listdir(root))
        if os.path.isdir(os.path.join(root, c))
        for f in sorted(os.listdir(os.path.join(root, c)))
    ]
    for p in paths:  # warm the page cache, as the JS loads are measured warm
        with open(p, "rb") as f:
            f.read()
    t0 = time.perf_counter()
    out = np.empty((len(paths), 28, 28), dtype=np.uint8)
    for i, p in enumerate(paths):
        with Image.open(p) as im:
            out[i] = np.asarray(im.convert("L").resize((28, 28)))
    seconds = time.perf_counter() - t0
    print(json.dumps({"files": len(paths), "ms": seconds * 1000, "checksum": int(out.sum())}))


if __name__ == "__main__":
    main()

"""PyTorch CPU reference for `npm run bench:engine` (issue 9).

Trains the benchmark's models (LeNet CNN, MLP 784-128-10, the lstm-text
template's Embedding -> LSTM 32 -> Dense 2, the residual-cnn template) with Adam at batch 64 on
Fashion-MNIST (random token ids for the LSTM: its speed does not depend on
the text), with 1 and 2 threads, and prints one JSON line per model:
{"model": "lenet", "rates": {"1": ex/s, "2": ex/s}}.
Exits with status 3 and a reason on stderr when torch is missing.
Usage: /usr/bin/python3 scripts/bench-torch.py [--steps N]
"""
import gzip
import json
import os
import sys
import time

try:
    import numpy as np
    import torch
    import torch.nn as nn
except ImportError as error:  # the caller prints the reason and skips the column
    print(f"torch is not installed ({error})", file=sys.stderr)
    sys.exit(3)

DATA = "/usr/share/datasets/fashion-mnist/"
BATCH = 64


def load(kind, offset):
    name = next(n for n in sorted(os.listdir(DATA)) if f"train-{kind}" in n)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(DATA + name, "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def lenet():
    return nn.Sequential(
        nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(512, 128), nn.ReLU(), nn.Linear(128, 10),
    )


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


class LstmText(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(10000, 32)
        self.lstm = nn.LSTM(32, 32, batch_first=True)
        self.dense = nn.Linear(32, 2)

    def forward(self, x):
        _, (h, _) = self.lstm(self.embedding(x))
        return self.dense(h[-1])


class ResidualBlock(nn.Module):
    """conv -> batch norm -> relu -> conv -> batch norm, plus the input, then relu (Keras defaults: eps 1e-3)."""

    def __init__(self, channels):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(channels, channels, 3, padding=1), nn.BatchNorm2d(channels, eps=1e-3), nn.ReLU(),
            nn.Conv2d(channels, channels, 3, padding=1), nn.BatchNorm2d(channels, eps=1e-3),
        )

    def forward(self, x):
        return torch.relu(self.body(x) + x)


def residual_cnn():
    """The residual-cnn template: conv 16 -> pool -> block -> pool -> block -> dense 10."""
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        ResidualBlock(16), nn.MaxPool2d(2), ResidualBlock(16),
        nn.Flatten(), nn.Linear(7 * 7 * 16, 10),
    )


def rate(make, batches, steps, warm):
    torch.manual_seed(0)
    model = make()
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    lossf = nn.CrossEntropyLoss()
    t0 = None
    for i in range(warm + steps):
        if i == warm:
            t0 = time.perf_counter()
        x, y = batches[i % len(batches)]
        opt.zero_grad()
        lossf(model(x), y).backward()
        opt.step()
    return steps * BATCH / (time.perf_counter() - t0)


def main():
    steps = int(sys.argv[sys.argv.index("--steps") + 1]) if "--steps" in sys.argv else 200
    images = load("images", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255
    labels = load("labels", 8).astype(np.int64)
    pictures = [
        (torch.from_numpy(images[o:o + BATCH]), torch.from_numpy(labels[o:o + BATCH]))
        for o in range(0, 50 * BATCH, BATCH)
    ]
    ids = torch.from_numpy((np.arange(BATCH * 200) * 7919 % 10000).reshape(BATCH, 200))
    tokens = [(ids, torch.from_numpy(np.arange(BATCH) % 2))]
    for name, make, batches, n in [
        ("lenet", lenet, pictures, steps),
        ("mlp", mlp, pictures, steps * 5),
        ("lstm", LstmText, tokens, max(10, steps // 10)),
        ("residual", residual_cnn, pictures, steps),
    ]:
        rates = {}
        for threads in (1, 2):
            torch.set_num_threads(threads)
            rates[str(threads)] = rate(make, batches, n, max(3, n // 10))
        print(json.dumps({"model": name, "rates": rates}), flush=True)


if __name__ == "__main__":
    main()

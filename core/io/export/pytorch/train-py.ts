/**
 * `train.py`: trains the exported network with PyTorch, as one process or as
 * DistributedDataParallel under torchrun (gloo on CPU, NCCL on CUDA). A
 * constant: everything project-specific (settings, validation files, class
 * names) is read from train-config.json and metadata.json, so no user string
 * ever becomes Python source. It imports model.py (the network) and
 * predict.py's tokeniser, and writes weights.npz in the layout model.py loads
 * and LayerLab reads back (`weightsFromNpz`), plus train-metrics.json (the run).
 */
export const trainPy = String.raw`"""Trains the exported network with PyTorch, on one computer or on many (torchrun).

    python3 train.py --data DIR [--epochs N] [--out DIR] [--resume CHECKPOINT]
    torchrun --nproc_per_node 4 train.py --data DIR             # data-parallel (DDP) on one machine
    torchrun --nnodes 2 --nproc_per_node 4 --rdzv_backend c10d --rdzv_endpoint HOST:29500 train.py --data DIR

DIR is laid out as LayerLab reads it: one subfolder per class. The settings LayerLab trained with
(train-config.json: loss, optimizer, learning rate and decay, batch size, epochs, early stopping,
seed, validation files) and the preprocessing (metadata.json, vocab.json) are read from this folder.
Training starts from weights.npz (the weights LayerLab exported) unless --from-scratch is given.
The result goes to --out (default ./trained): weights.npz in the same layout (LayerLab can load it
back: Import weights trained elsewhere, or npm run train -- PROJECT --load-weights DIR), train-metrics.json
(the run record), metadata.json and checkpoint.pt (to --resume).

Needs torch and numpy; images other than PNG need Pillow (pip install torch numpy pillow).
"""
import argparse
import json
import math
import os
import struct
import sys
import time
import unicodedata
import zlib
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset
from torch.utils.data.distributed import DistributedSampler

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import model as exported  # noqa: E402

CONFIG = json.loads((HERE / 'train-config.json').read_text(encoding='utf-8'))
META = json.loads((HERE / 'metadata.json').read_text(encoding='utf-8'))
EPSILON = 1e-7  # TF.js's backend epsilon: probabilities are clipped to [EPSILON, 1 - EPSILON] in the losses.

# Folder rules as LayerLab's (core/data): class = first path segment (NFC), files in deeper folders
# belong to it, hidden and system files are ignored, directory links are not followed.
IMAGE_EXTENSIONS = ('.png', '.jpg', '.jpeg', '.bmp', '.gif', '.webp')
TEXT_EXTENSIONS = ('.txt',)
SYSTEM_FILES = {'.ds_store', 'thumbs.db', 'desktop.ini'}


def shown(text):
    """A user string as printable text: control and line-separator characters as escapes."""
    return ''.join(ch if ch.isprintable() else ch.encode('unicode_escape').decode('ascii') for ch in text)


def ignored(name):
    return name.startswith('.') or name.lower() in SYSTEM_FILES or name == '__MACOSX'


def list_samples(root, extensions):
    """(key, class name, path) for every accepted file; key = relative '/' path, NFC, sorted by code point."""
    found = []
    for class_dir in sorted(root.iterdir()):
        if not class_dir.is_dir() or class_dir.is_symlink() or ignored(class_dir.name):
            continue
        class_name = unicodedata.normalize('NFC', class_dir.name)
        for folder, dirs, files in os.walk(class_dir, followlinks=False):
            dirs[:] = [d for d in dirs if not ignored(d)]
            for name in files:
                if ignored(name) or not name.lower().endswith(extensions):
                    continue
                path = Path(folder) / name
                if path.is_symlink() and root.resolve() not in path.resolve().parents:
                    continue
                key = unicodedata.normalize('NFC', path.relative_to(root).as_posix())
                found.append((key, class_name, path))
    return sorted(found, key=lambda s: s[0])


# ---- images: the same steps as predict.py / LayerLab, kept as uint8 until the batch is made ----

def read_png(path):
    """8-bit, non-interlaced PNG (grey, grey+alpha, RGB, RGBA, palette) as an RGBA uint8 array, without Pillow."""
    data = path.read_bytes()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, palette, trns = 8, [], None, None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b'IHDR':
            width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', chunk)
        elif kind == b'PLTE':
            palette = np.frombuffer(chunk, np.uint8).reshape(-1, 3)
        elif kind == b'tRNS':
            trns = np.frombuffer(chunk, np.uint8)
        elif kind == b'IDAT':
            idat.append(chunk)
        elif kind == b'IEND':
            break
    if depth != 8 or interlace != 0:
        raise ValueError('this PNG needs Pillow (pip install pillow)')
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    raw = np.frombuffer(zlib.decompress(b''.join(idat)), np.uint8)
    stride = width * channels
    rows = raw.reshape(height, stride + 1)
    out = np.zeros((height, stride), np.int32)
    previous = np.zeros(stride, np.int32)
    for y in range(height):
        f, line = rows[y, 0], rows[y, 1:].astype(np.int32)
        if f == 0:
            cur = line
        elif f == 1:
            cur = (np.cumsum(line.reshape(width, channels), axis=0) & 255).reshape(-1)
        elif f == 2:
            cur = (line + previous) & 255
        else:
            cur = np.zeros(stride, np.int32)
            for x in range(stride):
                left = cur[x - channels] if x >= channels else 0
                up = previous[x]
                if f == 3:
                    pred = (left + up) // 2
                else:
                    up_left = previous[x - channels] if x >= channels else 0
                    p = left + up - up_left
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                    pred = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                cur[x] = (line[x] + pred) & 255
        out[y] = cur
        previous = cur
    pixels = out.astype(np.uint8).reshape(height, width, channels)
    if colour == 3:
        alpha = np.full(len(palette), 255, np.uint8)
        if trns is not None:
            alpha[:len(trns)] = trns
        return np.concatenate([palette[pixels[..., 0]], alpha[pixels[..., 0]][..., None]], axis=-1)
    if channels == 1:
        return np.concatenate([np.repeat(pixels, 3, axis=-1), np.full_like(pixels, 255)], axis=-1)
    if channels == 2:
        return np.concatenate([np.repeat(pixels[..., :1], 3, axis=-1), pixels[..., 1:]], axis=-1)
    if channels == 3:
        return np.concatenate([pixels, np.full_like(pixels[..., :1], 255)], axis=-1)
    return pixels


def resize_bilinear(rgb, width, height):
    """Stretch to width x height with bilinear sampling (pixel centres aligned), for the no-Pillow path."""
    h, w = rgb.shape[:2]
    if (w, h) == (width, height):
        return rgb
    ys = np.clip((np.arange(height) + 0.5) * h / height - 0.5, 0, h - 1)
    xs = np.clip((np.arange(width) + 0.5) * w / width - 0.5, 0, w - 1)
    y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
    y1, x1 = np.minimum(y0 + 1, h - 1), np.minimum(x0 + 1, w - 1)
    fy, fx = (ys - y0)[:, None, None], (xs - x0)[None, :, None]
    a = rgb.astype(np.float32)
    top = a[y0][:, x0] * (1 - fx) + a[y0][:, x1] * fx
    bottom = a[y1][:, x0] * (1 - fx) + a[y1][:, x1] * fx
    return np.clip(np.floor(top * (1 - fy) + bottom * fy + 0.5), 0, 255).astype(np.uint8)


def image_pixels(path, spec):
    """uint8 height x width x channels: alpha over white, resize (stretch / crop / pad), colour mode."""
    size = (spec['width'], spec['height'])
    try:
        from PIL import Image, ImageOps
    except ImportError:
        if spec['resizeMode'] != 'stretch' and path.suffix.lower() == '.png':
            sys.exit('Resizing by crop or pad needs Pillow: pip install pillow')
        if path.suffix.lower() != '.png':
            sys.exit(f'Reading {shown(path.name)} needs Pillow: pip install pillow')
        rgba = read_png(path).astype(np.float32)
        alpha = rgba[..., 3:] / 255.0
        rgb = np.floor(rgba[..., :3] * alpha + 255.0 * (1 - alpha) + 0.5).astype(np.uint8)
        rgb = resize_bilinear(rgb, *size)
        if spec['colorMode'] == 'grayscale':
            grey = rgb.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
            return np.floor(grey + 0.5).astype(np.uint8)[..., None]
        return rgb
    image = Image.open(path).convert('RGBA')
    white = Image.new('RGBA', image.size, (255, 255, 255, 255))
    image = Image.alpha_composite(white, image).convert('RGB')
    if spec['resizeMode'] == 'crop':
        image = ImageOps.fit(image, size, Image.BILINEAR)
    elif spec['resizeMode'] == 'pad':
        image = ImageOps.pad(image, size, Image.BILINEAR, color=(0, 0, 0))
    else:
        image = image.resize(size, Image.BILINEAR)
    if spec['colorMode'] == 'grayscale':
        return np.asarray(image.convert('L'), dtype=np.uint8)[..., None]
    return np.asarray(image, dtype=np.uint8)


def augment(pixels, a, rng):
    """LayerLab's augmentation (core/data/augment.ts): flips, shift, rotation as one inverse map with
    bilinear sampling and edge pixels repeated, then a brightness shift; numpy's generator, not LayerLab's."""
    h, w, channels = pixels.shape
    flip_x = a['flipHorizontal'] and rng.random() < 0.5
    flip_y = a['flipVertical'] and rng.random() < 0.5
    shift_x = (rng.random() * 2 - 1) * a['maxShift'] * w
    shift_y = (rng.random() * 2 - 1) * a['maxShift'] * h
    angle = (rng.random() * 2 - 1) * a['maxRotation'] / 180 * math.pi
    brightness = (rng.random() * 2 - 1) * a['maxBrightness'] * 255
    cx, cy = (w - 1) / 2, (h - 1) / 2
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float64)
    ox, oy = xs - cx - shift_x, ys - cy - shift_y
    u = math.cos(angle) * ox + math.sin(angle) * oy + cx
    v = -math.sin(angle) * ox + math.cos(angle) * oy + cy
    if flip_x:
        u = w - 1 - u
    if flip_y:
        v = h - 1 - v
    u, v = np.clip(u, 0, w - 1), np.clip(v, 0, h - 1)
    x0, y0 = np.floor(u).astype(int), np.floor(v).astype(int)
    x1, y1 = np.minimum(w - 1, x0 + 1), np.minimum(h - 1, y0 + 1)
    fx, fy = (u - x0)[..., None], (v - y0)[..., None]
    p = pixels.astype(np.float64)
    value = (p[y0, x0] * (1 - fx) + p[y0, x1] * fx) * (1 - fy) + (p[y1, x0] * (1 - fx) + p[y1, x1] * fx) * fy
    return np.clip(np.floor(value + brightness + 0.5), 0, 255).astype(np.uint8)


def augmentation_active(a):
    return bool(a and a['enabled'] and (a['flipHorizontal'] or a['flipVertical'] or a['maxShift'] > 0
                                        or a['maxRotation'] > 0 or a['maxBrightness'] > 0))


# ---- texts: predict.py's tokeniser, one sample per file or per non-empty line ----

def read_text(path, encoding):
    data = path.read_bytes()
    if encoding != 'auto':
        return data.decode({'utf-8': 'utf-8-sig'}.get(encoding, encoding))
    for guess in ('utf-8-sig', 'utf-16') if data[:2] in (b'\xff\xfe', b'\xfe\xff') else ('utf-8-sig',):
        try:
            return data.decode(guess)
        except UnicodeDecodeError:
            pass
    for guess in ('gb18030', 'big5', 'cp1252'):  # LayerLab guesses among these; so does this, more crudely.
        try:
            return data.decode(guess)
        except UnicodeDecodeError:
            pass
    return data.decode('utf-8', errors='replace')


class Samples(Dataset):
    """The chosen samples as (input, label); training samples are augmented per epoch, seeded."""

    def __init__(self, items, task, augment_on, seed):
        self.items, self.task, self.augment_on, self.seed, self.epoch = items, task, augment_on, seed, 0
        self.decoded = {}  # image pixels by sample, decoded once per process

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        x, label = self.items[i]
        if self.task == 'image':
            spec = META['preprocessing']['image']
            pixels = self.decoded.get(i)
            if pixels is None:
                pixels = self.decoded[i] = image_pixels(x, spec)
            if self.augment_on:
                pixels = augment(pixels, CONFIG['image']['augmentation'],
                                 np.random.default_rng([self.seed, self.epoch, i]))
            x = pixels.astype(np.float32)
            x = x / 255.0 if spec['normalization'] == 'zeroToOne' else x / 127.5 - 1.0
        return torch.from_numpy(np.asarray(x, np.float32)), label


def load_data(root, rank):
    """Samples of the folder, split as LayerLab split them: the validation files listed in
    train-config.json (the exact files LayerLab held out), or for other data LayerLab's stratified split."""
    task = META['task']
    labels = META['labels']
    if task == 'image':
        listed = list_samples(root, IMAGE_EXTENSIONS)
        samples = [(key, cls, path) for key, cls, path in listed]
    elif task == 'text':
        from predict import tokenize  # noqa: E402  predict.py's tokeniser: the steps LayerLab shapes texts with
        spec = META['preprocessing']['text']
        samples = []
        for key, cls, path in list_samples(root, TEXT_EXTENSIONS):
            text = read_text(path, spec.get('encoding', 'auto'))
            if spec.get('sampleUnit') == 'lines':
                lines = [line.strip() for line in text.splitlines() if line.strip()]
                samples += [(f'{key}#{n + 1}', cls, tokenize(line)[0]) for n, line in enumerate(lines)]
            else:
                samples.append((key, cls, tokenize(text)[0]))
        samples.sort(key=lambda s: s[0])
    else:
        sys.exit('train.py trains image and text models; this export has no image or text preprocessing.')
    classes = sorted({cls for _, cls, _ in samples})
    if classes != list(labels):
        sys.exit(f'The folder {shown(str(root))} has the classes {[shown(c) for c in classes]}, '
                 f'but the network was made for {[shown(c) for c in labels]}: the class folders must match.')
    index = {name: i for i, name in enumerate(labels)}
    class_of = [index[cls] for _, cls, _ in samples]
    held = CONFIG['split'].get('validationKeys')
    if held is not None and not ARGS.resplit:
        held = set(held)
        validation = [i for i, s in enumerate(samples) if s[0] in held]
        how = 'the validation files LayerLab held out (train-config.json)'
    else:
        validation = stratified_validation(class_of, CONFIG['split']['seed'], CONFIG['split']['validationShare'])
        how = f"LayerLab's stratified split (seed {CONFIG['split']['seed']})"
    chosen = set(validation)
    train = [i for i in range(len(samples)) if i not in chosen]
    if rank == 0:
        print(f'data: {len(samples)} samples in {len(labels)} classes; {len(train)} for training, '
              f'{len(validation)} for validation ({how})', flush=True)
    items = [(s[2], class_of[i]) for i, s in enumerate(samples)]
    return task, [items[i] for i in train], [items[i] for i in validation]


# ---- LayerLab's split (core/data/split.ts, random.ts), bit for bit ----

def _imul(a, b):
    return (a * b) & 0xFFFFFFFF


def mulberry32(seed):
    state = seed & 0xFFFFFFFF

    def next_float():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = _imul(t ^ (t >> 15), t | 1)
        t = (t ^ ((t + _imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296
    return next_float


def derive_seed(seed, salt):
    h = (seed ^ _imul((salt + 0x9E3779B9) & 0xFFFFFFFF, 0x85EBCA6B)) & 0xFFFFFFFF
    h = _imul(h ^ (h >> 16), 0x85EBCA6B)
    h = _imul(h ^ (h >> 13), 0xC2B2AE35)
    return (h ^ (h >> 16)) & 0xFFFFFFFF


def stratified_validation(class_of, seed, share):
    by_class = {}
    for i, c in enumerate(class_of):
        by_class.setdefault(c, []).append(i)
    validation = []
    for c, members in by_class.items():
        n = len(members)
        count = 0 if share <= 0 or n < 2 else min(n - 1, max(1, math.floor(n * share + 0.5)))
        rng = mulberry32(derive_seed(seed, c))
        for i in range(n - 1, 0, -1):
            j = math.floor(rng() * (i + 1))
            members[i], members[j] = members[j], members[i]
        validation += members[:count]
    return sorted(validation)


# ---- the loss and accuracy LayerLab (TF.js) computes on the network's outputs ----

def loss_and_hits(output, labels, loss_kind):
    """Per-sample loss and correct predictions, with TF.js's formulas (outputs are probabilities)."""
    units = output.shape[-1]
    if units == 1:
        p = output[:, 0]
        y = labels.to(output.dtype)
        if loss_kind == 'meanSquaredError':
            loss = (p - y) ** 2
        else:
            p = p.clamp(EPSILON, 1 - EPSILON)
            loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p))
        return loss, ((p > 0.5).long() == labels)
    hits = output.argmax(dim=-1) == labels
    if loss_kind == 'meanSquaredError':
        return ((output - F.one_hot(labels, units).to(output.dtype)) ** 2).mean(dim=-1), hits
    if loss_kind == 'binaryCrossentropy':
        p = output.clamp(EPSILON, 1 - EPSILON)
        y = F.one_hot(labels, units).to(output.dtype)
        return -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean(dim=-1), hits
    p = (output / output.sum(dim=-1, keepdim=True)).clamp(EPSILON, 1 - EPSILON)
    return -torch.log(p.gather(1, labels[:, None])[:, 0]), hits


def make_optimizer(parameters, spec):
    """The optimizer LayerLab's settings describe, with TF.js's defaults (core/compile/training-setup.ts)."""
    lr, kind = spec['learningRate'], spec['kind']
    if kind == 'sgd':
        return torch.optim.SGD(parameters, lr=lr)
    if kind == 'momentum':
        return torch.optim.SGD(parameters, lr=lr, momentum=spec.get('momentum', 0.9))
    if kind == 'adam':
        return torch.optim.Adam(parameters, lr=lr, betas=(spec.get('beta1', 0.9), spec.get('beta2', 0.999)),
                                eps=spec.get('epsilon', 1e-7))
    if kind == 'rmsprop':
        return torch.optim.RMSprop(parameters, lr=lr, alpha=spec.get('rho', 0.9), momentum=spec.get('momentum', 0),
                                   eps=spec.get('epsilon', 1e-7))
    if kind == 'adagrad':
        return torch.optim.Adagrad(parameters, lr=lr, initial_accumulator_value=0.1)
    sys.exit(f'Unknown optimizer {shown(str(kind))}')


def learning_rate_for_epoch(epoch):
    """core/compile/training-setup.ts: exponential lr * factor^epoch, step lr * factor^floor(epoch / every)."""
    base = CONFIG['training']['optimizer']['learningRate']
    decay = CONFIG['training']['learningRateDecay']
    if decay['kind'] == 'exponential':
        return base * decay['factor'] ** epoch
    if decay['kind'] == 'step':
        return base * decay['factor'] ** (epoch // max(1, decay['everyEpochs']))
    return base


def batch_norm_forward(self, x):
    """BatchNormTF in training mode: batch statistics, moving averages updated with Keras's momentum."""
    flat = x.reshape(-1, x.shape[-1])
    y = F.batch_norm(flat, self.running_mean, self.running_var, self.weight, self.bias,
                     self.training, self.momentum, self.eps)
    return y.reshape(x.shape)


def prepare_model(device, start_from):
    exported.BatchNormTF.forward = batch_norm_forward
    net = exported.ExportedModel()
    if start_from is not None:
        exported.load_weights(net, start_from)
    for name, module in net.named_modules():
        if isinstance(module, exported.BatchNormTF):
            module.momentum = 1.0 - CONFIG['batchNormMomentum'].get(name, 0.99)
    frozen = set(CONFIG['frozen'])
    for name, parameter in net.named_parameters():
        # Entries LayerLab's network does not have (nn.LSTM's second bias): kept at their exported value.
        if name in frozen:
            parameter.requires_grad_(False)
    return net.to(device)


def state_arrays(net):
    return {key: value.detach().cpu().numpy() for key, value in net.state_dict().items()}


def epoch_line(m, epochs, rate):
    def fmt(v):
        return 'n/a' if v is None or not math.isfinite(v) else f'{v:.4f}'
    return (f"epoch {m['epoch'] + 1}/{epochs}: loss {fmt(m['loss'])}, accuracy {fmt(m['accuracy'])}, "
            f"validation loss {fmt(m['valLoss'])}, validation accuracy {fmt(m['valAccuracy'])} "
            f"({m['seconds']:.1f} s, {round(rate)} examples/s)")


def reduce_sums(values, device, distributed):
    t = torch.tensor(values, dtype=torch.float64, device=device)
    if distributed:
        dist.all_reduce(t)
    return t.tolist()


def evaluate(net, items, batch_size, device, distributed, rank, world):
    """Loss and accuracy over all validation samples: each process scores every world-th one, then the sums add up."""
    mine = Samples(items[rank::world], META['task'], False, 0)
    total = [0.0, 0.0, 0.0]
    net.eval()
    with torch.no_grad():
        for x, y in DataLoader(mine, batch_size=batch_size):
            loss, hits = loss_and_hits(net(x.to(device)), y.to(device), CONFIG['training']['loss'])
            total = [total[0] + loss.sum().item(), total[1] + hits.sum().item(), total[2] + len(y)]
    loss_sum, hit_sum, count = reduce_sums(total, device, distributed)
    return (loss_sum / count, hit_sum / count) if count > 0 else (None, None)


def parse_args():
    training = CONFIG['training']
    p = argparse.ArgumentParser(description='Trains the exported LayerLab network with PyTorch (DDP under torchrun).')
    p.add_argument('--data', required=True, help='dataset folder, one subfolder per class')
    p.add_argument('--epochs', type=int, default=None,
                   help=f"epochs to train (default {training['epochs']}; with --resume: more epochs after the checkpoint)")
    p.add_argument('--out', default='trained', help='output folder (default ./trained)')
    p.add_argument('--resume', default=None, help='checkpoint.pt of an earlier run to continue')
    p.add_argument('--from-scratch', action='store_true', help='start from new random weights, not weights.npz')
    p.add_argument('--resplit', action='store_true', help="ignore the saved validation files; split with LayerLab's seeded split")
    p.add_argument('--workers', type=int, default=0, help='data loading processes per training process')
    return p.parse_args()


def main():
    world = int(os.environ.get('WORLD_SIZE', '1'))
    rank = int(os.environ.get('RANK', '0'))
    local_rank = int(os.environ.get('LOCAL_RANK', '0'))
    distributed = world > 1
    cuda = torch.cuda.is_available()
    device = torch.device(f'cuda:{local_rank}' if cuda else 'cpu')
    if cuda:
        torch.cuda.set_device(device)
    if distributed:
        dist.init_process_group('nccl' if cuda else 'gloo')
    training = CONFIG['training']
    seed = training['seed']
    torch.manual_seed(seed + rank)
    out = Path(ARGS.out)
    task, train_items, val_items = load_data(Path(ARGS.data), rank)
    if len(train_items) == 0:
        sys.exit('No training samples.')
    checkpoint = torch.load(ARGS.resume, map_location='cpu') if ARGS.resume else None
    net = prepare_model(device, None if ARGS.from_scratch or checkpoint else HERE / 'weights.npz')
    if checkpoint:
        net.load_state_dict(checkpoint['model'])
    trainable = [q for q in net.parameters() if q.requires_grad]
    optimizer = make_optimizer(trainable, training['optimizer'])
    if checkpoint:
        optimizer.load_state_dict(checkpoint['optimizer'])
    model = torch.nn.parallel.DistributedDataParallel(net) if distributed else net
    batch = training['batchSize']
    data = Samples(train_items, task, task == 'image' and augmentation_active(CONFIG['image'] and CONFIG['image']['augmentation']), seed)
    # Every process takes its share of each epoch's shuffled order; the global batch stays the project's.
    per_process = max(1, batch // world)
    sampler = DistributedSampler(data, num_replicas=world, rank=rank, shuffle=True, seed=seed) if distributed else None
    print(f'rank {rank}/{world}: {len(sampler) if sampler else len(data)} training samples per epoch on {device}, '
          f'batch {per_process}', flush=True)
    history = checkpoint['history'] if checkpoint else []
    best = checkpoint['best'] if checkpoint else None
    since_best = checkpoint['sinceBest'] if checkpoint else 0
    # Epoch numbers continue those LayerLab trained into weights.npz (the learning-rate decay goes on from there).
    if checkpoint:
        # An interrupted run goes on to its planned end; --epochs N trains N more after the checkpoint.
        first = checkpoint['next']
        epochs = checkpoint['epochs'] if ARGS.epochs is None else first + ARGS.epochs
    else:
        first = 0 if ARGS.from_scratch else CONFIG.get('epochsTrained', 0)
        epochs = first + (training['epochs'] if ARGS.epochs is None else ARGS.epochs)
    stopping = training['earlyStopping']
    outcome = 'completed'
    if rank == 0:
        out.mkdir(parents=True, exist_ok=True)
        print(f"model: {sum(q.numel() for q in trainable)} trainable parameters; training {epochs - first} epoch(s), "
              f"batch {batch} ({world} process{'es' if world > 1 else ''} x {per_process}), "
              f"{training['optimizer']['kind']} lr {training['optimizer']['learningRate']}, loss {training['loss']}", flush=True)
    for epoch in range(first, epochs):
        started = time.time()
        lr = learning_rate_for_epoch(epoch)
        for group in optimizer.param_groups:
            group['lr'] = lr
        data.epoch = epoch
        if sampler:
            sampler.set_epoch(epoch)
            loader = DataLoader(data, batch_size=per_process, sampler=sampler, num_workers=ARGS.workers)
        else:
            order = torch.Generator().manual_seed(seed * 1000 + epoch)
            loader = DataLoader(data, batch_size=batch, shuffle=True, generator=order, num_workers=ARGS.workers)
        model.train()
        sums = [0.0, 0.0, 0.0]
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            loss, hits = loss_and_hits(model(x), y, training['loss'])
            optimizer.zero_grad()
            loss.mean().backward()
            optimizer.step()
            sums = [sums[0] + loss.sum().item(), sums[1] + hits.sum().item(), sums[2] + len(y)]
        loss_sum, hit_sum, count = reduce_sums(sums, device, distributed)
        val_loss, val_accuracy = evaluate(net, val_items, batch, device, distributed, rank, world)
        seconds = time.time() - started
        m = {'epoch': epoch, 'loss': loss_sum / count, 'accuracy': hit_sum / count, 'valLoss': val_loss,
             'valAccuracy': val_accuracy, 'learningRate': lr, 'seconds': seconds}
        history.append(m)
        monitored = val_loss if val_loss is not None else m['loss']
        if best is None or monitored < best['value']:
            best = {'value': monitored, 'epoch': epoch, 'state': {k: v.clone() for k, v in net.state_dict().items()}}
            since_best = 0
        else:
            since_best += 1
        if rank == 0:
            print(epoch_line(m, epochs, count / seconds), flush=True)
            torch.save({'model': net.state_dict(), 'optimizer': optimizer.state_dict(), 'history': history,
                        'best': best, 'sinceBest': since_best, 'epochs': epochs, 'next': epoch + 1}, out / 'checkpoint.pt')
        if stopping['enabled'] and since_best >= stopping['patience']:
            outcome = 'early-stopped'
            break
    restored = stopping['enabled'] and stopping['restoreBestWeights'] and best is not None and outcome == 'early-stopped'
    if restored:
        net.load_state_dict(best['state'])
    if rank == 0:
        np.savez(out / 'weights.npz', **state_arrays(net))
        record = {
            'format': 'layerlab-train-run',
            'version': 1,
            'settings': {**training, 'epochs': epochs},
            'epochs': history,
            'bestEpoch': best['epoch'] if best else None,
            'restoredBest': restored,
            'outcome': outcome,
            'processes': world,
            'device': device.type,
            'startedFrom': 'checkpoint' if checkpoint else ('scratch' if ARGS.from_scratch else 'weights.npz'),
            'finishedAt': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()),
            'torch': torch.__version__,
            'labels': META['labels'],
        }
        (out / 'train-metrics.json').write_text(json.dumps(record, indent=2), encoding='utf-8')
        # The classes and preprocessing travel with the weights, so the output folder loads back on its own.
        for name in ('metadata.json', 'vocab.json', 'train-config.json'):
            if (HERE / name).is_file() and (HERE / name).resolve() != (out / name).resolve():
                (out / name).write_bytes((HERE / name).read_bytes())
        last = history[-1] if history else None
        print(f'outcome: {outcome}' + (f" (restored epoch {best['epoch'] + 1})" if restored else ''), flush=True)
        if last and last['valAccuracy'] is not None:
            print(f"validation accuracy: {last['valAccuracy']:.4f}", flush=True)
        print(f'weights: {shown(str(out / "weights.npz"))}', flush=True)
    if distributed:
        dist.barrier()
        dist.destroy_process_group()


if __name__ == '__main__':
    ARGS = parse_args()
    main()
`;

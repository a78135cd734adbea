/**
 * `predict.py`: runs the PyTorch export on an image, a text, or an already
 * preprocessed `.npy`/`.json` array, with the preprocessing metadata.json
 * describes (the same steps LayerLab applied in training).
 */
export const predictPy = String.raw`"""Runs the exported model with PyTorch.

    python3 predict.py photo.png          # image models (needs Pillow)
    python3 predict.py "some text"        # text models (or a .txt file)
    python3 predict.py input.npy          # any model: an array already preprocessed, shape as metadata.json inputShape

Needs torch and numpy (pip install torch numpy pillow).
"""
import json
import sys
import unicodedata
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from model import build_model  # noqa: E402

META = json.loads((HERE / 'metadata.json').read_text(encoding='utf-8'))


def load_image(path):
    """Same steps as LayerLab: alpha over white, resize (stretch / crop / pad), colour mode, normalisation."""
    from PIL import Image, ImageOps
    spec = META['preprocessing']['image']
    image = Image.open(path).convert('RGBA')
    white = Image.new('RGBA', image.size, (255, 255, 255, 255))
    image = Image.alpha_composite(white, image).convert('RGB')
    size = (spec['width'], spec['height'])
    if spec['resizeMode'] == 'crop':
        image = ImageOps.fit(image, size, Image.BILINEAR)
    elif spec['resizeMode'] == 'pad':
        image = ImageOps.pad(image, size, Image.BILINEAR, color=(0, 0, 0))
    else:
        image = image.resize(size, Image.BILINEAR)
    if spec['colorMode'] == 'grayscale':
        x = np.asarray(image.convert('L'), dtype=np.float32)[..., None]
    else:
        x = np.asarray(image, dtype=np.float32)
    x = x / 255.0 if spec['normalization'] == 'zeroToOne' else x / 127.5 - 1.0
    return x[None]


def tokenize(text):
    """Keras TextVectorization-style: standardise, split, look up (1 = unknown), pad / cut as metadata.json says."""
    spec = META['preprocessing']['text']
    s = unicodedata.normalize('NFC', text)
    if spec['lowercase']:
        s = s.lower()
    if spec['stripPunctuation']:
        s = ''.join(' ' if unicodedata.category(ch)[0] in 'PS' else ch for ch in s)
    if spec['split'] == 'whitespace':
        tokens = s.split()
    elif spec['split'] == 'character':
        tokens = [ch for ch in s if not ch.isspace()]
    else:
        try:
            import jieba  # LayerLab splits Chinese words with ICU; jieba is close but not identical.
        except ImportError:
            sys.exit('This model splits Chinese words: pip install jieba, or pass token ids as a .npy file.')
        tokens = [t for t in jieba.cut(s) if t.strip()]
    vocabulary = json.loads((HERE / spec['vocabularyFile']).read_text(encoding='utf-8'))
    index = {token: i for i, token in enumerate(vocabulary) if i >= 2}
    length = spec['sequenceLength']
    ids = [index.get(token, 1) for token in tokens]
    # Keras pad_sequences: 'pre' cuts a long text's start / pads a short one's front; exports before these fields: 'post'.
    ids = ids[max(0, len(ids) - length):] if spec.get('truncating', 'post') == 'pre' else ids[:length]
    padding = [0] * (length - len(ids))
    ids = padding + ids if spec.get('padding', 'post') == 'pre' else ids + padding
    return np.asarray([ids], dtype=np.float32)


def load_input(arg):
    path = Path(arg)
    if path.suffix == '.npy':
        x = np.load(path).astype(np.float32)
    elif path.suffix == '.json':
        x = np.asarray(json.loads(path.read_text(encoding='utf-8')), dtype=np.float32)
    elif META['task'] == 'image':
        x = load_image(path)
    elif META['task'] == 'text':
        x = tokenize(path.read_text(encoding='utf-8') if path.is_file() else arg)
    else:
        sys.exit('Pass the input values as a .npy or .json array.')
    if x.ndim == len(META['inputShape']) - 1:
        x = x[None]
    return x


def shown(text):
    """A label as printable text: control, format and line-separator characters as \\x/\\u escapes."""
    return ''.join(ch if ch.isprintable() else ch.encode('unicode_escape').decode('ascii') for ch in text)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    model = build_model(HERE / 'weights.npz')
    x = load_input(sys.argv[1])
    with torch.no_grad():
        probabilities = model(torch.from_numpy(x)).numpy()
    labels = META['labels']
    for row in probabilities:
        for i in np.argsort(-row)[:5]:
            name = shown(labels[i]) if i < len(labels) else str(i)
            print(f'{name}\t{row[i]:.4f}')
        print()


if __name__ == '__main__':
    main()
`;

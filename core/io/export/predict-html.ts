import { htmlText } from '../escape/html';

/**
 * `predict.html`: a one-page demo that runs the export in a browser, opened
 * by double-click. It loads `./tf.min.js` (a copy of TF.js shipped in the
 * folder, so it works offline) and `./predict-data.js` (the model, weights,
 * metadata and vocabulary; see predict-data.ts) as classic scripts, the one
 * way a `file://` page may load files. Without predict-data.js (a model too
 * large to embed) it fetches `model.json` and `metadata.json`, which needs
 * the folder served over HTTP, and says so. Preprocessing mirrors LayerLab's:
 * alpha over white, stretch / crop / pad, BT.601 grey, normalisation.
 * Each result row carries its probability in `data-probability` (tests read it).
 */
export function buildPredictHtml(title: string): string {
  const safeTitle = htmlText(title);
  return String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${safeTitle} · predict</title>
<style>
  body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; max-width: 720px; margin: 2rem auto; padding: 0 1rem; color: #1f2430; }
  h1 { font-size: 1.4rem; } .muted { color: #667; font-size: .9rem; }
  canvas { border: 1px solid #ccd; image-rendering: pixelated; width: 160px; }
  table { border-collapse: collapse; margin-top: 1rem; } td { padding: .2rem .8rem; border-bottom: 1px solid #eee; }
  .bar { background: #4c6ef5; height: .7rem; border-radius: 2px; }
  textarea { width: 100%; min-height: 5rem; }
</style>
</head>
<body>
<h1>${safeTitle}</h1>
<p class="muted" id="status">正在加载模型… / Loading the model…</p>
<div id="image-input" hidden><label>选择图片 / Choose an image: <input type="file" id="file" accept="image/*"></label><p><canvas id="canvas"></canvas></p></div>
<div id="text-input" hidden><label>输入文本 / Type a text:<br><textarea id="text"></textarea></label><button id="run-text">预测 / Predict</button></div>
<div id="vector-input" hidden><label>输入数值 (JSON) / Values (JSON array):<br><textarea id="values"></textarea></label><button id="run-values">预测 / Predict</button></div>
<table id="results"></table>
<script src="./tf.min.js"></script>
<script src="./predict-data.js"></script>
<script>
(async () => {
  const status = document.getElementById('status');
  if (typeof tf === 'undefined') {
    status.textContent = '找不到 tf.min.js：请把它和本页面放在同一文件夹。 / tf.min.js is missing: keep it in the same folder as this page.';
    return;
  }
  const embedded = window.layerlabExport;
  let meta, model, vocabulary = null;
  try {
    if (embedded) {
      meta = embedded.metadata;
      vocabulary = embedded.vocabulary;
      const bytes = Uint8Array.from(atob(embedded.weightData), (c) => c.charCodeAt(0));
      model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: embedded.modelTopology, weightSpecs: embedded.weightSpecs, weightData: bytes.buffer }));
    } else {
      // No predict-data.js (a model too large to embed): read the files, which needs a web server.
      meta = await (await fetch('./metadata.json')).json();
      model = await tf.loadLayersModel('./model.json');
      if (meta.task === 'text') vocabulary = await (await fetch('./' + meta.preprocessing.text.vocabularyFile)).json();
    }
  } catch (e) {
    status.textContent = embedded
      ? '无法加载模型 / Cannot load the model (' + e.message + ')'
      : '本模型较大，没有嵌入页面：请在本文件夹运行 "python3 -m http.server"，再打开 http://localhost:8000/predict.html。 / This model is too large to embed in the page: run "python3 -m http.server" in this folder and open http://localhost:8000/predict.html. (' + e.message + ')';
    return;
  }
  status.textContent = '模型已加载 / Model loaded · ' + meta.labels.length + ' classes';
  status.dataset.state = 'ready';
  const show = (probabilities) => {
    const rows = probabilities.map((p, i) => [p, i]).sort((a, b) => b[0] - a[0]).slice(0, 5);
    const table = document.getElementById('results');
    table.replaceChildren(...rows.map(([p, i]) => {
      const tr = document.createElement('tr'); tr.dataset.probability = String(p); tr.dataset.classIndex = String(i);
      const name = document.createElement('td'); name.textContent = meta.labels[i] ?? String(i);
      const value = document.createElement('td'); value.textContent = (p * 100).toFixed(1) + '%';
      const barCell = document.createElement('td'); const bar = document.createElement('div'); bar.className = 'bar'; bar.style.width = Math.round(p * 200) + 'px'; barCell.append(bar);
      tr.append(name, value, barCell); return tr;
    }));
  };
  const predict = (x) => { const y = model.predict(x); const out = y.arraySync()[0]; tf.dispose([x, y]); show(out); };

  if (meta.task === 'image') {
    const spec = meta.preprocessing.image;
    document.getElementById('image-input').hidden = false;
    const canvas = document.getElementById('canvas');
    canvas.width = spec.width; canvas.height = spec.height;
    document.getElementById('file').addEventListener('change', async (event) => {
      const file = event.target.files[0]; if (!file) return;
      const bitmap = await createImageBitmap(file);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      const W = spec.width, H = spec.height, w = bitmap.width, h = bitmap.height;
      ctx.fillStyle = '#000'; ctx.fillRect(0, 0, W, H);
      let sx = 0, sy = 0, sw = w, sh = h, dx = 0, dy = 0, dw = W, dh = H;
      if (spec.resizeMode === 'crop') {
        const wide = w * H > W * h;
        sw = wide ? Math.max(1, Math.round(h * W / H)) : w; sh = wide ? h : Math.max(1, Math.round(w * H / W));
        sx = Math.floor((w - sw) / 2); sy = Math.floor((h - sh) / 2);
      } else if (spec.resizeMode === 'pad') {
        const scale = Math.min(W / w, H / h);
        dw = Math.min(W, Math.max(1, Math.round(w * scale))); dh = Math.min(H, Math.max(1, Math.round(h * scale)));
        dx = Math.floor((W - dw) / 2); dy = Math.floor((H - dh) / 2);
      }
      ctx.fillStyle = '#fff'; ctx.fillRect(dx, dy, dw, dh);   // transparent pixels count as white
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, sx, sy, sw, sh, dx, dy, dw, dh);
      const rgba = ctx.getImageData(0, 0, W, H).data;
      const channels = spec.colorMode === 'grayscale' ? 1 : 3;
      const values = new Float32Array(W * H * channels);
      for (let p = 0; p < W * H; p++) {
        const r = rgba[p * 4], g = rgba[p * 4 + 1], b = rgba[p * 4 + 2];
        const px = channels === 1 ? [(r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16] : [r, g, b];
        px.forEach((v, c) => { values[p * channels + c] = spec.normalization === 'zeroToOne' ? v / 255 : v / 127.5 - 1; });
      }
      predict(tf.tensor4d(values, [1, H, W, channels]));
    });
  } else if (meta.task === 'text') {
    const spec = meta.preprocessing.text;
    const index = new Map(vocabulary.map((t, i) => [t, i]).filter(([, i]) => i >= 2));
    document.getElementById('text-input').hidden = false;
    document.getElementById('run-text').addEventListener('click', () => {
      let s = document.getElementById('text').value.normalize('NFC');
      if (spec.lowercase) s = s.toLowerCase();
      if (spec.stripPunctuation) s = s.replace(/[\p{P}\p{S}]/gu, ' ');
      let tokens;
      if (spec.split === 'whitespace') tokens = s.split(/\s+/u).filter((t) => t.length > 0);
      else if (spec.split === 'character') tokens = [...s].filter((c) => !/\s/u.test(c));
      else tokens = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(s)].filter((g) => g.isWordLike === true || (g.isWordLike === undefined && g.segment.trim())).map((g) => g.segment);
      // Keras pad_sequences: 'pre' cuts a long text's start / pads a short one's front; exports before these fields: 'post'.
      const L = spec.sequenceLength;
      const kept = spec.truncating === 'pre' ? tokens.slice(Math.max(0, tokens.length - L)) : tokens.slice(0, L);
      const ids = new Array(L).fill(0);
      const offset = spec.padding === 'pre' ? L - kept.length : 0;
      kept.forEach((t, i) => (ids[offset + i] = index.get(t) ?? 1));
      predict(tf.tensor2d([ids], [1, L]));
    });
  } else {
    document.getElementById('vector-input').hidden = false;
    document.getElementById('run-values').addEventListener('click', () => {
      predict(tf.tensor2d([JSON.parse(document.getElementById('values').value)]));
    });
  }
})();
</script>
</body>
</html>
`;
}

import { parseMarkdown, packImageDataUrl, texToText, type MdInline, type ZipFiles } from '@core';

/**
 * Instruction Markdown as React elements (core/packs/markdown.ts): every text
 * is a text node, so nothing in a package is ever markup; images only from
 * inside the package, links never clickable.
 */
export function Markdown({ source, files }: { readonly source: string; readonly files: ZipFiles }) {
  return (
    <div className="pack-markdown">
      {parseMarkdown(source).map((block, i) => {
        switch (block.type) {
          case 'heading': {
            const Tag = (['h3', 'h4', 'h5'] as const)[block.level - 1] ?? 'h5';
            return <Tag key={i}>{inlines(block.children, files)}</Tag>;
          }
          case 'paragraph':
            return <p key={i}>{inlines(block.children, files)}</p>;
          case 'list': {
            const items = block.items.map((item, j) => <li key={j}>{inlines(item, files)}</li>);
            return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'code':
            return (
              <pre key={i}>
                <code>{block.text}</code>
              </pre>
            );
          case 'math':
            return (
              <div key={i} className="math">
                {texToText(block.tex)}
              </div>
            );
        }
      })}
    </div>
  );
}

function inlines(nodes: readonly MdInline[], files: ZipFiles) {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <span key={i}>{n.text}</span>;
      case 'strong':
        return <strong key={i}>{inlines(n.children, files)}</strong>;
      case 'em':
        return <em key={i}>{inlines(n.children, files)}</em>;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'math':
        return (
          <span key={i} className="math">
            {texToText(n.tex)}
          </span>
        );
      case 'link':
        return (
          <span key={i}>
            {n.text} (<span className="address">{n.href}</span>)
          </span>
        );
      case 'image': {
        const src = packImageDataUrl(files, n.path);
        return src ? (
          <img key={i} className="pack-image" src={src} alt={n.alt} />
        ) : (
          <span key={i}>[{n.alt || n.path}]</span>
        );
      }
    }
  });
}

/**
 * A small stroke icon set (16 px, currentColor) for toolbar and menus, drawn
 * here so the app needs no icon font and works offline under a strict CSP.
 */
const paths: Record<string, string> = {
  new: 'M4 2h6l3 3v9H4z M10 2v3h3',
  open: 'M2 4h4l2 2h6v7H2z',
  save: 'M3 2h8l3 3v9H3z M5 2v4h6V2 M5 14v-4h6v4',
  undo: 'M5 3L2 6l3 3 M2 6h7a4 4 0 010 8H6',
  redo: 'M11 3l3 3-3 3 M14 6H7a4 4 0 000 8h3',
  cut: 'M4 4l8 8 M12 4l-8 8 M4 13a1.5 1.5 0 110-.1 M12 13a1.5 1.5 0 110-.1',
  copy: 'M5 5h8v9H5z M3 11V2h8',
  paste: 'M4 3h8v11H4z M6 2h4v2H6z',
  duplicate: 'M3 3h7v7H3z M6 6h7v7H6z',
  delete: 'M3 4h10 M6 4V2h4v2 M4 4l1 10h6l1-10',
  fit: 'M2 6V2h4 M10 2h4v4 M14 10v4h-4 M6 14H2v-4',
  zoomIn: 'M7 3a4 4 0 110 8 4 4 0 010-8z M10 10l4 4 M5 7h4 M7 5v4',
  zoomOut: 'M7 3a4 4 0 110 8 4 4 0 010-8z M10 10l4 4 M5 7h4',
  tidy: 'M2 3h4v3H2z M10 3h4v3h-4z M6 10h4v3H6z M4 6v2h8V6 M8 8v2',
  search: 'M7 3a4 4 0 110 8 4 4 0 010-8z M10 10l4 4',
  close: 'M4 4l8 8 M12 4l-8 8',
};

export type IconName = keyof typeof paths;

export function Icon({ name }: { readonly name: string }) {
  const d = paths[name];
  if (d === undefined) return null;
  return (
    <svg
      className="icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** What can take keyboard focus inside the dialog, in tab order. */
const focusableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"]):not([hidden])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function focusablesIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(focusableSelector)).filter(
    (el) => el.getClientRects().length > 0,
  );
}

/**
 * A modal layer over the whole window: its content is rendered into
 * `document.body` beside the app root, and everything else in the body is made
 * `inert` while it is open, so the page behind leaves the tab order and the
 * accessibility tree. Tab and Shift+Tab wrap inside it; closing it gives focus
 * back to whatever had it before (the lab card that opened it).
 */
export function ModalLayer({ children }: { readonly children: ReactNode }) {
  const host = useRef<HTMLDivElement | null>(null);
  host.current ??= document.createElement('div');
  // Read at the first render, before this layer takes focus (an effect that
  // runs twice in development would otherwise remember the layer's own button).
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    const layer = host.current;
    if (!layer) return;
    document.body.appendChild(layer);
    const madeInert: HTMLElement[] = [];
    for (const sibling of Array.from(document.body.children)) {
      if (sibling === layer || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      sibling.inert = true;
      madeInert.push(sibling);
    }
    (focusablesIn(layer)[0] ?? layer).focus();

    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Tab') return;
      const items = focusablesIn(layer);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      const outside = !(active instanceof Node) || !layer.contains(active);
      if (event.shiftKey && (active === first || outside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || outside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      for (const el of madeInert) el.inert = false;
      layer.remove();
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  return createPortal(children, host.current);
}

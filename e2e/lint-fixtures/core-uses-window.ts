export function width(): number {
  return window.innerWidth;
}

/**
 * Yields to the event loop without timer clamping: a MessageChannel message is
 * a macrotask with no minimum delay (nested `setTimeout(0)` is clamped to 4 ms,
 * which would cost the 784-128-10 MLP ~40 % of its ~9 ms batches). The
 * training loop awaits this after each batch so pause/stop messages get in.
 */
export function createMacrotaskYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

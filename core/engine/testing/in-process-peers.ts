import type { ParallelOptions } from '../data-parallel';
import type { FromPeer, PeerPort, ToPeer } from '../peer-protocol';
import { connectPeer } from '../peer-transports';
import { servePeer } from '../serve-peer';

/**
 * Data-parallel peers served on this thread through an in-memory message
 * queue (the message transport; a shared-buffer peer would block the thread
 * it waits for). Counts how many are open, so tests can check that training
 * terminates them.
 */
export function inProcessParallel(workers: number): ParallelOptions & { open: () => number } {
  let open = 0;
  const spawn = (): PeerPort => {
    let toMain: (m: FromPeer) => void = () => undefined;
    let toPeer: (m: ToPeer) => void = () => undefined;
    let alive = true;
    open++;
    servePeer({
      post: (m) => void Promise.resolve().then(() => alive && toMain(m)),
      onMessage: (handler) => (toPeer = handler),
    });
    return {
      post: (m) => void Promise.resolve().then(() => alive && toPeer(m)),
      onMessage: (handler) => (toMain = handler),
      onError: () => undefined,
      terminate: () => {
        if (alive) open--;
        alive = false;
      },
    };
  };
  return {
    workers,
    minFlopsPerSlice: 0, // the test models are tiny: split them anyway
    connect: (init) => connectPeer(spawn(), init, 'message'),
    open: () => open,
  };
}

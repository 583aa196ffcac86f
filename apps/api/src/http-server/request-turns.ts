import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** Work started per turn of the event loop before the loop is let go round (docs/reliability.md, "The stall under 200 connections"). */
export const TURN_BUDGET_MS = 1;

/**
 * Starts requests a few milliseconds' worth per turn of the event loop, in arrival order, instead of all that
 * are ready. Node (libuv ≥ 1.45, libuv/libuv#3696) accepts one connection per turn, and the turn runs every
 * request whose bytes have arrived: under 200 keep-alive connections a turn took 100–300 ms, so the 100th
 * connection waiting to be accepted waited 10 s and more, though no single task blocked the loop that long.
 * Short turns keep accepting new connections (a load balancer's /health probe among them) at the same rate.
 * Each request is started in a microtask after the previous one, so the budget counts the work that request
 * did before its first real wait (the SQLite reads and validation are synchronous), not only its first tick.
 */
export function startRequestsInTurns(server: Server, budgetMs = TURN_BUDGET_MS): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  const waiting: (() => void)[] = [];
  let turnScheduled = false;

  const turn = (): void => {
    const until = performance.now() + budgetMs;
    const next = (): void => {
      const start = waiting.shift();
      if (start === undefined) {
        turnScheduled = false;
        return;
      }
      start();
      if (performance.now() < until) queueMicrotask(next);
      else setImmediate(turn);
    };
    next();
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    waiting.push(() => {
      for (const listener of listeners) listener.call(server, request, response);
    });
    if (!turnScheduled) {
      turnScheduled = true;
      setImmediate(turn);
    }
  });
}

import { afterEach, describe, expect, it } from 'vitest';
import { runServer, ServerCallError } from '../../../sidebar/run';

type Handler = (value: unknown) => void;

/** A google.script.run double: answers each call with `answer(name, args)` on the next tick. */
function installRunner(
  answer: (name: string, args: unknown[]) => { ok: unknown } | { error: unknown },
): string[] {
  const calls: string[] = [];
  const runner = (success: Handler | null, failure: Handler | null): unknown =>
    new Proxy(
      {},
      {
        get(_target, name: string) {
          if (name === 'withSuccessHandler') return (handler: Handler) => runner(handler, failure);
          if (name === 'withFailureHandler') return (handler: Handler) => runner(success, handler);
          if (name === 'missing') return undefined;
          return (...args: unknown[]) => {
            calls.push(`${name}(${JSON.stringify(args)})`);
            const outcome = answer(name, args);
            queueMicrotask(() =>
              'ok' in outcome ? success?.(outcome.ok) : failure?.(outcome.error),
            );
          };
        },
      },
    );
  (globalThis as { google?: unknown }).google = { script: { run: runner(null, null) } };
  return calls;
}

afterEach(() => {
  delete (globalThis as { google?: unknown }).google;
});

describe('runServer', () => {
  it('calls the server function with the arguments and resolves with its result', async () => {
    const calls = installRunner((_name, args) => ({ ok: { echoed: args } }));
    await expect(runServer('saveCheckIn', { keyResultId: 'KR1' }, 3)).resolves.toEqual({
      echoed: [{ keyResultId: 'KR1' }, 3],
    });
    expect(calls).toEqual(['saveCheckIn([{"keyResultId":"KR1"},3])']);
  });

  it('rejects with the server message, without the exception prefix Apps Script adds', async () => {
    installRunner(() => ({ error: new Error('Exception: The "Key Results" sheet is missing.') }));
    const failure = runServer('getCheckInContext');
    await expect(failure).rejects.toBeInstanceOf(ServerCallError);
    await expect(failure).rejects.toMatchObject({
      functionName: 'getCheckInContext',
      message: 'The "Key Results" sheet is missing.',
    });
  });

  it('rejects when the server has no such function', async () => {
    installRunner(() => ({ ok: null }));
    await expect(runServer('missing')).rejects.toThrow(
      'The add-on has no server function named missing.',
    );
  });

  it('rejects outside Apps Script, saying where the page must be opened', async () => {
    await expect(runServer('getCheckInContext')).rejects.toThrow(
      /opened from the OKR Cadence menu/,
    );
  });
});

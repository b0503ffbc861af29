import type { CaseService, CommandOutcome } from '@fallkit/core';

/**
 * The service with a hook after every command that was recorded (issue 16: a consent withdrawal's
 * `RecipientNotified` becomes a signed notice to the agency that received a package, DP-14). The hook sees
 * the core's outcome only; it decides nothing and cannot change the result.
 */
export function withOutcomeHook(service: CaseService, hook: (outcome: CommandOutcome) => void): CaseService {
  return new Proxy(service, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (name !== 'execute' && name !== 'executeBatch')
        return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<{ ok: boolean; value?: CommandOutcome }>).apply(
          target,
          args,
        );
        if (result.ok && result.value !== undefined) hook(result.value);
        return result;
      };
    },
  });
}

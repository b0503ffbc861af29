/**
 * `@fallkit/components`: Lit web components for the case-management cycle. This file only re-exports;
 * element registration lives in `define/` so importing classes has no side effects.
 * @packageDocumentation
 */
export {};

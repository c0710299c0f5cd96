import type { FlowEngine } from '../flow/engine.js';

/** How the core finds the flow engine of a pathway (src/interaction/pathways.ts implements it). */
export interface EngineLookup {
  /** The engine of an installed pathway, by its id (a consult's `flowId`); undefined when not installed. */
  engine(flowId: string): FlowEngine | undefined;
  /** The pathway a consult starts on when none is named: the configured or the only one. */
  readonly defaultId: string | undefined;
}

/** A consult named a pathway that is not installed (or none, with several installed and no default). */
export class UnknownPathwayError extends Error {
  override name = 'UnknownPathwayError';
}

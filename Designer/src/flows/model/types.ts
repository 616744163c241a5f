/** The definition JSON as the Host stores it (shaped after Elsa 3), and the activity descriptors of the palette. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Expression {
  expression: { type: string; value: string };
}

export interface Position {
  x: number;
  y: number;
}

export interface ActivityNode {
  id: string;
  type: string;
  name?: string;
  inputs?: Record<string, Json>;
  position?: Position;
}

export interface Endpoint {
  activity: string;
  port?: string | null;
}

export interface Connection {
  source: Endpoint;
  target: Endpoint;
}

export interface Flowchart {
  type: string;
  activities: ActivityNode[];
  connections: Connection[];
  [extra: string]: unknown;
}

export interface WorkflowDefinition {
  definitionId: string;
  version: number;
  isPublished: boolean;
  isLatest: boolean;
  name: string;
  description?: string;
  variables?: Record<string, Json>;
  root: Flowchart;
  [extra: string]: unknown;
}

export type InputType = 'string' | 'number' | 'boolean' | 'stringList' | 'object' | 'duration' | 'enum' | 'instant' | 'any' | string;

export interface InputDescriptor {
  name: string;
  type: InputType;
  description: string;
  required?: boolean;
  supportsExpression?: boolean;
  options?: string[] | null;
  defaultValue?: Json;
  /** Newer servers: the label and help text per language, and bounds for numbers. */
  label?: { zh?: string; en?: string } | null;
  help?: { zh?: string; en?: string } | null;
  min?: number | null;
  max?: number | null;
}

export interface ActivityDescriptor {
  type: string;
  displayName: string;
  displayNameEn: string;
  category: string;
  description: string;
  inputs: InputDescriptor[];
  outcomes: string[];
  blocking?: boolean;
  outcomesFromInput?: string | null;
}

export interface DefinitionVersion {
  version: number;
  isPublished: boolean;
  isLatest: boolean;
  createdAt: string;
  publishedAt?: string | null;
  publishedBy?: string | null;
}

export interface DefinitionSummary {
  definitionId: string;
  name: string;
  latestVersion: number;
  publishedVersion?: number | null;
  versions: DefinitionVersion[];
}

/** The target port every connection enters by: an activity has one way in. */
export const IN_PORT = 'In';

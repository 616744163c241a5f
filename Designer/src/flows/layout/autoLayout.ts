import ELK from 'elkjs/lib/elk-api';
// elk-api with a worker URL keeps the 1.6 MB layout engine off the main thread and out of the main bundle; the
// default `elkjs` entry pulls in `web-worker`, which does not build with Vite.
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { ConnectionEdge } from '../model/graph';
import { positionsFrom, toElkGraph, type LayoutNode } from '../model/layout';

let elk: InstanceType<typeof ELK> | undefined;

export async function autoLayout(nodes: LayoutNode[], edges: ConnectionEdge[]) {
  elk ??= new ELK({ workerUrl });
  return positionsFrom(await elk.layout(toElkGraph(nodes, edges)));
}

import {
  ArrowsAltOutlined, CopyOutlined, DeleteOutlined, ExpandOutlined, RedoOutlined, SaveOutlined, SendOutlined, SnippetsOutlined, UndoOutlined,
} from '@ant-design/icons';
import {
  Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, applyEdgeChanges, applyNodeChanges, useReactFlow,
  type Connection as FlowConnection, type EdgeChange, type NodeChange, type OnNodeDrag,
} from '@xyflow/react';
import { App as AntApp, Badge, Button, Divider, Space, Tabs, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { publishDraft, saveDraft } from '../api';
import { canvasDefaults, onlyVisibleAbove } from '../canvas/canvasDefaults';
import { FarZoom } from '../canvas/FarZoom';
import { WhenDrawn } from '../canvas/WhenDrawn';
import { CanvasContext } from '../canvas/CanvasContext';
import type { CanvasDecorations } from '../canvas/context';
import { useFlowLabels } from '../labels';
import { autoLayout } from '../layout/autoLayout';
import { makeFragment, parseFragment, placeFragment, uniqueId } from '../model/clipboard';
import {
  definitionOnly, definitionToGraph, edgeId, graphToDefinition, hasNoPositions, layoutNodes, toActivity, toConnection, toEdges, toNode,
  type ActivityFlowNode, type ConnectionEdge, type Graph,
} from '../model/graph';
import { record, redo, startHistory, undo, type History } from '../model/history';
import { NODE_WIDTH } from '../model/layout';
import { outcomesOf } from '../model/outcomes';
import { hasErrors, marksByActivity, problemsFrom, type Problem } from '../model/problems';
import { IN_PORT, type ActivityDescriptor, type Json, type WorkflowDefinition } from '../model/types';
import Palette, { DRAG_TYPE } from './Palette';
import ProblemsPanel from './ProblemsPanel';
import PropertyPanel from './PropertyPanel';


/** Clipboard fallback for when the browser refuses the system clipboard to a button click. */
let localClipboard = '';

interface Props {
  definition: WorkflowDefinition;
  descriptors: ActivityDescriptor[];
  readOnly: boolean;
  onSaved?: (definition: WorkflowDefinition) => void;
  onDirtyChange?: (dirty: boolean) => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function Editor({ definition, descriptors, readOnly, onSaved, onDirtyChange }: Props) {
  const labels = useFlowLabels();
  const { t } = labels;
  const { message, modal } = AntApp.useApp();
  const flow = useReactFlow<ActivityFlowNode, ConnectionEdge>();
  const byType = useMemo(() => new Map(descriptors.map((d) => [d.type, d])), [descriptors]);

  const [base, setBase] = useState(() => definitionOnly(definition));
  const [history, setHistory] = useState<History<Graph>>(() => startHistory(definitionToGraph(definition, byType)));
  const graph = history.present;
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Problem[]>(() => problemsFrom(definition));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState<'save' | 'publish' | 'layout' | null>(null);
  const [sideTab, setSideTab] = useState('properties');
  const [focus, setFocus] = useState<{ field?: string; nonce: number }>();
  const coalesce = useRef<{ key: string; at: number } | null>(null);
  const dragStart = useRef<Graph | null>(null);
  // An empty flow has nothing to draw first: its palette shows at once.
  const [drawn, setDrawn] = useState(() => definition.root.activities.length === 0);
  const onDrawn = useCallback(() => setDrawn(true), []);

  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** A change a person can undo; typing into one field within a second and a half is one step. */
  const commit = useCallback((change: (g: Graph) => Graph, coalesceKey?: string) => {
    const now = Date.now();
    const merge = coalesceKey && coalesce.current?.key === coalesceKey && now - coalesce.current.at < 1500;
    coalesce.current = coalesceKey ? { key: coalesceKey, at: now } : null;
    setHistory((h) => (merge ? { ...h, present: change(h.present) } : record(h, change(h.present))));
    setDirty(true);
  }, []);

  /** Selection, measuring and drag moves: not steps of their own. */
  const transient = useCallback((change: (g: Graph) => Graph) => setHistory((h) => ({ ...h, present: change(h.present) })), []);

  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => {
      const kept = changes.filter((c) => c.type !== 'remove' && (!readOnly || c.type === 'select' || c.type === 'dimensions'));
      if (kept.length) transient((g) => ({ ...g, nodes: applyNodeChanges(kept, g.nodes) }));
    },
    [transient, readOnly],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectionEdge>[]) => {
      const kept = changes.filter((c) => c.type === 'select');
      if (kept.length) transient((g) => ({ ...g, edges: applyEdgeChanges(kept, g.edges) }));
    },
    [transient],
  );
  const onNodeDragStart: OnNodeDrag<ActivityFlowNode> = useCallback(() => {
    setHistory((h) => {
      dragStart.current = h.present;
      return h;
    });
  }, []);
  const onNodeDragStop: OnNodeDrag<ActivityFlowNode> = useCallback(() => {
    const before = dragStart.current;
    dragStart.current = null;
    if (!before) return;
    setHistory((h) => {
      const moved = h.present.nodes.some((n, i) => before.nodes[i] && (before.nodes[i].position.x !== n.position.x || before.nodes[i].position.y !== n.position.y));
      return moved ? { past: [...h.past, before], present: h.present, future: [] } : h;
    });
    setDirty(true);
  }, []);

  const onConnect = useCallback(
    (c: FlowConnection) => {
      if (readOnly || !c.source || !c.target) return;
      commit((g) => {
        if (g.edges.some((e) => e.source === c.source && e.sourceHandle === c.sourceHandle && e.target === c.target)) return g;
        const taken = new Set(g.edges.map((e) => e.id));
        const edge: ConnectionEdge = {
          id: edgeId(c.source, c.sourceHandle, c.target, taken), source: c.source, sourceHandle: c.sourceHandle ?? null,
          target: c.target, targetHandle: null, data: { targetPort: IN_PORT },
        };
        return { ...g, edges: [...g.edges, edge] };
      });
    },
    [commit, readOnly],
  );
  const isValidConnection = useCallback((c: FlowConnection | ConnectionEdge) => c.source !== c.target, []);

  const addActivity = useCallback(
    (type: string, at?: { x: number; y: number }) => {
      const d = byType.get(type);
      if (!d) return;
      let position = at;
      if (!position) {
        const pane = document.querySelector('.gc-flows-canvas')?.getBoundingClientRect();
        position = pane ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
        position = { x: position.x - NODE_WIDTH / 2, y: position.y - 40 };
      }
      const inputs: Record<string, Json> = {};
      for (const input of d.inputs) if (input.required && input.defaultValue !== undefined && input.defaultValue !== null) inputs[input.name] = input.defaultValue;
      commit((g) => {
        const stem = type.charAt(0).toLowerCase() + type.slice(1);
        const id = uniqueId(`${stem}1`, new Set(g.nodes.map((n) => n.id)));
        const node = toNode({ id, type, name: labels.language.startsWith('zh') ? d.displayName : d.displayNameEn, ...(Object.keys(inputs).length ? { inputs } : {}), position: { x: Math.round(position!.x), y: Math.round(position!.y) } }, d);
        node.selected = true;
        return { nodes: [...g.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node], edges: g.edges };
      });
      setSideTab('properties');
    },
    [byType, commit, flow, labels.language],
  );

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (e.dataTransfer.types.includes(DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    }
  }, []);
  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_TYPE);
      if (!type || readOnly) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addActivity(type, { x: p.x - NODE_WIDTH / 2, y: p.y - 20 });
    },
    [addActivity, flow, readOnly],
  );

  const deleteSelection = useCallback(() => {
    if (readOnly) return;
    const doomed = new Set(graph.nodes.filter((n) => n.selected).map((n) => n.id));
    const edgesGone = graph.edges.filter((e) => e.selected || doomed.has(e.source) || doomed.has(e.target));
    if (!doomed.size && !edgesGone.length) return;
    const gone = new Set(edgesGone.map((e) => e.id));
    commit((g) => ({ nodes: g.nodes.filter((n) => !doomed.has(n.id)), edges: g.edges.filter((e) => !gone.has(e.id)) }));
  }, [commit, graph, readOnly]);

  const selectionFragment = useCallback(() => {
    const nodes = graph.nodes.filter((n) => n.selected);
    if (!nodes.length) return null;
    return JSON.stringify(makeFragment(nodes.map(toActivity), graph.edges.map(toConnection)), null, 2);
  }, [graph]);

  const pasteText = useCallback(
    (text: string) => {
      if (readOnly) return false;
      const fragment = parseFragment(text);
      if (!fragment) return false;
      commit((g) => {
        const placed = placeFragment(fragment, g.nodes.map((n) => n.id));
        const nodes = placed.activities.map((a) => ({ ...toNode(a, byType.get(a.type)), selected: true }));
        return {
          nodes: [...g.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...nodes],
          edges: [...g.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...toEdges(placed.connections, new Set(g.edges.map((e) => e.id)))],
        };
      });
      message.success(t('flows.clipboard.pasted', { count: fragment.activities.length }));
      return true;
    },
    [byType, commit, message, readOnly, t],
  );

  const copyButton = useCallback(async () => {
    const text = selectionFragment();
    if (!text) return message.info(t('flows.clipboard.nothing'));
    localClipboard = text;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // The in-page copy still works; another tab needs Ctrl+C.
    }
    message.success(t('flows.clipboard.copied'));
  }, [message, selectionFragment, t]);

  const pasteButton = useCallback(async () => {
    let text = localClipboard;
    try {
      text = (await navigator.clipboard.readText()) || text;
    } catch {
      // Without clipboard permission, what was copied in this page is pasted.
    }
    if (!pasteText(text)) message.warning(t('flows.clipboard.invalid'));
  }, [message, pasteText, t]);

  const runLayout = useCallback(async () => {
    setBusy('layout');
    try {
      const positions = await autoLayout(layoutNodes(graph.nodes, byType), graph.edges);
      commit((g) => ({ ...g, nodes: g.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) }));
      requestAnimationFrame(() => flow.fitView({ duration: 300 }));
    } catch (e) {
      message.error(t('flows.layout.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  }, [byType, commit, flow, graph, message, t]);

  // A flow that comes without any positions is laid out once on opening; one that a person placed never is.
  const laidOut = useRef(false);
  useEffect(() => {
    if (laidOut.current || !hasNoPositions(definition)) return;
    laidOut.current = true;
    const opened = definitionToGraph(definition, byType);
    void autoLayout(layoutNodes(opened.nodes, byType), opened.edges).then((positions) => {
      transient((g) => ({ ...g, nodes: g.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) }));
      requestAnimationFrame(() => flow.fitView());
    });
  }, [byType, definition, flow, transient]);

  const save = useCallback(async (): Promise<WorkflowDefinition | null> => {
    setBusy('save');
    try {
      const saved = await saveDraft(graphToDefinition(base, graph));
      const found = problemsFrom(saved);
      setProblems(found);
      setChecked(true);
      setBase(definitionOnly(saved));
      setDirty(false);
      onSaved?.(saved);
      message.success(found.length ? t('flows.save.savedWithWarnings', { version: saved.version, count: found.length }) : t('flows.save.saved', { version: saved.version }));
      return saved;
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const found = problemsFrom(e.problem);
        setProblems(found.length ? found : [{ severity: 'error', message: e.problem.title ?? e.message }]);
        setChecked(true);
        setSideTab('problems');
        message.error(t('flows.save.invalid', { count: found.filter((p) => p.severity === 'error').length || 1 }));
      } else if (e instanceof ApiError && e.status === 409) {
        message.error(t('flows.save.conflict', { detail: e.problem.title ?? '' }));
      } else if (e instanceof ApiError && e.status === 403) {
        message.error(t('flows.save.forbidden'));
      } else {
        message.error(t('flows.save.failed', { detail: e instanceof Error ? e.message : String(e) }));
      }
      return null;
    } finally {
      setBusy(null);
    }
  }, [base, graph, message, onSaved, t]);

  const publish = useCallback(() => {
    modal.confirm({
      title: t('flows.publish.confirmTitle', { version: dirty || base.isPublished ? base.version + (base.isPublished ? 1 : 0) : base.version }),
      content: t('flows.publish.confirmBody'),
      okText: t('flows.publish.ok'),
      cancelText: t('flows.cancel'),
      onOk: async () => {
        const draft = dirty || base.isPublished ? await save() : base;
        if (!draft) return;
        setBusy('publish');
        try {
          const published = await publishDraft(draft.definitionId);
          setBase(definitionOnly(published));
          setProblems(problemsFrom(published));
          onSaved?.(published);
          message.success(t('flows.publish.done', { version: published.version }));
        } catch (e) {
          if (e instanceof ApiError && e.status === 400) {
            setProblems(problemsFrom(e.problem));
            setSideTab('problems');
            message.error(t('flows.publish.invalid'));
          } else message.error(t('flows.publish.failed', { detail: e instanceof ApiError ? (e.problem.title ?? e.message) : String(e) }));
        } finally {
          setBusy(null);
        }
      },
    });
  }, [base, dirty, message, modal, onSaved, save, t]);

  const doUndo = useCallback(() => {
    setHistory(undo);
    setDirty(true);
  }, []);
  const doRedo = useCallback(() => {
    setHistory(redo);
    setDirty(true);
  }, []);

  // Shortcuts go through a ref so that the listeners are attached once, not on every graph change.
  const keys = useRef({ save, doUndo, doRedo, deleteSelection, selectionFragment, pasteText, readOnly });
  keys.current = { save, doUndo, doRedo, deleteSelection, selectionFragment, pasteText, readOnly };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = keys.current;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!k.readOnly) void k.save();
        return;
      }
      if (isTyping(e.target) || k.readOnly) return;
      if (mod && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        k.doUndo();
      } else if (mod && (e.key.toLowerCase() === 'y' || (e.shiftKey && e.key.toLowerCase() === 'z'))) {
        e.preventDefault();
        k.doRedo();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        k.deleteSelection();
      }
    };
    // Copy and paste through the clipboard events: they carry the data without asking for permission.
    const onCopy = (e: ClipboardEvent) => {
      if (isTyping(e.target) || window.getSelection()?.toString()) return;
      const text = keys.current.selectionFragment();
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      localClipboard = text;
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') || localClipboard;
      if (keys.current.pasteText(text)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, []);

  const selected = useMemo(() => {
    const picked = graph.nodes.filter((n) => n.selected);
    return picked.length === 1 ? picked[0] : undefined;
  }, [graph.nodes]);

  const selectedId = selected?.id;
  const selectedProblems = useMemo(() => (selectedId ? problems.filter((p) => p.activityId === selectedId) : []), [problems, selectedId]);

  const setName = useCallback(
    (name: string) => {
      if (!selectedId) return;
      const id = selectedId;
      commit((g) => ({ ...g, nodes: g.nodes.map((n) => (n.id === id ? { ...n, data: { activity: { ...n.data.activity, name } } } : n)) }), `${id}:name`);
    },
    [commit, selectedId],
  );
  const setInput = useCallback(
    (name: string, value: Json | undefined) => {
      if (!selectedId) return;
      const id = selectedId;
      commit((g) => {
        const nodes = g.nodes.map((n) => {
          if (n.id !== id) return n;
          const inputs = { ...(n.data.activity.inputs ?? {}) };
          if (value === undefined) delete inputs[name];
          else inputs[name] = value;
          const activity = { ...n.data.activity };
          if (Object.keys(inputs).length) activity.inputs = inputs;
          else delete activity.inputs;
          return { ...n, data: { activity } };
        });
        // Outcomes that are gone take their connections with them.
        const node = nodes.find((n) => n.id === id)!;
        const ports = new Set(outcomesOf(node.data.activity, byType.get(node.data.activity.type)));
        const edges = g.edges.filter((e) => e.source !== id || ports.has(e.sourceHandle ?? ''));
        return { nodes, edges: edges.length === g.edges.length ? g.edges : edges };
      }, `${id}:${name}`);
    },
    [byType, commit, selectedId],
  );

  const pickProblem = useCallback(
    (p: Problem) => {
      if (!p.activityId) return;
      const id = p.activityId;
      transient((g) => ({ ...g, nodes: g.nodes.map((n) => (n.id === id ? (n.selected ? n : { ...n, selected: true }) : n.selected ? { ...n, selected: false } : n)) }));
      const node = flow.getNode(id);
      if (node) flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + 40, { zoom: Math.max(flow.getZoom(), 1), duration: 300 });
      setSideTab('properties');
      setFocus({ field: p.field, nonce: Date.now() });
    },
    [flow, transient],
  );

  const nameOf = useCallback((id: string) => graph.nodes.find((n) => n.id === id)?.data.activity.name, [graph.nodes]);
  const marks = useMemo(() => marksByActivity(problems), [problems]);
  const decorations = useMemo<CanvasDecorations>(() => ({ descriptors: byType, marks }), [byType, marks]);
  const errors = hasErrors(problems);
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const warningCount = problems.length - errorCount;
  const nothingToPublish = !dirty && base.isPublished;

  return (
    <div className="gc-flows-editor" style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Space wrap size={4} style={{ padding: '6px 8px', borderBottom: '1px solid #f0f0f0' }} data-testid="flows-toolbar">
        {readOnly ? (
          <Tag color="default">{t('flows.readOnly')}</Tag>
        ) : (
          <>
            <Tag color={base.isPublished ? 'green' : 'gold'}>
              {base.isPublished ? t('flows.editing.published', { version: base.version }) : t('flows.editing.draft', { version: base.version })}
            </Tag>
            {dirty && <Tag color="orange">{t('flows.unsaved')}</Tag>}
            <Tooltip title="Ctrl+S">
              <Button type="primary" icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void save()} data-testid="flows-save">{t('flows.save.button')}</Button>
            </Tooltip>
            <Tooltip title={errors ? t('flows.publish.blocked') : nothingToPublish ? t('flows.publish.nothing') : undefined}>
              <Button icon={<SendOutlined />} disabled={errors || nothingToPublish} loading={busy === 'publish'} onClick={publish} data-testid="flows-publish">{t('flows.publish.button')}</Button>
            </Tooltip>
            <Divider orientation="vertical" />
            <Tooltip title={`${t('flows.undo')} Ctrl+Z`}><Button icon={<UndoOutlined />} disabled={!history.past.length} onClick={doUndo} aria-label={t('flows.undo')} data-testid="flows-undo" /></Tooltip>
            <Tooltip title={`${t('flows.redo')} Ctrl+Y`}><Button icon={<RedoOutlined />} disabled={!history.future.length} onClick={doRedo} aria-label={t('flows.redo')} data-testid="flows-redo" /></Tooltip>
            <Tooltip title={`${t('flows.delete')} Delete`}><Button icon={<DeleteOutlined />} onClick={deleteSelection} aria-label={t('flows.delete')} /></Tooltip>
            <Tooltip title={`${t('flows.paste')} Ctrl+V`}><Button icon={<SnippetsOutlined />} onClick={() => void pasteButton()} aria-label={t('flows.paste')} /></Tooltip>
            <Tooltip title={t('flows.layout.help')}><Button icon={<ArrowsAltOutlined />} loading={busy === 'layout'} onClick={() => void runLayout()} data-testid="flows-layout">{t('flows.layout.button')}</Button></Tooltip>
          </>
        )}
        <Tooltip title={`${t('flows.copy')} Ctrl+C`}><Button icon={<CopyOutlined />} onClick={() => void copyButton()} aria-label={t('flows.copy')} /></Tooltip>
        <Tooltip title={t('flows.fit')}><Button icon={<ExpandOutlined />} onClick={() => flow.fitView({ duration: 300 })} aria-label={t('flows.fit')} /></Tooltip>
      </Space>
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        {!readOnly && (
          <div style={{ width: 190, flex: "none", borderRight: "1px solid #f0f0f0", padding: 8, overflowY: 'auto' }}>
            {drawn && <Palette descriptors={descriptors} onAdd={addActivity} />}
          </div>
        )}
        <div className="gc-flows-canvas" style={{ flex: 1, minWidth: 0, position: 'relative' }} onDragOver={onDragOver} onDrop={onDrop} data-testid="flows-canvas">
          <CanvasContext decorations={decorations}>
            <ReactFlow<ActivityFlowNode, ConnectionEdge>
              nodes={graph.nodes}
              edges={graph.edges}
              {...canvasDefaults}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              isValidConnection={isValidConnection}
              onNodeDragStart={onNodeDragStart}
              onNodeDragStop={onNodeDragStop}
              nodesDraggable={!readOnly}
              nodesConnectable={!readOnly}
              deleteKeyCode={null}
              multiSelectionKeyCode={['Shift', 'Control', 'Meta']}
              onlyRenderVisibleElements={onlyVisibleAbove(graph.nodes.length)}
            >
              <Background gap={20} size={1} />
              <FarZoom />
              {!drawn && <WhenDrawn onDrawn={onDrawn} />}
              <Controls showInteractive={false} />
              {drawn && <MiniMap pannable zoomable nodeStrokeWidth={3} style={{ width: 160, height: 110 }} nodeColor={(n) => (marks.get(n.id)?.severity === 'error' ? '#ff4d4f' : marks.has(n.id) ? '#faad14' : '#91caff')} />}
            </ReactFlow>
          </CanvasContext>
        </div>
        <div style={{ width: 320, flex: 'none', borderLeft: '1px solid #f0f0f0', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          {drawn && <Tabs
            activeKey={sideTab}
            onChange={setSideTab}
            size="small"
            style={{ padding: "0 12px", flex: 1, minHeight: 0, height: "100%" }}
            className="gc-flows-side"
            items={[
              {
                key: 'properties',
                label: t('flows.properties.title'),
                children: (
                  <PropertyPanel
                    activity={selected?.data.activity}
                    descriptor={selected ? byType.get(selected.data.activity.type) : undefined}
                    problems={selectedProblems}
                    readOnly={readOnly}
                    focus={focus}
                    onName={setName}
                    onInput={setInput}
                  />
                ),
              },
              {
                key: 'problems',
                label: (
                  <span data-testid="flows-problems-tab">
                    {t('flows.problems.title')} {errorCount > 0 && <Badge count={errorCount} size="small" />} {warningCount > 0 && <Badge count={warningCount} size="small" color="#faad14" />}
                  </span>
                ),
                children: <ProblemsPanel problems={problems} checked={checked} nameOf={nameOf} onPick={pickProblem} />,
              },
            ]}
          />}
        </div>
      </div>
    </div>
  );
}

/** The canvas with palette, property panel and problems for one version of a flow. */
export default function FlowEditor(props: Props) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}

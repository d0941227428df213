/** Named, module-level selectors (stable identities, so components re-render only on real changes). */
import type { PaneState } from '../store/pane-model';

export const selectPlaying = (s: PaneState) => s.playing;
export const selectSpeed = (s: PaneState) => s.speed;
export const selectTime = (s: PaneState) => s.time;
export const selectHorizon = (s: PaneState) => s.horizon;
export const selectConfig = (s: PaneState) => s.config;
export const selectLeader = (s: PaneState) => s.leader;
export const selectNodes = (s: PaneState) => s.nodes;
export const selectVoters = (s: PaneState) => s.voters;
export const selectObservers = (s: PaneState) => s.observers;
export const selectMessages = (s: PaneState) => s.messages;
export const selectTimers = (s: PaneState) => s.timers;
export const selectNetwork = (s: PaneState) => s.network;
export const selectLog = (s: PaneState) => s.log;
export const selectStatus = (s: PaneState) => s.status;
export const selectInspected = (s: PaneState) => s.inspected;
export const selectSelectedNode = (s: PaneState) => s.selectedNode;
export const selectSelectedMessage = (s: PaneState) => s.selectedMessage;
export const selectNotice = (s: PaneState) => s.notice;
export const selectViolations = (s: PaneState) => s.violations;
export const selectAnomalies = (s: PaneState) => s.anomalies;
export const selectActions = (s: PaneState) => s.actions;
export const selectOptions = (s: PaneState) => s.options;
export const selectStats = (s: PaneState) => s.stats;
export const selectEngineTime = (s: PaneState) => s.engineTime;
export const selectAlgorithm = (s: PaneState) => s.config.algorithm;
/**
 * How many messages are on screen: the table counts as it changes (O(1)). Every store update runs every
 * subscriber's selector, and counting 4,000 in flight each time was a long task during ZAB's 101-node cold start.
 */
export const selectMessageCount = (s: PaneState) => s.messages.size;

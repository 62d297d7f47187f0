// Issue 16 §1: the selected cluster's activity timeline. (Placeholder being built.)
import type { CoordinationCluster } from '../../engine/detection/clustering';
import type { ActivityQuery } from './cluster-activity-query';

export interface ClusterActivityPanelProps {
  cluster: CoordinationCluster | null;
  rank: number;
  queryActivity: ActivityQuery | null;
}

export function ClusterActivityPanel(_props: ClusterActivityPanelProps) {
  return null;
}

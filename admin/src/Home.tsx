import { lazy } from 'react';
import { Navigate } from 'react-router-dom';
import { Loading, usePermissions } from 'react-admin';
import { UNIT_FIRST_ROLES } from './roles.js';
import type { Role } from './types.js';

const Dashboard = lazy(() => import('./dashboard/Dashboard.js'));

/** The first page: an officer lands on their unit's work, everyone else on the plan's overview. */
export function Home() {
  const { permissions, isPending } = usePermissions<Role>();
  if (isPending) return <Loading />;
  if (permissions && UNIT_FIRST_ROLES.includes(permissions)) return <Navigate to="/my-work" replace />;
  return <Dashboard />;
}

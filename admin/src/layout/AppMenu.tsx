import DashboardIcon from '@mui/icons-material/Dashboard';
import WorkIcon from '@mui/icons-material/Work';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import NotificationsIcon from '@mui/icons-material/Notifications';
import CampaignIcon from '@mui/icons-material/Campaign';
import SchoolIcon from '@mui/icons-material/School';
import SummarizeIcon from '@mui/icons-material/Summarize';
import MergeTypeIcon from '@mui/icons-material/MergeType';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import TuneIcon from '@mui/icons-material/Tune';
import { Menu, usePermissions } from 'react-admin';
import type { Role } from '../types.js';
import {
  AWARD_CRITERIA_ROLES, COMPILED_REPORT_ROLES, FACILITY_REPORTING_ROLES, PLAN_IMPORT_ROLES, REVIEW_ROLES, UNIT_FIRST_ROLES, WORKING_ROLES,
} from '../roles.js';

/** The menu follows the role: officers see their own work first, reviewers the plan and the review queue. */
export function AppMenu() {
  const { permissions } = usePermissions<Role>();
  const role = permissions;
  const unitFirst = !!role && UNIT_FIRST_ROLES.includes(role);
  const myWork = role && WORKING_ROLES.includes(role) && (
    <Menu.Item key="my-work" to="/my-work" primaryText="app.menu.my_work" leftIcon={<WorkIcon />} data-testid="menu-my-work" />
  );
  return (
    <Menu>
      {unitFirst && myWork}
      <Menu.Item to={unitFirst ? '/overview' : '/'} primaryText="app.menu.dashboard" leftIcon={<DashboardIcon />} data-testid="menu-dashboard" />
      {role && REVIEW_ROLES.includes(role) && (
        <Menu.Item to="/review" primaryText="app.menu.review" leftIcon={<FactCheckIcon />} data-testid="menu-review" />
      )}
      {!unitFirst && myWork}
      <Menu.Item to="/inbox" primaryText="app.menu.inbox" leftIcon={<NotificationsIcon />} data-testid="menu-inbox" />
      <Menu.Item to="/letters" primaryText="app.menu.letters" leftIcon={<CampaignIcon />} data-testid="menu-letters" />
      {role && FACILITY_REPORTING_ROLES.includes(role) && (
        <Menu.Item to="/facility-figures" primaryText="app.menu.facility_figures" leftIcon={<SchoolIcon />} data-testid="menu-facility-figures" />
      )}
      <Menu.Item to="/UnitReport" primaryText="app.menu.unit_reports" leftIcon={<SummarizeIcon />} data-testid="menu-unit-reports" />
      {role && COMPILED_REPORT_ROLES.includes(role) && (
        <Menu.Item to="/compiled-reports" primaryText="app.menu.compiled_reports" leftIcon={<MergeTypeIcon />} data-testid="menu-compiled-reports" />
      )}
      <Menu.Item to="/awards" primaryText="app.menu.awards" leftIcon={<EmojiEventsIcon />} data-testid="menu-awards" />
      {role && AWARD_CRITERIA_ROLES.includes(role) && (
        <Menu.Item to="/award-criteria" primaryText="app.menu.award_criteria" leftIcon={<TuneIcon />} data-testid="menu-award-criteria" />
      )}
      {role && PLAN_IMPORT_ROLES.includes(role) && <Menu.ResourceItem name="PlanDraft" data-testid="menu-plan-import" />}
      <Menu.ResourceItem name="Assignment" />
      <Menu.ResourceItem name="Plan" />
      <Menu.ResourceItem name="Task" />
      <Menu.ResourceItem name="Target" />
      <Menu.ResourceItem name="Unit" />
      <Menu.ResourceItem name="Facility" />
      <Menu.ResourceItem name="IndicatorValue" />
      <Menu.ResourceItem name="ReportingObligation" />
      {role === 'ADMIN' && <Menu.ResourceItem name="CalendarDay" />}
      {role === 'ADMIN' && <Menu.ResourceItem name="User" />}
      {role === 'ADMIN' && <Menu.ResourceItem name="ApiToken" />}
      {role === 'ADMIN' && <Menu.ResourceItem name="AuditEvent" />}
      {role === 'ADMIN' && <Menu.ResourceItem name="WebhookEndpoint" />}
    </Menu>
  );
}

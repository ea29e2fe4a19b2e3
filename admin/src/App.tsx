import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { authProvider } from './authProvider.js';
import { dataProvider } from './dataProvider.js';
import { Home } from './Home.js';
import { i18nProvider } from './i18n/index.js';
import { LoginPage } from './layout/LoginPage.js';
import { AppNotification } from './layout/AppNotification.js';
import { NotFound } from './layout/NotFound.js';
import { PLAN_IMPORT_ROLES } from './roles.js';
import { theme } from './layout/theme.js';
import type { Role } from './types.js';
import apiTokens from './resources/apiTokens/index.js';
import assignments from './resources/assignments/index.js';
import auditEvents from './resources/auditEvents/index.js';
import calendarDays from './resources/calendarDays/index.js';
import facilities from './resources/facilities/index.js';
import indicatorValues from './resources/indicatorValues/index.js';
import planDrafts from './resources/planDrafts/index.js';
import plans from './resources/plans/index.js';
import reportingObligations from './resources/reportingObligations/index.js';
import targets from './resources/targets/index.js';
import tasks from './resources/tasks/index.js';
import unitReports from './resources/unitReports/index.js';
import units from './resources/units/index.js';
import users from './resources/users/index.js';
import webhooks from './resources/webhooks/index.js';

const MyWork = lazy(() => import('./mywork/MyWork.js'));
const Review = lazy(() => import('./review/Review.js'));
const Dashboard = lazy(() => import('./dashboard/Dashboard.js'));
const Inbox = lazy(() => import('./notifications/Inbox.js'));
const Letters = lazy(() => import('./letters/Letters.js'));
const FacilityFigures = lazy(() => import('./facilityFigures/FacilityFigures.js'));
const CompiledReports = lazy(() => import('./compiledReports/CompiledReports.js'));
const Awards = lazy(() => import('./awards/Awards.js'));
const AwardCriteria = lazy(() => import('./awardCriteria/AwardCriteria.js'));
const HonourList = lazy(() => import('./honour/HonourList.js'));
const Forbidden = lazy(() => import('./layout/Forbidden.js'));
const AppLayout = lazy(() => import('./layout/AppLayout.js').then((m) => ({ default: m.AppLayout })));

/** The menu, the app bar and their icons come after sign-in, not with the sign-in page. */
function LazyLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<Loading />}>
      <AppLayout>{children}</AppLayout>
    </Suspense>
  );
}

/** Only administrators edit the catalogue (the API refuses others anyway): everyone else gets read-only screens. */
function readOnlyUnless(admin: boolean, resource: { list: unknown; show: unknown; edit: unknown; create: unknown }) {
  return admin ? resource : { ...resource, edit: undefined, create: undefined };
}

export function App() {
  return (
    <Admin
      title="Tiến độ"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Home}
      layout={LazyLayout}
      loginPage={LoginPage}
      theme={theme}
      notification={AppNotification}
      catchAll={NotFound}
      requireAuth
      darkTheme={null}
      disableTelemetry
    >
      {/*
        The public honour list: outside the layout and outside the role function, so it is routed before
        (and whether or not) anyone signs in. The layout's Suspense does not reach here.
      */}
      <CustomRoutes noLayout>
        <Route
          path="/vinh-danh"
          element={
            <Suspense fallback={<Loading />}>
              <HonourList />
            </Suspense>
          }
        />
      </CustomRoutes>
      {(role: string | undefined) => {
        const admin = role === 'ADMIN';
        const importer = PLAN_IMPORT_ROLES.includes(role as Role);
        return (
          <>
            <CustomRoutes>
              <Route path="/my-work" element={<MyWork />} />
              <Route path="/review" element={<Review />} />
              <Route path="/overview" element={<Dashboard />} />
              <Route path="/inbox" element={<Inbox />} />
              <Route path="/letters" element={<Letters />} />
              <Route path="/facility-figures" element={<FacilityFigures />} />
              <Route path="/compiled-reports" element={<CompiledReports />} />
              <Route path="/awards" element={<Awards />} />
              <Route path="/award-criteria" element={<AwardCriteria />} />
              {/* Everyone else is told the import is not theirs, rather than that the page does not exist. */}
              {!importer && <Route path="/PlanDraft/*" element={<Forbidden />} />}
            </CustomRoutes>
            <Resource name="Assignment" {...(readOnlyUnless(admin, assignments) as typeof assignments)} />
            {importer && <Resource name="PlanDraft" {...planDrafts} />}
            <Resource name="Plan" {...(readOnlyUnless(admin, plans) as typeof plans)} />
            <Resource name="Task" {...(readOnlyUnless(admin, tasks) as typeof tasks)} />
            <Resource name="Target" {...(readOnlyUnless(admin, targets) as typeof targets)} />
            <Resource name="Unit" {...(readOnlyUnless(admin, units) as typeof units)} />
            <Resource name="Facility" {...(readOnlyUnless(admin, facilities) as typeof facilities)} />
            <Resource name="IndicatorValue" {...(readOnlyUnless(admin, indicatorValues) as typeof indicatorValues)} />
            <Resource name="ReportingObligation" {...(readOnlyUnless(admin, reportingObligations) as typeof reportingObligations)} />
            {/* Everyone reads the reports they may see; writes go through the report's own page, never a generic form. */}
            <Resource name="UnitReport" {...unitReports} />
            <Resource name="CalendarDay" {...(readOnlyUnless(admin, calendarDays) as typeof calendarDays)} />
            {admin && <Resource name="User" {...users} />}
            {admin && <Resource name="ApiToken" {...apiTokens} />}
            {admin && <Resource name="AuditEvent" {...auditEvents} />}
            {admin && <Resource name="WebhookEndpoint" {...webhooks} />}
          </>
        );
      }}
    </Admin>
  );
}

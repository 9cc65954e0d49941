/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    tenant {\n      id\n      slug\n      name\n    }\n    memberships {\n      tenantId\n      slug\n      name\n      status\n    }\n  }\n": typeof types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!, $tenant: String) {\n    login(email: $email, password: $password, tenant: $tenant) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refresh(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RefreshDocument,
    "\n  mutation SwitchTenant($slug: String!) {\n    switchTenant(slug: $slug) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.SwitchTenantDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!, $name: String) {\n    acceptInvitation(token: $token, password: $password, name: $name) {\n      email\n      tenantSlug\n      tenantName\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query MyPermissions {\n    myPermissions {\n      permissions\n      modules\n    }\n    me {\n      id\n      name\n      email\n      isPlatformAdmin\n    }\n  }\n": typeof types.MyPermissionsDocument,
    "\n  subscription PermissionsChanged {\n    permissionsChanged {\n      at\n      userIds\n    }\n  }\n": typeof types.PermissionsChangedDocument,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditRow_entry\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditActors($statuses: [MemberStatus!]) {\n    members(statuses: $statuses) {\n      id\n      name\n    }\n  }\n": typeof types.AuditActorsDocument,
    "\n  query MembersPage($statuses: [MemberStatus!]) {\n    members(statuses: $statuses) {\n      id\n      ...MemberRow_member\n    }\n    roles {\n      id\n      ...RolePicker_role\n    }\n  }\n": typeof types.MembersPageDocument,
    "\n  query RolesPage {\n    permissionCatalog {\n      ...RoleMatrix_permission\n    }\n    roles {\n      id\n      ...RoleMatrix_role\n    }\n  }\n": typeof types.RolesPageDocument,
    "\n  fragment AuditRow_entry on AuditEntry {\n    id\n    at\n    action\n    actorId\n    apiKeyId\n    actor {\n      id\n      name\n    }\n    targetType\n    targetId\n    args\n    changes\n    clientIp\n    userAgent\n    requestId\n  }\n": typeof types.AuditRow_EntryFragmentDoc,
    "\n  query AuditRetention {\n    auditRetention\n  }\n": typeof types.AuditRetentionDocument,
    "\n  mutation SetAuditRetention($days: Int!) {\n    setAuditRetention(days: $days)\n  }\n": typeof types.SetAuditRetentionDocument,
    "\n  fragment FieldForm_field on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    options {\n      value\n      label\n    }\n    min\n    max\n    pattern\n  }\n": typeof types.FieldForm_FieldFragmentDoc,
    "\n  fragment FieldRow_field on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    options {\n      value\n    }\n    min\n    max\n    pattern\n  }\n": typeof types.FieldRow_FieldFragmentDoc,
    "\n  query CustomFieldsSettings {\n    customFieldDefinitions {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n": typeof types.CustomFieldsSettingsDocument,
    "\n  mutation CreateCustomField($input: CreateCustomFieldInput!) {\n    createCustomField(input: $input) {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n": typeof types.CreateCustomFieldDocument,
    "\n  mutation DeleteCustomField($id: ID!) {\n    deleteCustomField(id: $id)\n  }\n": typeof types.DeleteCustomFieldDocument,
    "\n  mutation MoveCustomField($id: ID!, $position: Int!) {\n    updateCustomField(id: $id, input: { position: $position }) {\n      id\n      position\n    }\n  }\n": typeof types.MoveCustomFieldDocument,
    "\n  mutation UpdateCustomField($id: ID!, $input: UpdateCustomFieldInput!) {\n    updateCustomField(id: $id, input: $input) {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n": typeof types.UpdateCustomFieldDocument,
    "\n  fragment MemberRow_member on Member {\n    id\n    name\n    email\n    status\n    roles {\n      id\n      name\n    }\n  }\n": typeof types.MemberRow_MemberFragmentDoc,
    "\n  fragment RolePicker_role on Role {\n    id\n    name\n    description\n    permissions\n  }\n": typeof types.RolePicker_RoleFragmentDoc,
    "\n  mutation DeactivateMember($userId: ID!) {\n    deactivateMember(userId: $userId) {\n      id\n      name\n      status\n    }\n  }\n": typeof types.DeactivateMemberDocument,
    "\n  mutation InviteMember($email: String!, $name: String, $roleIds: [ID!]!) {\n    inviteMember(email: $email, name: $name, roleIds: $roleIds) {\n      setupUrl\n      expiresAt\n      member {\n        id\n        name\n        email\n        status\n        roles {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation ReactivateMember($userId: ID!) {\n    reactivateMember(userId: $userId) {\n      id\n      name\n      status\n    }\n  }\n": typeof types.ReactivateMemberDocument,
    "\n  mutation SetMemberRoles($userId: ID!, $roleIds: [ID!]!) {\n    setMemberRoles(userId: $userId, roleIds: $roleIds) {\n      id\n      status\n      roles {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SetMemberRolesDocument,
    "\n  fragment RoleMatrix_role on Role {\n    id\n    key\n    name\n    description\n    isSystem\n    memberCount\n    permissions\n  }\n": typeof types.RoleMatrix_RoleFragmentDoc,
    "\n  fragment RoleMatrix_permission on PermissionInfo {\n    key\n    module\n    description\n  }\n": typeof types.RoleMatrix_PermissionFragmentDoc,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      key\n      name\n      description\n      isSystem\n      memberCount\n      permissions\n    }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation DeleteRole($id: ID!, $moveMembersTo: ID) {\n    deleteRole(id: $id, moveMembersTo: $moveMembersTo)\n  }\n": typeof types.DeleteRoleDocument,
    "\n  mutation UpdateRole($id: ID!, $input: UpdateRoleInput!) {\n    updateRole(id: $id, input: $input) {\n      __typename\n      id\n      key\n      name\n      description\n      isSystem\n      memberCount\n      permissions\n    }\n  }\n": typeof types.UpdateRoleDocument,
    "\n  fragment StatusRow_status on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n    isDefault\n  }\n": typeof types.StatusRow_StatusFragmentDoc,
    "\n  fragment TransitionsMatrix_status on LeadStatus {\n    id\n    label\n    color\n  }\n": typeof types.TransitionsMatrix_StatusFragmentDoc,
    "\n  query StatusesSettings {\n    leadStatuses {\n      id\n      position\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n    leadStatusTransitions {\n      fromStatusId\n      toStatusId\n    }\n  }\n": typeof types.StatusesSettingsDocument,
    "\n  mutation CreateLeadStatus($input: CreateLeadStatusInput!) {\n    createLeadStatus(input: $input) {\n      id\n      position\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n  }\n": typeof types.CreateLeadStatusDocument,
    "\n  mutation DeleteLeadStatus($id: ID!, $moveLeadsTo: ID) {\n    deleteLeadStatus(id: $id, moveLeadsTo: $moveLeadsTo)\n  }\n": typeof types.DeleteLeadStatusDocument,
    "\n  mutation ReorderLeadStatuses($ids: [ID!]!) {\n    reorderLeadStatuses(ids: $ids) {\n      id\n      position\n    }\n  }\n": typeof types.ReorderLeadStatusesDocument,
    "\n  mutation SetDefaultLeadStatus($id: ID!) {\n    setDefaultLeadStatus(id: $id) {\n      id\n      isDefault\n    }\n  }\n": typeof types.SetDefaultLeadStatusDocument,
    "\n  mutation SetLeadStatusTransitions($fromStatusId: ID!, $toStatusIds: [ID!]!) {\n    setLeadStatusTransitions(fromStatusId: $fromStatusId, toStatusIds: $toStatusIds) {\n      id\n      allowedTransitions {\n        id\n      }\n    }\n  }\n": typeof types.SetLeadStatusTransitionsDocument,
    "\n  mutation UpdateLeadStatus($id: ID!, $input: UpdateLeadStatusInput!) {\n    updateLeadStatus(id: $id, input: $input) {\n      id\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n  }\n": typeof types.UpdateLeadStatusDocument,
    "\n  fragment TeamCard_team on Team {\n    id\n    name\n    members {\n      id\n      name\n    }\n  }\n": typeof types.TeamCard_TeamFragmentDoc,
    "\n  query TeamsSettings {\n    teams {\n      id\n      name\n      ...TeamCard_team\n    }\n    members {\n      id\n      name\n      email\n    }\n  }\n": typeof types.TeamsSettingsDocument,
    "\n  mutation CreateTeam($name: String!) {\n    createTeam(name: $name) {\n      id\n      name\n      ...TeamCard_team\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation DeleteTeam($id: ID!) {\n    deleteTeam(id: $id)\n  }\n": typeof types.DeleteTeamDocument,
    "\n  mutation RenameTeam($id: ID!, $name: String!) {\n    renameTeam(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.RenameTeamDocument,
    "\n  mutation SetTeamMembers($teamId: ID!, $userIds: [ID!]!) {\n    setTeamMembers(teamId: $teamId, userIds: $userIds) {\n      id\n      members {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SetTeamMembersDocument,
    "\n  fragment BoardCard_lead on Lead {\n    id\n    name\n    company\n    value\n    currency\n    owner {\n      id\n      name\n    }\n  }\n": typeof types.BoardCard_LeadFragmentDoc,
    "\n  query BoardStatuses {\n    leadStatuses {\n      id\n      key\n      label\n      color\n      kind\n      position\n      allowedTransitions {\n        id\n      }\n    }\n  }\n": typeof types.BoardStatusesDocument,
    "\n  query BoardColumnLeads($filter: LeadFilter!, $first: Int!) {\n    leads(filter: $filter, first: $first, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          status {\n            id\n          }\n          ...BoardCard_lead\n        }\n      }\n    }\n  }\n": typeof types.BoardColumnLeadsDocument,
    "\n  query DashboardConversion($from: DateTimeISO, $filter: LeadFilter) {\n    leadConversion(from: $from, filter: $filter) {\n      open\n      won\n      lost\n      closed\n      rate\n    }\n  }\n": typeof types.DashboardConversionDocument,
    "\n  query DashboardCreatedPerDay($from: Date!, $to: Date!, $timeZone: String, $filter: LeadFilter) {\n    leadsCreatedPerDay(from: $from, to: $to, timeZone: $timeZone, filter: $filter) {\n      day\n      count\n    }\n  }\n": typeof types.DashboardCreatedPerDayDocument,
    "\n  query DashboardSnapshot($filter: LeadFilter) {\n    leadCountsByStatus(filter: $filter) {\n      ...StatusChart_count\n      ...Headlines_statusCount\n    }\n    leadCountsByOwner(filter: $filter) {\n      ...OwnerChart_count\n    }\n  }\n": typeof types.DashboardSnapshotDocument,
    "\n  fragment Headlines_statusCount on LeadStatusCount {\n    count\n    value\n    status {\n      id\n      kind\n    }\n  }\n": typeof types.Headlines_StatusCountFragmentDoc,
    "\n  fragment OwnerChart_count on LeadOwnerCount {\n    count\n    value\n    ownerId\n    owner {\n      id\n      name\n    }\n  }\n": typeof types.OwnerChart_CountFragmentDoc,
    "\n  fragment StatusChart_count on LeadStatusCount {\n    count\n    value\n    status {\n      id\n      label\n      color\n      kind\n    }\n  }\n": typeof types.StatusChart_CountFragmentDoc,
    "\n  query DashboardTeams {\n    teams {\n      id\n      name\n    }\n  }\n": typeof types.DashboardTeamsDocument,
    "\n  fragment ActivityItem_activity on LeadActivity {\n    id\n    kind\n    body\n    data\n    createdAt\n    actor {\n      id\n      name\n    }\n  }\n": typeof types.ActivityItem_ActivityFragmentDoc,
    "\n  query LeadActivities($leadId: ID!, $first: Int!, $after: String) {\n    leadActivities(leadId: $leadId, first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      edges {\n        cursor\n        node {\n          id\n          ...ActivityItem_activity\n        }\n      }\n    }\n  }\n": typeof types.LeadActivitiesDocument,
    "\n  fragment CustomFieldInput_definition on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    min\n    max\n    pattern\n    options {\n      value\n      label\n    }\n  }\n": typeof types.CustomFieldInput_DefinitionFragmentDoc,
    "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      name\n      company\n      deletedAt\n      createdAt\n      updatedAt\n      activityCount\n      createdBy {\n        id\n        name\n      }\n      ...LeadEditForm_lead\n      ...LeadStatusControl_lead\n      ...LeadOwnerControl_lead\n    }\n    customFieldDefinitions {\n      id\n      ...CustomFieldInput_definition\n    }\n    leadStatuses {\n      id\n      key\n      label\n      color\n      kind\n      position\n    }\n    leadStatusTransitions {\n      fromStatusId\n      toStatusId\n    }\n    teams {\n      id\n      name\n    }\n    members {\n      id\n      name\n    }\n  }\n": typeof types.LeadDetailDocument,
    "\n  fragment LeadEditForm_lead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    value\n    currency\n    source\n    tags\n    customFields\n    deletedAt\n    team {\n      id\n      name\n    }\n  }\n": typeof types.LeadEditForm_LeadFragmentDoc,
    "\n  fragment LeadOwnerControl_lead on Lead {\n    id\n    owner {\n      id\n      name\n    }\n  }\n": typeof types.LeadOwnerControl_LeadFragmentDoc,
    "\n  fragment LeadStatusControl_lead on Lead {\n    id\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n  }\n": typeof types.LeadStatusControl_LeadFragmentDoc,
    "\n  mutation AddLeadNote($leadId: ID!, $body: String!, $kind: ActivityKind!) {\n    addLeadNote(leadId: $leadId, body: $body, kind: $kind) {\n      id\n      leadId\n      ...ActivityItem_activity\n    }\n  }\n": typeof types.AddLeadNoteDocument,
    "\n  mutation AssignLead($leadId: ID!, $userId: ID) {\n    assignLead(leadId: $leadId, userId: $userId) {\n      id\n      updatedAt\n      owner {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AssignLeadDocument,
    "\n  mutation ChangeLeadStatus($id: ID!, $statusId: ID!) {\n    changeLeadStatus(id: $id, statusId: $statusId) {\n      id\n      updatedAt\n      status {\n        id\n        key\n        label\n        color\n        kind\n      }\n    }\n  }\n": typeof types.ChangeLeadStatusDocument,
    "\n  fragment StatusForOptimism on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n  }\n": typeof types.StatusForOptimismFragmentDoc,
    "\n  mutation DeleteLead($id: ID!) {\n    deleteLead(id: $id) {\n      id\n      deletedAt\n      updatedAt\n    }\n  }\n": typeof types.DeleteLeadDocument,
    "\n  mutation RestoreLead($id: ID!) {\n    restoreLead(id: $id) {\n      id\n      deletedAt\n      updatedAt\n    }\n  }\n": typeof types.RestoreLeadDocument,
    "\n  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {\n    updateLead(id: $id, input: $input) {\n      id\n      updatedAt\n      activityCount\n      ...LeadEditForm_lead\n      ...LeadRow_lead\n    }\n  }\n": typeof types.UpdateLeadDocument,
    "\n  fragment LeadRow_lead on Lead {\n    id\n    name\n    company\n    email\n    value\n    currency\n    source\n    customFields\n    createdAt\n    updatedAt\n    deletedAt\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n    owner {\n      id\n      name\n    }\n  }\n": typeof types.LeadRow_LeadFragmentDoc,
    "\n  query Leads($first: Int, $after: String, $last: Int, $before: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...LeadRow_lead\n        }\n      }\n    }\n  }\n": typeof types.LeadsDocument,
    "\n  query LeadsPageOptions {\n    customFieldDefinitions {\n      id\n      ...CustomFieldInput_definition\n    }\n    leadStatuses {\n      id\n      key\n      label\n      isDefault\n    }\n    teams {\n      id\n      name\n    }\n    members {\n      id\n      name\n    }\n  }\n": typeof types.LeadsPageOptionsDocument,
    "\n  mutation AssignLeads($ids: [ID!]!, $userId: ID) {\n    assignLeads(ids: $ids, userId: $userId) {\n      count\n      leads {\n        id\n        updatedAt\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AssignLeadsDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      id\n      ...LeadRow_lead\n    }\n  }\n": typeof types.CreateLeadDocument,
    "\n  query TestLeads {\n    leads(first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.TestLeadsDocument,
    "\n  fragment LiveLead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    source\n    value\n    currency\n    tags\n    customFields\n    createdAt\n    updatedAt\n    deletedAt\n    activityCount\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n    owner {\n      id\n      name\n      email\n    }\n    team {\n      id\n      name\n    }\n  }\n": typeof types.LiveLeadFragmentDoc,
    "\n  subscription LeadAssignedToMe {\n    leadAssigned(toMe: true) {\n      kind\n      at\n      actor {\n        id\n        name\n      }\n      lead {\n        ...LiveLead\n      }\n    }\n  }\n": typeof types.LeadAssignedToMeDocument,
    "\n  subscription LeadChanged {\n    leadChanged {\n      kind\n      at\n      fields\n      actor {\n        id\n      }\n      lead {\n        ...LiveLead\n      }\n    }\n  }\n": typeof types.LeadChangedDocument,
};
const documents: Documents = {
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    tenant {\n      id\n      slug\n      name\n    }\n    memberships {\n      tenantId\n      slug\n      name\n      status\n    }\n  }\n": types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!, $tenant: String) {\n    login(email: $email, password: $password, tenant: $tenant) {\n      ...AuthPayloadFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Refresh($refreshToken: String!) {\n    refresh(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n": types.RefreshDocument,
    "\n  mutation SwitchTenant($slug: String!) {\n    switchTenant(slug: $slug) {\n      ...AuthPayloadFields\n    }\n  }\n": types.SwitchTenantDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!, $name: String) {\n    acceptInvitation(token: $token, password: $password, name: $name) {\n      email\n      tenantSlug\n      tenantName\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query MyPermissions {\n    myPermissions {\n      permissions\n      modules\n    }\n    me {\n      id\n      name\n      email\n      isPlatformAdmin\n    }\n  }\n": types.MyPermissionsDocument,
    "\n  subscription PermissionsChanged {\n    permissionsChanged {\n      at\n      userIds\n    }\n  }\n": types.PermissionsChangedDocument,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditRow_entry\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditActors($statuses: [MemberStatus!]) {\n    members(statuses: $statuses) {\n      id\n      name\n    }\n  }\n": types.AuditActorsDocument,
    "\n  query MembersPage($statuses: [MemberStatus!]) {\n    members(statuses: $statuses) {\n      id\n      ...MemberRow_member\n    }\n    roles {\n      id\n      ...RolePicker_role\n    }\n  }\n": types.MembersPageDocument,
    "\n  query RolesPage {\n    permissionCatalog {\n      ...RoleMatrix_permission\n    }\n    roles {\n      id\n      ...RoleMatrix_role\n    }\n  }\n": types.RolesPageDocument,
    "\n  fragment AuditRow_entry on AuditEntry {\n    id\n    at\n    action\n    actorId\n    apiKeyId\n    actor {\n      id\n      name\n    }\n    targetType\n    targetId\n    args\n    changes\n    clientIp\n    userAgent\n    requestId\n  }\n": types.AuditRow_EntryFragmentDoc,
    "\n  query AuditRetention {\n    auditRetention\n  }\n": types.AuditRetentionDocument,
    "\n  mutation SetAuditRetention($days: Int!) {\n    setAuditRetention(days: $days)\n  }\n": types.SetAuditRetentionDocument,
    "\n  fragment FieldForm_field on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    options {\n      value\n      label\n    }\n    min\n    max\n    pattern\n  }\n": types.FieldForm_FieldFragmentDoc,
    "\n  fragment FieldRow_field on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    options {\n      value\n    }\n    min\n    max\n    pattern\n  }\n": types.FieldRow_FieldFragmentDoc,
    "\n  query CustomFieldsSettings {\n    customFieldDefinitions {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n": types.CustomFieldsSettingsDocument,
    "\n  mutation CreateCustomField($input: CreateCustomFieldInput!) {\n    createCustomField(input: $input) {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n": types.CreateCustomFieldDocument,
    "\n  mutation DeleteCustomField($id: ID!) {\n    deleteCustomField(id: $id)\n  }\n": types.DeleteCustomFieldDocument,
    "\n  mutation MoveCustomField($id: ID!, $position: Int!) {\n    updateCustomField(id: $id, input: { position: $position }) {\n      id\n      position\n    }\n  }\n": types.MoveCustomFieldDocument,
    "\n  mutation UpdateCustomField($id: ID!, $input: UpdateCustomFieldInput!) {\n    updateCustomField(id: $id, input: $input) {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n": types.UpdateCustomFieldDocument,
    "\n  fragment MemberRow_member on Member {\n    id\n    name\n    email\n    status\n    roles {\n      id\n      name\n    }\n  }\n": types.MemberRow_MemberFragmentDoc,
    "\n  fragment RolePicker_role on Role {\n    id\n    name\n    description\n    permissions\n  }\n": types.RolePicker_RoleFragmentDoc,
    "\n  mutation DeactivateMember($userId: ID!) {\n    deactivateMember(userId: $userId) {\n      id\n      name\n      status\n    }\n  }\n": types.DeactivateMemberDocument,
    "\n  mutation InviteMember($email: String!, $name: String, $roleIds: [ID!]!) {\n    inviteMember(email: $email, name: $name, roleIds: $roleIds) {\n      setupUrl\n      expiresAt\n      member {\n        id\n        name\n        email\n        status\n        roles {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation ReactivateMember($userId: ID!) {\n    reactivateMember(userId: $userId) {\n      id\n      name\n      status\n    }\n  }\n": types.ReactivateMemberDocument,
    "\n  mutation SetMemberRoles($userId: ID!, $roleIds: [ID!]!) {\n    setMemberRoles(userId: $userId, roleIds: $roleIds) {\n      id\n      status\n      roles {\n        id\n        name\n      }\n    }\n  }\n": types.SetMemberRolesDocument,
    "\n  fragment RoleMatrix_role on Role {\n    id\n    key\n    name\n    description\n    isSystem\n    memberCount\n    permissions\n  }\n": types.RoleMatrix_RoleFragmentDoc,
    "\n  fragment RoleMatrix_permission on PermissionInfo {\n    key\n    module\n    description\n  }\n": types.RoleMatrix_PermissionFragmentDoc,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      key\n      name\n      description\n      isSystem\n      memberCount\n      permissions\n    }\n  }\n": types.CreateRoleDocument,
    "\n  mutation DeleteRole($id: ID!, $moveMembersTo: ID) {\n    deleteRole(id: $id, moveMembersTo: $moveMembersTo)\n  }\n": types.DeleteRoleDocument,
    "\n  mutation UpdateRole($id: ID!, $input: UpdateRoleInput!) {\n    updateRole(id: $id, input: $input) {\n      __typename\n      id\n      key\n      name\n      description\n      isSystem\n      memberCount\n      permissions\n    }\n  }\n": types.UpdateRoleDocument,
    "\n  fragment StatusRow_status on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n    isDefault\n  }\n": types.StatusRow_StatusFragmentDoc,
    "\n  fragment TransitionsMatrix_status on LeadStatus {\n    id\n    label\n    color\n  }\n": types.TransitionsMatrix_StatusFragmentDoc,
    "\n  query StatusesSettings {\n    leadStatuses {\n      id\n      position\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n    leadStatusTransitions {\n      fromStatusId\n      toStatusId\n    }\n  }\n": types.StatusesSettingsDocument,
    "\n  mutation CreateLeadStatus($input: CreateLeadStatusInput!) {\n    createLeadStatus(input: $input) {\n      id\n      position\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n  }\n": types.CreateLeadStatusDocument,
    "\n  mutation DeleteLeadStatus($id: ID!, $moveLeadsTo: ID) {\n    deleteLeadStatus(id: $id, moveLeadsTo: $moveLeadsTo)\n  }\n": types.DeleteLeadStatusDocument,
    "\n  mutation ReorderLeadStatuses($ids: [ID!]!) {\n    reorderLeadStatuses(ids: $ids) {\n      id\n      position\n    }\n  }\n": types.ReorderLeadStatusesDocument,
    "\n  mutation SetDefaultLeadStatus($id: ID!) {\n    setDefaultLeadStatus(id: $id) {\n      id\n      isDefault\n    }\n  }\n": types.SetDefaultLeadStatusDocument,
    "\n  mutation SetLeadStatusTransitions($fromStatusId: ID!, $toStatusIds: [ID!]!) {\n    setLeadStatusTransitions(fromStatusId: $fromStatusId, toStatusIds: $toStatusIds) {\n      id\n      allowedTransitions {\n        id\n      }\n    }\n  }\n": types.SetLeadStatusTransitionsDocument,
    "\n  mutation UpdateLeadStatus($id: ID!, $input: UpdateLeadStatusInput!) {\n    updateLeadStatus(id: $id, input: $input) {\n      id\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n  }\n": types.UpdateLeadStatusDocument,
    "\n  fragment TeamCard_team on Team {\n    id\n    name\n    members {\n      id\n      name\n    }\n  }\n": types.TeamCard_TeamFragmentDoc,
    "\n  query TeamsSettings {\n    teams {\n      id\n      name\n      ...TeamCard_team\n    }\n    members {\n      id\n      name\n      email\n    }\n  }\n": types.TeamsSettingsDocument,
    "\n  mutation CreateTeam($name: String!) {\n    createTeam(name: $name) {\n      id\n      name\n      ...TeamCard_team\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation DeleteTeam($id: ID!) {\n    deleteTeam(id: $id)\n  }\n": types.DeleteTeamDocument,
    "\n  mutation RenameTeam($id: ID!, $name: String!) {\n    renameTeam(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n": types.RenameTeamDocument,
    "\n  mutation SetTeamMembers($teamId: ID!, $userIds: [ID!]!) {\n    setTeamMembers(teamId: $teamId, userIds: $userIds) {\n      id\n      members {\n        id\n        name\n      }\n    }\n  }\n": types.SetTeamMembersDocument,
    "\n  fragment BoardCard_lead on Lead {\n    id\n    name\n    company\n    value\n    currency\n    owner {\n      id\n      name\n    }\n  }\n": types.BoardCard_LeadFragmentDoc,
    "\n  query BoardStatuses {\n    leadStatuses {\n      id\n      key\n      label\n      color\n      kind\n      position\n      allowedTransitions {\n        id\n      }\n    }\n  }\n": types.BoardStatusesDocument,
    "\n  query BoardColumnLeads($filter: LeadFilter!, $first: Int!) {\n    leads(filter: $filter, first: $first, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          status {\n            id\n          }\n          ...BoardCard_lead\n        }\n      }\n    }\n  }\n": types.BoardColumnLeadsDocument,
    "\n  query DashboardConversion($from: DateTimeISO, $filter: LeadFilter) {\n    leadConversion(from: $from, filter: $filter) {\n      open\n      won\n      lost\n      closed\n      rate\n    }\n  }\n": types.DashboardConversionDocument,
    "\n  query DashboardCreatedPerDay($from: Date!, $to: Date!, $timeZone: String, $filter: LeadFilter) {\n    leadsCreatedPerDay(from: $from, to: $to, timeZone: $timeZone, filter: $filter) {\n      day\n      count\n    }\n  }\n": types.DashboardCreatedPerDayDocument,
    "\n  query DashboardSnapshot($filter: LeadFilter) {\n    leadCountsByStatus(filter: $filter) {\n      ...StatusChart_count\n      ...Headlines_statusCount\n    }\n    leadCountsByOwner(filter: $filter) {\n      ...OwnerChart_count\n    }\n  }\n": types.DashboardSnapshotDocument,
    "\n  fragment Headlines_statusCount on LeadStatusCount {\n    count\n    value\n    status {\n      id\n      kind\n    }\n  }\n": types.Headlines_StatusCountFragmentDoc,
    "\n  fragment OwnerChart_count on LeadOwnerCount {\n    count\n    value\n    ownerId\n    owner {\n      id\n      name\n    }\n  }\n": types.OwnerChart_CountFragmentDoc,
    "\n  fragment StatusChart_count on LeadStatusCount {\n    count\n    value\n    status {\n      id\n      label\n      color\n      kind\n    }\n  }\n": types.StatusChart_CountFragmentDoc,
    "\n  query DashboardTeams {\n    teams {\n      id\n      name\n    }\n  }\n": types.DashboardTeamsDocument,
    "\n  fragment ActivityItem_activity on LeadActivity {\n    id\n    kind\n    body\n    data\n    createdAt\n    actor {\n      id\n      name\n    }\n  }\n": types.ActivityItem_ActivityFragmentDoc,
    "\n  query LeadActivities($leadId: ID!, $first: Int!, $after: String) {\n    leadActivities(leadId: $leadId, first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      edges {\n        cursor\n        node {\n          id\n          ...ActivityItem_activity\n        }\n      }\n    }\n  }\n": types.LeadActivitiesDocument,
    "\n  fragment CustomFieldInput_definition on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    min\n    max\n    pattern\n    options {\n      value\n      label\n    }\n  }\n": types.CustomFieldInput_DefinitionFragmentDoc,
    "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      name\n      company\n      deletedAt\n      createdAt\n      updatedAt\n      activityCount\n      createdBy {\n        id\n        name\n      }\n      ...LeadEditForm_lead\n      ...LeadStatusControl_lead\n      ...LeadOwnerControl_lead\n    }\n    customFieldDefinitions {\n      id\n      ...CustomFieldInput_definition\n    }\n    leadStatuses {\n      id\n      key\n      label\n      color\n      kind\n      position\n    }\n    leadStatusTransitions {\n      fromStatusId\n      toStatusId\n    }\n    teams {\n      id\n      name\n    }\n    members {\n      id\n      name\n    }\n  }\n": types.LeadDetailDocument,
    "\n  fragment LeadEditForm_lead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    value\n    currency\n    source\n    tags\n    customFields\n    deletedAt\n    team {\n      id\n      name\n    }\n  }\n": types.LeadEditForm_LeadFragmentDoc,
    "\n  fragment LeadOwnerControl_lead on Lead {\n    id\n    owner {\n      id\n      name\n    }\n  }\n": types.LeadOwnerControl_LeadFragmentDoc,
    "\n  fragment LeadStatusControl_lead on Lead {\n    id\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n  }\n": types.LeadStatusControl_LeadFragmentDoc,
    "\n  mutation AddLeadNote($leadId: ID!, $body: String!, $kind: ActivityKind!) {\n    addLeadNote(leadId: $leadId, body: $body, kind: $kind) {\n      id\n      leadId\n      ...ActivityItem_activity\n    }\n  }\n": types.AddLeadNoteDocument,
    "\n  mutation AssignLead($leadId: ID!, $userId: ID) {\n    assignLead(leadId: $leadId, userId: $userId) {\n      id\n      updatedAt\n      owner {\n        id\n        name\n      }\n    }\n  }\n": types.AssignLeadDocument,
    "\n  mutation ChangeLeadStatus($id: ID!, $statusId: ID!) {\n    changeLeadStatus(id: $id, statusId: $statusId) {\n      id\n      updatedAt\n      status {\n        id\n        key\n        label\n        color\n        kind\n      }\n    }\n  }\n": types.ChangeLeadStatusDocument,
    "\n  fragment StatusForOptimism on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n  }\n": types.StatusForOptimismFragmentDoc,
    "\n  mutation DeleteLead($id: ID!) {\n    deleteLead(id: $id) {\n      id\n      deletedAt\n      updatedAt\n    }\n  }\n": types.DeleteLeadDocument,
    "\n  mutation RestoreLead($id: ID!) {\n    restoreLead(id: $id) {\n      id\n      deletedAt\n      updatedAt\n    }\n  }\n": types.RestoreLeadDocument,
    "\n  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {\n    updateLead(id: $id, input: $input) {\n      id\n      updatedAt\n      activityCount\n      ...LeadEditForm_lead\n      ...LeadRow_lead\n    }\n  }\n": types.UpdateLeadDocument,
    "\n  fragment LeadRow_lead on Lead {\n    id\n    name\n    company\n    email\n    value\n    currency\n    source\n    customFields\n    createdAt\n    updatedAt\n    deletedAt\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n    owner {\n      id\n      name\n    }\n  }\n": types.LeadRow_LeadFragmentDoc,
    "\n  query Leads($first: Int, $after: String, $last: Int, $before: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...LeadRow_lead\n        }\n      }\n    }\n  }\n": types.LeadsDocument,
    "\n  query LeadsPageOptions {\n    customFieldDefinitions {\n      id\n      ...CustomFieldInput_definition\n    }\n    leadStatuses {\n      id\n      key\n      label\n      isDefault\n    }\n    teams {\n      id\n      name\n    }\n    members {\n      id\n      name\n    }\n  }\n": types.LeadsPageOptionsDocument,
    "\n  mutation AssignLeads($ids: [ID!]!, $userId: ID) {\n    assignLeads(ids: $ids, userId: $userId) {\n      count\n      leads {\n        id\n        updatedAt\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AssignLeadsDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      id\n      ...LeadRow_lead\n    }\n  }\n": types.CreateLeadDocument,
    "\n  query TestLeads {\n    leads(first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.TestLeadsDocument,
    "\n  fragment LiveLead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    source\n    value\n    currency\n    tags\n    customFields\n    createdAt\n    updatedAt\n    deletedAt\n    activityCount\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n    owner {\n      id\n      name\n      email\n    }\n    team {\n      id\n      name\n    }\n  }\n": types.LiveLeadFragmentDoc,
    "\n  subscription LeadAssignedToMe {\n    leadAssigned(toMe: true) {\n      kind\n      at\n      actor {\n        id\n        name\n      }\n      lead {\n        ...LiveLead\n      }\n    }\n  }\n": types.LeadAssignedToMeDocument,
    "\n  subscription LeadChanged {\n    leadChanged {\n      kind\n      at\n      fields\n      actor {\n        id\n      }\n      lead {\n        ...LiveLead\n      }\n    }\n  }\n": types.LeadChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    tenant {\n      id\n      slug\n      name\n    }\n    memberships {\n      tenantId\n      slug\n      name\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    tenant {\n      id\n      slug\n      name\n    }\n    memberships {\n      tenantId\n      slug\n      name\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!, $tenant: String) {\n    login(email: $email, password: $password, tenant: $tenant) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!, $tenant: String) {\n    login(email: $email, password: $password, tenant: $tenant) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refresh($refreshToken: String!) {\n    refresh(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation Refresh($refreshToken: String!) {\n    refresh(refreshToken: $refreshToken) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchTenant($slug: String!) {\n    switchTenant(slug: $slug) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchTenant($slug: String!) {\n    switchTenant(slug: $slug) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!, $name: String) {\n    acceptInvitation(token: $token, password: $password, name: $name) {\n      email\n      tenantSlug\n      tenantName\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!, $name: String) {\n    acceptInvitation(token: $token, password: $password, name: $name) {\n      email\n      tenantSlug\n      tenantName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPermissions {\n    myPermissions {\n      permissions\n      modules\n    }\n    me {\n      id\n      name\n      email\n      isPlatformAdmin\n    }\n  }\n"): (typeof documents)["\n  query MyPermissions {\n    myPermissions {\n      permissions\n      modules\n    }\n    me {\n      id\n      name\n      email\n      isPlatformAdmin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PermissionsChanged {\n    permissionsChanged {\n      at\n      userIds\n    }\n  }\n"): (typeof documents)["\n  subscription PermissionsChanged {\n    permissionsChanged {\n      at\n      userIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditRow_entry\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          ...AuditRow_entry\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActors($statuses: [MemberStatus!]) {\n    members(statuses: $statuses) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuditActors($statuses: [MemberStatus!]) {\n    members(statuses: $statuses) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersPage($statuses: [MemberStatus!]) {\n    members(statuses: $statuses) {\n      id\n      ...MemberRow_member\n    }\n    roles {\n      id\n      ...RolePicker_role\n    }\n  }\n"): (typeof documents)["\n  query MembersPage($statuses: [MemberStatus!]) {\n    members(statuses: $statuses) {\n      id\n      ...MemberRow_member\n    }\n    roles {\n      id\n      ...RolePicker_role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RolesPage {\n    permissionCatalog {\n      ...RoleMatrix_permission\n    }\n    roles {\n      id\n      ...RoleMatrix_role\n    }\n  }\n"): (typeof documents)["\n  query RolesPage {\n    permissionCatalog {\n      ...RoleMatrix_permission\n    }\n    roles {\n      id\n      ...RoleMatrix_role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditRow_entry on AuditEntry {\n    id\n    at\n    action\n    actorId\n    apiKeyId\n    actor {\n      id\n      name\n    }\n    targetType\n    targetId\n    args\n    changes\n    clientIp\n    userAgent\n    requestId\n  }\n"): (typeof documents)["\n  fragment AuditRow_entry on AuditEntry {\n    id\n    at\n    action\n    actorId\n    apiKeyId\n    actor {\n      id\n      name\n    }\n    targetType\n    targetId\n    args\n    changes\n    clientIp\n    userAgent\n    requestId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditRetention {\n    auditRetention\n  }\n"): (typeof documents)["\n  query AuditRetention {\n    auditRetention\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAuditRetention($days: Int!) {\n    setAuditRetention(days: $days)\n  }\n"): (typeof documents)["\n  mutation SetAuditRetention($days: Int!) {\n    setAuditRetention(days: $days)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FieldForm_field on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    options {\n      value\n      label\n    }\n    min\n    max\n    pattern\n  }\n"): (typeof documents)["\n  fragment FieldForm_field on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    options {\n      value\n      label\n    }\n    min\n    max\n    pattern\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FieldRow_field on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    options {\n      value\n    }\n    min\n    max\n    pattern\n  }\n"): (typeof documents)["\n  fragment FieldRow_field on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    options {\n      value\n    }\n    min\n    max\n    pattern\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomFieldsSettings {\n    customFieldDefinitions {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n"): (typeof documents)["\n  query CustomFieldsSettings {\n    customFieldDefinitions {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomField($input: CreateCustomFieldInput!) {\n    createCustomField(input: $input) {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomField($input: CreateCustomFieldInput!) {\n    createCustomField(input: $input) {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCustomField($id: ID!) {\n    deleteCustomField(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCustomField($id: ID!) {\n    deleteCustomField(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveCustomField($id: ID!, $position: Int!) {\n    updateCustomField(id: $id, input: { position: $position }) {\n      id\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation MoveCustomField($id: ID!, $position: Int!) {\n    updateCustomField(id: $id, input: { position: $position }) {\n      id\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomField($id: ID!, $input: UpdateCustomFieldInput!) {\n    updateCustomField(id: $id, input: $input) {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomField($id: ID!, $input: UpdateCustomFieldInput!) {\n    updateCustomField(id: $id, input: $input) {\n      id\n      position\n      ...FieldRow_field\n      ...FieldForm_field\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberRow_member on Member {\n    id\n    name\n    email\n    status\n    roles {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment MemberRow_member on Member {\n    id\n    name\n    email\n    status\n    roles {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RolePicker_role on Role {\n    id\n    name\n    description\n    permissions\n  }\n"): (typeof documents)["\n  fragment RolePicker_role on Role {\n    id\n    name\n    description\n    permissions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateMember($userId: ID!) {\n    deactivateMember(userId: $userId) {\n      id\n      name\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateMember($userId: ID!) {\n    deactivateMember(userId: $userId) {\n      id\n      name\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($email: String!, $name: String, $roleIds: [ID!]!) {\n    inviteMember(email: $email, name: $name, roleIds: $roleIds) {\n      setupUrl\n      expiresAt\n      member {\n        id\n        name\n        email\n        status\n        roles {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($email: String!, $name: String, $roleIds: [ID!]!) {\n    inviteMember(email: $email, name: $name, roleIds: $roleIds) {\n      setupUrl\n      expiresAt\n      member {\n        id\n        name\n        email\n        status\n        roles {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateMember($userId: ID!) {\n    reactivateMember(userId: $userId) {\n      id\n      name\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateMember($userId: ID!) {\n    reactivateMember(userId: $userId) {\n      id\n      name\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMemberRoles($userId: ID!, $roleIds: [ID!]!) {\n    setMemberRoles(userId: $userId, roleIds: $roleIds) {\n      id\n      status\n      roles {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetMemberRoles($userId: ID!, $roleIds: [ID!]!) {\n    setMemberRoles(userId: $userId, roleIds: $roleIds) {\n      id\n      status\n      roles {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleMatrix_role on Role {\n    id\n    key\n    name\n    description\n    isSystem\n    memberCount\n    permissions\n  }\n"): (typeof documents)["\n  fragment RoleMatrix_role on Role {\n    id\n    key\n    name\n    description\n    isSystem\n    memberCount\n    permissions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleMatrix_permission on PermissionInfo {\n    key\n    module\n    description\n  }\n"): (typeof documents)["\n  fragment RoleMatrix_permission on PermissionInfo {\n    key\n    module\n    description\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      key\n      name\n      description\n      isSystem\n      memberCount\n      permissions\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      key\n      name\n      description\n      isSystem\n      memberCount\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRole($id: ID!, $moveMembersTo: ID) {\n    deleteRole(id: $id, moveMembersTo: $moveMembersTo)\n  }\n"): (typeof documents)["\n  mutation DeleteRole($id: ID!, $moveMembersTo: ID) {\n    deleteRole(id: $id, moveMembersTo: $moveMembersTo)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRole($id: ID!, $input: UpdateRoleInput!) {\n    updateRole(id: $id, input: $input) {\n      __typename\n      id\n      key\n      name\n      description\n      isSystem\n      memberCount\n      permissions\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRole($id: ID!, $input: UpdateRoleInput!) {\n    updateRole(id: $id, input: $input) {\n      __typename\n      id\n      key\n      name\n      description\n      isSystem\n      memberCount\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusRow_status on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n    isDefault\n  }\n"): (typeof documents)["\n  fragment StatusRow_status on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n    isDefault\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TransitionsMatrix_status on LeadStatus {\n    id\n    label\n    color\n  }\n"): (typeof documents)["\n  fragment TransitionsMatrix_status on LeadStatus {\n    id\n    label\n    color\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusesSettings {\n    leadStatuses {\n      id\n      position\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n    leadStatusTransitions {\n      fromStatusId\n      toStatusId\n    }\n  }\n"): (typeof documents)["\n  query StatusesSettings {\n    leadStatuses {\n      id\n      position\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n    leadStatusTransitions {\n      fromStatusId\n      toStatusId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLeadStatus($input: CreateLeadStatusInput!) {\n    createLeadStatus(input: $input) {\n      id\n      position\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLeadStatus($input: CreateLeadStatusInput!) {\n    createLeadStatus(input: $input) {\n      id\n      position\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteLeadStatus($id: ID!, $moveLeadsTo: ID) {\n    deleteLeadStatus(id: $id, moveLeadsTo: $moveLeadsTo)\n  }\n"): (typeof documents)["\n  mutation DeleteLeadStatus($id: ID!, $moveLeadsTo: ID) {\n    deleteLeadStatus(id: $id, moveLeadsTo: $moveLeadsTo)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderLeadStatuses($ids: [ID!]!) {\n    reorderLeadStatuses(ids: $ids) {\n      id\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderLeadStatuses($ids: [ID!]!) {\n    reorderLeadStatuses(ids: $ids) {\n      id\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDefaultLeadStatus($id: ID!) {\n    setDefaultLeadStatus(id: $id) {\n      id\n      isDefault\n    }\n  }\n"): (typeof documents)["\n  mutation SetDefaultLeadStatus($id: ID!) {\n    setDefaultLeadStatus(id: $id) {\n      id\n      isDefault\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLeadStatusTransitions($fromStatusId: ID!, $toStatusIds: [ID!]!) {\n    setLeadStatusTransitions(fromStatusId: $fromStatusId, toStatusIds: $toStatusIds) {\n      id\n      allowedTransitions {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetLeadStatusTransitions($fromStatusId: ID!, $toStatusIds: [ID!]!) {\n    setLeadStatusTransitions(fromStatusId: $fromStatusId, toStatusIds: $toStatusIds) {\n      id\n      allowedTransitions {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLeadStatus($id: ID!, $input: UpdateLeadStatusInput!) {\n    updateLeadStatus(id: $id, input: $input) {\n      id\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLeadStatus($id: ID!, $input: UpdateLeadStatusInput!) {\n    updateLeadStatus(id: $id, input: $input) {\n      id\n      ...StatusRow_status\n      ...TransitionsMatrix_status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamCard_team on Team {\n    id\n    name\n    members {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TeamCard_team on Team {\n    id\n    name\n    members {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsSettings {\n    teams {\n      id\n      name\n      ...TeamCard_team\n    }\n    members {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query TeamsSettings {\n    teams {\n      id\n      name\n      ...TeamCard_team\n    }\n    members {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($name: String!) {\n    createTeam(name: $name) {\n      id\n      name\n      ...TeamCard_team\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($name: String!) {\n    createTeam(name: $name) {\n      id\n      name\n      ...TeamCard_team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTeam($id: ID!) {\n    deleteTeam(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteTeam($id: ID!) {\n    deleteTeam(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameTeam($id: ID!, $name: String!) {\n    renameTeam(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RenameTeam($id: ID!, $name: String!) {\n    renameTeam(id: $id, name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTeamMembers($teamId: ID!, $userIds: [ID!]!) {\n    setTeamMembers(teamId: $teamId, userIds: $userIds) {\n      id\n      members {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetTeamMembers($teamId: ID!, $userIds: [ID!]!) {\n    setTeamMembers(teamId: $teamId, userIds: $userIds) {\n      id\n      members {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardCard_lead on Lead {\n    id\n    name\n    company\n    value\n    currency\n    owner {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment BoardCard_lead on Lead {\n    id\n    name\n    company\n    value\n    currency\n    owner {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardStatuses {\n    leadStatuses {\n      id\n      key\n      label\n      color\n      kind\n      position\n      allowedTransitions {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardStatuses {\n    leadStatuses {\n      id\n      key\n      label\n      color\n      kind\n      position\n      allowedTransitions {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardColumnLeads($filter: LeadFilter!, $first: Int!) {\n    leads(filter: $filter, first: $first, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          status {\n            id\n          }\n          ...BoardCard_lead\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardColumnLeads($filter: LeadFilter!, $first: Int!) {\n    leads(filter: $filter, first: $first, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          status {\n            id\n          }\n          ...BoardCard_lead\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardConversion($from: DateTimeISO, $filter: LeadFilter) {\n    leadConversion(from: $from, filter: $filter) {\n      open\n      won\n      lost\n      closed\n      rate\n    }\n  }\n"): (typeof documents)["\n  query DashboardConversion($from: DateTimeISO, $filter: LeadFilter) {\n    leadConversion(from: $from, filter: $filter) {\n      open\n      won\n      lost\n      closed\n      rate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardCreatedPerDay($from: Date!, $to: Date!, $timeZone: String, $filter: LeadFilter) {\n    leadsCreatedPerDay(from: $from, to: $to, timeZone: $timeZone, filter: $filter) {\n      day\n      count\n    }\n  }\n"): (typeof documents)["\n  query DashboardCreatedPerDay($from: Date!, $to: Date!, $timeZone: String, $filter: LeadFilter) {\n    leadsCreatedPerDay(from: $from, to: $to, timeZone: $timeZone, filter: $filter) {\n      day\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardSnapshot($filter: LeadFilter) {\n    leadCountsByStatus(filter: $filter) {\n      ...StatusChart_count\n      ...Headlines_statusCount\n    }\n    leadCountsByOwner(filter: $filter) {\n      ...OwnerChart_count\n    }\n  }\n"): (typeof documents)["\n  query DashboardSnapshot($filter: LeadFilter) {\n    leadCountsByStatus(filter: $filter) {\n      ...StatusChart_count\n      ...Headlines_statusCount\n    }\n    leadCountsByOwner(filter: $filter) {\n      ...OwnerChart_count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Headlines_statusCount on LeadStatusCount {\n    count\n    value\n    status {\n      id\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment Headlines_statusCount on LeadStatusCount {\n    count\n    value\n    status {\n      id\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OwnerChart_count on LeadOwnerCount {\n    count\n    value\n    ownerId\n    owner {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment OwnerChart_count on LeadOwnerCount {\n    count\n    value\n    ownerId\n    owner {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusChart_count on LeadStatusCount {\n    count\n    value\n    status {\n      id\n      label\n      color\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment StatusChart_count on LeadStatusCount {\n    count\n    value\n    status {\n      id\n      label\n      color\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTeams {\n    teams {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query DashboardTeams {\n    teams {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityItem_activity on LeadActivity {\n    id\n    kind\n    body\n    data\n    createdAt\n    actor {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ActivityItem_activity on LeadActivity {\n    id\n    kind\n    body\n    data\n    createdAt\n    actor {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadActivities($leadId: ID!, $first: Int!, $after: String) {\n    leadActivities(leadId: $leadId, first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      edges {\n        cursor\n        node {\n          id\n          ...ActivityItem_activity\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadActivities($leadId: ID!, $first: Int!, $after: String) {\n    leadActivities(leadId: $leadId, first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      edges {\n        cursor\n        node {\n          id\n          ...ActivityItem_activity\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomFieldInput_definition on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    min\n    max\n    pattern\n    options {\n      value\n      label\n    }\n  }\n"): (typeof documents)["\n  fragment CustomFieldInput_definition on CustomFieldDefinition {\n    id\n    key\n    label\n    type\n    required\n    min\n    max\n    pattern\n    options {\n      value\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      name\n      company\n      deletedAt\n      createdAt\n      updatedAt\n      activityCount\n      createdBy {\n        id\n        name\n      }\n      ...LeadEditForm_lead\n      ...LeadStatusControl_lead\n      ...LeadOwnerControl_lead\n    }\n    customFieldDefinitions {\n      id\n      ...CustomFieldInput_definition\n    }\n    leadStatuses {\n      id\n      key\n      label\n      color\n      kind\n      position\n    }\n    leadStatusTransitions {\n      fromStatusId\n      toStatusId\n    }\n    teams {\n      id\n      name\n    }\n    members {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      name\n      company\n      deletedAt\n      createdAt\n      updatedAt\n      activityCount\n      createdBy {\n        id\n        name\n      }\n      ...LeadEditForm_lead\n      ...LeadStatusControl_lead\n      ...LeadOwnerControl_lead\n    }\n    customFieldDefinitions {\n      id\n      ...CustomFieldInput_definition\n    }\n    leadStatuses {\n      id\n      key\n      label\n      color\n      kind\n      position\n    }\n    leadStatusTransitions {\n      fromStatusId\n      toStatusId\n    }\n    teams {\n      id\n      name\n    }\n    members {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadEditForm_lead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    value\n    currency\n    source\n    tags\n    customFields\n    deletedAt\n    team {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment LeadEditForm_lead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    value\n    currency\n    source\n    tags\n    customFields\n    deletedAt\n    team {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadOwnerControl_lead on Lead {\n    id\n    owner {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment LeadOwnerControl_lead on Lead {\n    id\n    owner {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadStatusControl_lead on Lead {\n    id\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment LeadStatusControl_lead on Lead {\n    id\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddLeadNote($leadId: ID!, $body: String!, $kind: ActivityKind!) {\n    addLeadNote(leadId: $leadId, body: $body, kind: $kind) {\n      id\n      leadId\n      ...ActivityItem_activity\n    }\n  }\n"): (typeof documents)["\n  mutation AddLeadNote($leadId: ID!, $body: String!, $kind: ActivityKind!) {\n    addLeadNote(leadId: $leadId, body: $body, kind: $kind) {\n      id\n      leadId\n      ...ActivityItem_activity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignLead($leadId: ID!, $userId: ID) {\n    assignLead(leadId: $leadId, userId: $userId) {\n      id\n      updatedAt\n      owner {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignLead($leadId: ID!, $userId: ID) {\n    assignLead(leadId: $leadId, userId: $userId) {\n      id\n      updatedAt\n      owner {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeLeadStatus($id: ID!, $statusId: ID!) {\n    changeLeadStatus(id: $id, statusId: $statusId) {\n      id\n      updatedAt\n      status {\n        id\n        key\n        label\n        color\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeLeadStatus($id: ID!, $statusId: ID!) {\n    changeLeadStatus(id: $id, statusId: $statusId) {\n      id\n      updatedAt\n      status {\n        id\n        key\n        label\n        color\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusForOptimism on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n  }\n"): (typeof documents)["\n  fragment StatusForOptimism on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteLead($id: ID!) {\n    deleteLead(id: $id) {\n      id\n      deletedAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteLead($id: ID!) {\n    deleteLead(id: $id) {\n      id\n      deletedAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreLead($id: ID!) {\n    restoreLead(id: $id) {\n      id\n      deletedAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreLead($id: ID!) {\n    restoreLead(id: $id) {\n      id\n      deletedAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {\n    updateLead(id: $id, input: $input) {\n      id\n      updatedAt\n      activityCount\n      ...LeadEditForm_lead\n      ...LeadRow_lead\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLead($id: ID!, $input: UpdateLeadInput!) {\n    updateLead(id: $id, input: $input) {\n      id\n      updatedAt\n      activityCount\n      ...LeadEditForm_lead\n      ...LeadRow_lead\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadRow_lead on Lead {\n    id\n    name\n    company\n    email\n    value\n    currency\n    source\n    customFields\n    createdAt\n    updatedAt\n    deletedAt\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n    owner {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment LeadRow_lead on Lead {\n    id\n    name\n    company\n    email\n    value\n    currency\n    source\n    customFields\n    createdAt\n    updatedAt\n    deletedAt\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n    owner {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leads($first: Int, $after: String, $last: Int, $before: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...LeadRow_lead\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Leads($first: Int, $after: String, $last: Int, $before: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...LeadRow_lead\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadsPageOptions {\n    customFieldDefinitions {\n      id\n      ...CustomFieldInput_definition\n    }\n    leadStatuses {\n      id\n      key\n      label\n      isDefault\n    }\n    teams {\n      id\n      name\n    }\n    members {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query LeadsPageOptions {\n    customFieldDefinitions {\n      id\n      ...CustomFieldInput_definition\n    }\n    leadStatuses {\n      id\n      key\n      label\n      isDefault\n    }\n    teams {\n      id\n      name\n    }\n    members {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignLeads($ids: [ID!]!, $userId: ID) {\n    assignLeads(ids: $ids, userId: $userId) {\n      count\n      leads {\n        id\n        updatedAt\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignLeads($ids: [ID!]!, $userId: ID) {\n    assignLeads(ids: $ids, userId: $userId) {\n      count\n      leads {\n        id\n        updatedAt\n        owner {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      id\n      ...LeadRow_lead\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      id\n      ...LeadRow_lead\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestLeads {\n    leads(first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestLeads {\n    leads(first: 10) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LiveLead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    source\n    value\n    currency\n    tags\n    customFields\n    createdAt\n    updatedAt\n    deletedAt\n    activityCount\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n    owner {\n      id\n      name\n      email\n    }\n    team {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment LiveLead on Lead {\n    id\n    name\n    company\n    email\n    phone\n    source\n    value\n    currency\n    tags\n    customFields\n    createdAt\n    updatedAt\n    deletedAt\n    activityCount\n    status {\n      id\n      key\n      label\n      color\n      kind\n    }\n    owner {\n      id\n      name\n      email\n    }\n    team {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeadAssignedToMe {\n    leadAssigned(toMe: true) {\n      kind\n      at\n      actor {\n        id\n        name\n      }\n      lead {\n        ...LiveLead\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LeadAssignedToMe {\n    leadAssigned(toMe: true) {\n      kind\n      at\n      actor {\n        id\n        name\n      }\n      lead {\n        ...LiveLead\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeadChanged {\n    leadChanged {\n      kind\n      at\n      fields\n      actor {\n        id\n      }\n      lead {\n        ...LiveLead\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LeadChanged {\n    leadChanged {\n      kind\n      at\n      fields\n      actor {\n        id\n      }\n      lead {\n        ...LiveLead\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
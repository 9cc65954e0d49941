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
    "\n  mutation ChangeLeadStatus($id: ID!, $statusId: ID!) {\n    changeLeadStatus(id: $id, statusId: $statusId) {\n      id\n      updatedAt\n      status {\n        id\n        key\n        label\n        color\n        kind\n      }\n    }\n  }\n": typeof types.ChangeLeadStatusDocument,
    "\n  fragment StatusForOptimism on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n  }\n": typeof types.StatusForOptimismFragmentDoc,
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
    "\n  mutation ChangeLeadStatus($id: ID!, $statusId: ID!) {\n    changeLeadStatus(id: $id, statusId: $statusId) {\n      id\n      updatedAt\n      status {\n        id\n        key\n        label\n        color\n        kind\n      }\n    }\n  }\n": types.ChangeLeadStatusDocument,
    "\n  fragment StatusForOptimism on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n  }\n": types.StatusForOptimismFragmentDoc,
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
export function graphql(source: "\n  mutation ChangeLeadStatus($id: ID!, $statusId: ID!) {\n    changeLeadStatus(id: $id, statusId: $statusId) {\n      id\n      updatedAt\n      status {\n        id\n        key\n        label\n        color\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeLeadStatus($id: ID!, $statusId: ID!) {\n    changeLeadStatus(id: $id, statusId: $statusId) {\n      id\n      updatedAt\n      status {\n        id\n        key\n        label\n        color\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatusForOptimism on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n  }\n"): (typeof documents)["\n  fragment StatusForOptimism on LeadStatus {\n    id\n    key\n    label\n    color\n    kind\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
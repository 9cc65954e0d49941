import { graphql } from '../gql';

export const AuthPayloadFields = graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    refreshToken
    refreshTokenExpiresAt
    tenant {
      id
      slug
      name
    }
    memberships {
      tenantId
      slug
      name
      status
    }
  }
`);

export const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!, $tenant: String) {
    login(email: $email, password: $password, tenant: $tenant) {
      ...AuthPayloadFields
    }
  }
`);

export const RefreshDocument = graphql(`
  mutation Refresh($refreshToken: String!) {
    refresh(refreshToken: $refreshToken) {
      ...AuthPayloadFields
    }
  }
`);

export const SwitchTenantDocument = graphql(`
  mutation SwitchTenant($slug: String!) {
    switchTenant(slug: $slug) {
      ...AuthPayloadFields
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!, $name: String) {
    acceptInvitation(token: $token, password: $password, name: $name) {
      email
      tenantSlug
      tenantName
    }
  }
`);

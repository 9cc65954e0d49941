import { graphql } from '../../../gql';

/** The tenant's lead form as the settings screen lists it. */
export const CustomFieldsSettingsDocument = graphql(`
  query CustomFieldsSettings {
    customFieldDefinitions {
      id
      position
      ...FieldRow_field
      ...FieldForm_field
    }
  }
`);

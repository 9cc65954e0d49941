import type { Loaders } from '../../graphql/loaders';
import { BadInputError, NotFoundError, type FieldProblem } from '../../graphql/errors';
import { tenantDb } from '../../tenancy/context';
import { FieldKeyTakenError, FieldTypeLockedError } from './custom-field.errors';
import type { CreateCustomFieldInput, CustomFieldOptionInput, UpdateCustomFieldInput } from './custom-field.inputs';
import { CUSTOM_FIELD_COLUMNS } from './custom-field.types';
import { constraintsOf, definitionProblems, storedJsonType, type CustomFieldDefinition, type DefinitionDraft } from './custom-field.validation';
import { isUuid } from '../../tenancy/names';


/**
 * The tenant's lead form. Lead values live in leads.custom keyed by field key, so a definition's key never changes
 * and deleting a definition never touches a lead: the values stay, hidden until a field with that key exists again.
 */
export class CustomFieldService {
  async list(loaders: Loaders): Promise<CustomFieldDefinition[]> {
    return loaders.customFields();
  }

  async create(input: CreateCustomFieldInput, loaders: Loaders): Promise<CustomFieldDefinition> {
    const draft: DefinitionDraft = {
      key: input.key,
      label: input.label.trim(),
      type: input.type,
      options: normaliseOptions(input.options),
      min: input.min ?? null,
      max: input.max ?? null,
      pattern: input.pattern || null,
    };
    refuse(definitionProblems(draft));
    const db = tenantDb();
    if (await db.one(`select 1 from custom_field_definitions where key = $1`, [draft.key])) throw new FieldKeyTakenError(draft.key);
    // Values left by an earlier field with this key come back into view: they must be of a type this field reads.
    const clash = await db.one<{ t: string }>(
      `select jsonb_typeof(custom -> $1) as t from leads where custom ? $1 and jsonb_typeof(custom -> $1) <> $2 limit 1`,
      [draft.key, storedJsonType(input.type)],
    );
    if (clash) throw new FieldTypeLockedError(draft.key, `leads still hold ${clash.t} values for this key from an earlier field`);
    const created = await keyGuard(draft.key, () =>
      db.one<CustomFieldDefinition>(
        `insert into custom_field_definitions (key, label, type, required, options, min, max, pattern, position)
         values ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, (select coalesce(max(position), 0) + 1 from custom_field_definitions)))
         returning ${CUSTOM_FIELD_COLUMNS}`,
        [draft.key, draft.label, draft.type, input.required ?? false, JSON.stringify(draft.options), draft.min, draft.max, draft.pattern, input.position ?? null],
      ),
    );
    loaders.resetCatalogues();
    return created!;
  }

  async update(id: string, input: UpdateCustomFieldInput, loaders: Loaders): Promise<CustomFieldDefinition> {
    const db = tenantDb();
    const current = isUuid(id)
      ? await db.one<CustomFieldDefinition>(`select ${CUSTOM_FIELD_COLUMNS} from custom_field_definitions where id = $1 for update`, [id])
      : null;
    if (!current) throw new NotFoundError('Custom field');
    const problems: FieldProblem[] = [];
    for (const f of ['label', 'type', 'required', 'position'] as const) if (input[f] === null) problems.push({ field: f, message: 'cannot be cleared' });
    refuse(problems);

    const type = input.type ?? current.type;
    const uses = constraintsOf(type);
    // A new type drops the constraints it does not use, unless the caller sets them (and is told they do not apply).
    const keep = <T>(given: T | null | undefined, stored: T, applies: boolean, empty: T): T =>
      given !== undefined ? (given ?? empty) : type !== current.type && !applies ? empty : stored;
    const draft: DefinitionDraft = {
      key: current.key,
      label: input.label?.trim() ?? current.label,
      type,
      options: input.options === undefined ? keep(undefined, current.options, uses.options, []) : normaliseOptions(input.options ?? []),
      min: keep(input.min, current.min, uses.bounds, null),
      max: keep(input.max, current.max, uses.bounds, null),
      pattern: keep(input.pattern === '' ? null : input.pattern, current.pattern, uses.pattern, null),
    };
    refuse(definitionProblems(draft));
    if (type !== current.type && (await db.one(`select 1 from leads where custom ? $1 limit 1`, [current.key]))) {
      throw new FieldTypeLockedError(current.key, 'leads hold values for this field');
    }
    const updated = await db.one<CustomFieldDefinition>(
      `update custom_field_definitions
          set label = $2, type = $3, required = coalesce($4, required), options = $5, min = $6, max = $7, pattern = $8,
              position = coalesce($9, position), updated_at = now()
        where id = $1 returning ${CUSTOM_FIELD_COLUMNS}`,
      [current.id, draft.label, draft.type, input.required ?? null, JSON.stringify(draft.options), draft.min, draft.max, draft.pattern, input.position ?? null],
    );
    loaders.resetCatalogues();
    return updated!;
  }

  /** Leads are not touched: their values for this key stay stored, and simply stop being exposed. */
  async remove(id: string, loaders: Loaders): Promise<string> {
    const deleted = isUuid(id) ? await tenantDb().one<{ id: string }>(`delete from custom_field_definitions where id = $1 returning id`, [id]) : null;
    if (!deleted) throw new NotFoundError('Custom field');
    loaders.resetCatalogues();
    return deleted.id;
  }
}

function normaliseOptions(options: CustomFieldOptionInput[] | undefined): Array<{ value: string; label: string }> {
  return (options ?? []).map((o) => {
    const value = o.value.trim();
    return { value, label: o.label?.trim() || value };
  });
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length) throw new BadInputError('Invalid custom field', problems);
}

/** The pre-check races with a concurrent create; the unique index has the last word. */
async function keyGuard<T>(key: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new FieldKeyTakenError(key);
    throw err;
  }
}

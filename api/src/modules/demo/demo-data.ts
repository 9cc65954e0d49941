/**
 * The demo pipeline as plain data: a pure function of a seed, the clock and the demo users' ids, so every fresh
 * start shows the same pipeline (same names, spread and history), placed relative to "now".
 * A small seeded PRNG (mulberry32) instead of Math.random: same seed, same data.
 */

export const DEMO_SEED = 20240601;
export const DEMO_LEAD_COUNT = 300;
export const DEMO_DAYS = 120;
const DAY_MS = 86_400_000;

export const DEMO_FIELDS = [
  {
    key: 'industry',
    label: 'Industry',
    type: 'select',
    options: ['Software', 'Manufacturing', 'Healthcare', 'Finance', 'Retail', 'Education'].map((l) => ({ value: l.toLowerCase(), label: l })),
    min: null,
  },
  { key: 'employees', label: 'Employees', type: 'number', options: [], min: 1 },
  { key: 'website', label: 'Website', type: 'url', options: [], min: null },
  { key: 'next_call', label: 'Next call', type: 'date', options: [], min: null },
  { key: 'newsletter', label: 'Newsletter', type: 'boolean', options: [], min: null },
] as const;

export const DEMO_TEAMS = [
  { name: 'Enterprise', members: ['bob'] },
  { name: 'SMB', members: ['carol'] },
] as const;

export type DemoUserKey = 'alice' | 'bob' | 'carol';
export type DemoUsers = Record<DemoUserKey, string | null>;

export interface DemoLead {
  id: string;
  name: string;
  company: string;
  email: string;
  phone: string;
  source: string;
  value: number | null;
  currency: string | null;
  status: string;
  owner_id: string | null;
  team: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DemoActivity {
  lead_id: string;
  kind: 'created' | 'note' | 'call' | 'status_change';
  actor_id: string | null;
  owner_id: string | null;
  body: string | null;
  from_key: string | null;
  to_key: string | null;
  created_at: string;
}

type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

/** Picks by weight: [[value, weight], ...]. */
function weighted<T>(rng: Rng, table: ReadonlyArray<readonly [T, number]>): T {
  let r = rng() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table[table.length - 1]![0];
}

function uuid(rng: Rng): string {
  const b = Array.from({ length: 16 }, () => Math.floor(rng() * 256));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Katja', 'Luca', 'Mara', 'Nils', 'Olga', 'Paul', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wim', 'Yara', 'Zoe'];
const LAST = ['Abel', 'Berger', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hansen', 'Ivanova', 'Jansen', 'Keller', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Vogel', 'Weber', 'Young'];
const COMPANY_A = ['Blue', 'Bright', 'Cedar', 'Delta', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Iron', 'Juniper', 'Keystone', 'Lumen', 'Maple', 'North', 'Orbit', 'Pioneer', 'Quartz', 'River', 'Summit', 'Vertex'];
const COMPANY_B = ['Analytics', 'Systems', 'Logistics', 'Health', 'Capital', 'Labs', 'Works', 'Foods', 'Learning', 'Robotics'];
const COMPANY_SUFFIX = ['GmbH', 'Inc.', 'Ltd', 'AG', 'SAS', 'BV'];
const TAGS = ['vip', 'hot', 'follow-up', 'decision-maker', 'budget-approved', 'trial', 'upsell', 'competitor'];
const NOTES = [
  'Intro call went well; they want pricing for two teams.',
  'Asked for a case study from their industry.',
  'Left a voicemail, will try again next week.',
  'Budget is confirmed for next quarter.',
  'Procurement needs a security questionnaire.',
  'Met at the booth, interested in the API.',
  'Champion is moving teams; find a second contact.',
  'Sent the proposal and a short demo recording.',
];

const PIPELINE = ['new', 'contacted', 'qualified', 'proposal'] as const;
/** More early-stage than late: a realistic funnel. */
const STATUS_WEIGHTS = [['new', 28], ['contacted', 22], ['qualified', 16], ['proposal', 12], ['won', 11], ['lost', 11]] as const;
const SOURCE_WEIGHTS = [['web', 35], ['referral', 20], ['event', 15], ['cold-call', 15], ['partner', 15]] as const;
const OWNER_WEIGHTS = [['alice', 20], ['bob', 30], ['carol', 30], [null, 20]] as const;

/** The statuses a lead went through to reach `status`, following the default workflow. */
function path(rng: Rng, status: string): string[] {
  if (status === 'won') return [...PIPELINE, 'won'];
  if (status === 'lost') return [...PIPELINE.slice(0, int(rng, 1, PIPELINE.length)), 'lost'];
  return PIPELINE.slice(0, PIPELINE.indexOf(status as (typeof PIPELINE)[number]) + 1);
}

export function buildDemoData(users: DemoUsers, now: Date, seed = DEMO_SEED): { leads: DemoLead[]; activities: DemoActivity[] } {
  const rng = mulberry32(seed);
  const leads: DemoLead[] = [];
  const activities: DemoActivity[] = [];
  const at = (ms: number) => new Date(ms).toISOString();
  const nowMs = now.getTime();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

  for (let i = 0; i < DEMO_LEAD_COUNT; i++) {
    const id = uuid(rng);
    const first = pick(rng, FIRST);
    const last = pick(rng, LAST);
    const brand = `${pick(rng, COMPANY_A)} ${pick(rng, COMPANY_B)}`;
    const domain = `${brand.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
    const status = weighted(rng, STATUS_WEIGHTS);
    const ownerKey = weighted(rng, OWNER_WEIGHTS);
    const owner = ownerKey ? users[ownerKey] : null;
    const home = ownerKey === 'bob' ? 'Enterprise' : ownerKey === 'carol' ? 'SMB' : null;
    const team = home && rng() < 0.9 ? home : rng() < 0.5 ? pick(rng, ['Enterprise', 'SMB']) : null;
    const enterprise = team === 'Enterprise';
    const value = rng() < 0.1 ? null : Math.round((enterprise ? 5_000 + rng() * 115_000 : 500 + rng() * 24_500) / 50) * 50;
    const tags = [...new Set(Array.from({ length: weighted(rng, [[0, 35], [1, 40], [2, 20], [3, 5]] as const) }, () => pick(rng, TAGS)))].sort();
    const steps = path(rng, status);
    const createdMs = nowMs - Math.floor(rng() * DEMO_DAYS * DAY_MS);
    // Each later step happens at a random, increasing point between creation and now.
    const stepTimes = steps.slice(1).map(() => createdMs + Math.floor(rng() * (nowMs - createdMs))).sort((a, b) => a - b);
    const custom: Record<string, unknown> = {
      industry: pick(rng, DEMO_FIELDS[0].options).value,
      employees: enterprise ? int(rng, 500, 20_000) : int(rng, 1, 499),
      website: `https://www.${domain}`,
    };
    if (!['won', 'lost'].includes(status) && rng() < 0.5) custom.next_call = new Date(today + int(rng, 1, 30) * DAY_MS).toISOString().slice(0, 10);
    if (rng() < 0.7) custom.newsletter = rng() < 0.4;

    const actor = () => owner ?? users.alice;
    activities.push({ lead_id: id, kind: 'created', actor_id: users.alice, owner_id: owner, body: null, from_key: null, to_key: 'new', created_at: at(createdMs) });
    stepTimes.forEach((ms, s) => {
      activities.push({ lead_id: id, kind: 'status_change', actor_id: actor(), owner_id: null, body: null, from_key: steps[s]!, to_key: steps[s + 1]!, created_at: at(ms) });
    });
    const notes = int(rng, 0, 2);
    for (let n = 0; n < notes; n++) {
      const ms = createdMs + Math.floor(rng() * (nowMs - createdMs));
      activities.push({ lead_id: id, kind: rng() < 0.7 ? 'note' : 'call', actor_id: actor(), owner_id: null, body: pick(rng, NOTES), from_key: null, to_key: null, created_at: at(ms) });
    }

    leads.push({
      id,
      name: `${first} ${last}`,
      company: `${brand} ${pick(rng, COMPANY_SUFFIX)}`,
      email: `${first}.${last}@${domain}`.toLowerCase(),
      phone: rng() < 0.5 ? `+49 30 ${int(rng, 1_000_000, 9_999_999)}` : `+1 415 555 ${int(rng, 1000, 9999)}`,
      source: weighted(rng, SOURCE_WEIGHTS),
      value,
      currency: value === null ? null : rng() < 0.65 ? 'EUR' : 'USD',
      status,
      owner_id: owner,
      team,
      tags,
      custom,
      created_by: users.alice,
      created_at: at(createdMs),
      updated_at: at(Math.max(createdMs, ...stepTimes)),
    });
  }
  return { leads, activities };
}

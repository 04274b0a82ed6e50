// Types of cailiang.js, the 裁量基准计算器 ES module for portals (docs/embedding.md).
// The JSON shapes are those of schemas/case.schema.json and schemas/result.schema.json;
// amounts are decimal strings in 元 ("266666.67"), never floats.

/** A decimal amount in 元, as a string. */
export type Decimal = string;
/** A date, YYYY-MM-DD. */
export type DateString = string;

export type PartyKind = "citizen" | "legal_person" | "other_organization";
export type Parties = "all" | "organization" | "individual";

export interface Circumstances {
  minor?: boolean;
  corrected?: boolean;
  no_harm?: boolean;
  first_offence?: boolean;
  slight_harm?: boolean;
  no_fault?: boolean;
  eliminated_harm?: boolean;
  coerced?: boolean;
  confessed?: boolean;
  meritorious?: boolean;
}

/** A case (schemas/case.schema.json). Unknown fields are refused. */
export interface Case {
  items: string[];
  party: PartyKind;
  age?: number;
  capacity?: "full" | "partial" | "none";
  dates?: { occurred?: DateString; ended?: DateString; discovered?: DateString; decided?: DateString };
  grave_harm?: boolean;
  /** By fact id: numbers as strings or integers, yes/no as booleans, choices as strings. */
  facts?: Record<string, string | number | boolean>;
  circumstances?: Circumstances;
  factors?: string[];
  tier?: string;
  choose_reduced?: boolean;
  waive?: boolean;
  illegal_gains?: Decimal | number;
  gains_to_be_returned?: boolean;
  intended_fine?: Decimal | number;
}

export interface Citation {
  law: string;
  article: number;
  paragraph?: number;
  item?: number;
  quote?: string;
}

export interface MoneyRange {
  min: Decimal;
  min_inclusive: boolean;
  max: Decimal;
  max_inclusive: boolean;
}

export type Outcome =
  | "fine"
  | "no_fine"
  | "correction_only"
  | "no_penalty"
  | "may_not_penalise"
  | "time_barred"
  | "pending";

export type FlagStatus = "required" | "possible" | "not_required" | "unknown";

export interface Flag {
  status: FlagStatus;
  reason: string;
  citations: Citation[];
}

export interface TierInfo {
  code: string;
  label: string;
  description: string;
  chosen: "automatic" | "officer";
}

export interface ItemRef {
  code: string;
  name: string;
  violates: Citation[];
  penalty_basis: Citation;
}

/** The result (schemas/result.schema.json). */
export interface EvalResult {
  outcome: Outcome;
  summary: string;
  item: ItemRef;
  other_items?: ItemRef[];
  fine_discretionary: boolean;
  tier?: TierInfo;
  tier_options?: TierInfo[];
  statutory?: MoneyRange;
  benchmark?: MoneyRange;
  recommended?: MoneyRange;
  adjustment: {
    level: "none" | "lighter" | "reduced" | "heavier";
    factors: { id: string; label: string; direction: string; mandatory: boolean; citation?: Citation; source?: string }[];
    rule: string;
  };
  penalties: {
    kind: string;
    text: string;
    mandatory: boolean;
    conditional: boolean;
    amount?: Decimal;
    decided_by?: string;
    citation: Citation;
  }[];
  personal_fine?: { range: MoneyRange; text: string; citation: Citation };
  flags: {
    simple_procedure: Flag;
    hearing: Flag;
    legal_review: Flag;
    collective_discussion: Flag;
    education: Flag;
  };
  pending?: string[];
  warnings?: string[];
  trace: { step: string; outcome: string; citations: Citation[]; sources?: string[]; facts?: [string, string][] }[];
  provenance: {
    pack_id: string;
    pack_title: string;
    edition: string;
    /** SHA-256 of the pack file, as sha256sum prints it. */
    content_hash: string;
    engine_version: string;
    reference_only: boolean;
  };
}

/** The 说理 reasoning text. `text` is the whole, with numbered headings. */
export interface DraftText {
  /** In document order; the act's other parties' sections follow, keyed "cp1.facts", "cp1.reasoning", … */
  sections: { key: string; title: string; text: string }[];
  text: string;
}

export interface Finding {
  path: string;
  message: string;
}

export interface PackInfo {
  id: string;
  title: string;
  authority: string;
  region: string;
  edition: string;
  reference_only: boolean;
  file: string;
  hash: string;
  items: number;
  factors: { id: string; label: string; effect: "lighter" | "reduced" | "heavier"; mandatory: boolean }[];
  /** Validator warnings: the pack is usable but should be checked. */
  warnings: Finding[];
}

export interface FactDef {
  id: string;
  label: string;
  type: "number" | "bool" | "choice";
  unit?: string;
  options?: string[];
  help?: string;
}

export interface ItemInfo {
  code: string;
  name: string;
  keywords: string[];
  parties: Parties;
  /** 处罚依据, cited, e.g. "《建设工程质量管理条例》第六十四条". */
  penalty_basis: string;
  facts: FactDef[];
  tiers: { code: string; label: string; description: string; chosen_by_officer: boolean }[];
  note?: string;
}

export type CailiangErrorType =
  | "not_initialized"
  | "argument"
  | "fetch"
  | "format"
  | "version"
  | "invalid"
  | "case"
  | "no_item"
  | "unknown_item"
  | "bad_fact"
  | "dates"
  | "overflow"
  | "engine"
  | "pack"
  | "no_result"
  | "no_case"
  | "pack_mismatch"
  | "storage"
  | "mount"
  | "busy"
  | "unmounted"
  | "internal";

/** Every function throws (or rejects with) this: an Error with a type and, where known, where. */
export interface CailiangError extends Error {
  name: "CailiangError";
  type: CailiangErrorType;
  /** In Chinese. */
  message: string;
  /** The pack file (or URL) concerned. */
  file?: string;
  /** JSON path in the pack or case, e.g. "$.items[0].code" or "$.facts.contract_price". */
  path?: string;
  /** `unknown_item`: the code. */
  item?: string;
  /** `invalid`: every validation error. */
  errors?: Finding[];
  /** `version`: the pack's format version and the supported one. */
  found?: number;
  supported?: number;
}

/** What onResult receives, and the body of the iframe's cailiang:result message. */
export interface ResultPayload {
  case: Case;
  result: EvalResult;
  /** The 说理 text: the officer's edited text when text_edited, else as generated. */
  text: string;
  text_edited: boolean;
}

/** A plain copy of a CailiangError, as passed to onError and in cailiang:error messages. */
export interface ErrorPayload {
  type: CailiangErrorType;
  message: string;
  file?: string;
  path?: string;
  item?: string;
  errors?: Finding[];
  found?: number;
  supported?: number;
}

export interface MountOptions {
  /** URL of a pack to use (fetched, validated, then used by the app). */
  packUrl?: string;
  /** Or the pack itself: JSON text or object. */
  pack?: string | object;
  /** Name shown for `pack`. */
  packFile?: string;
  /**
   * The case to start with. Without it the app starts from the case the stand-alone app saved in
   * this browser; a mounted app never saves (each mount keeps its own case).
   */
  initialCase?: Case;
  /** Called after every change that gives a result. */
  onResult?: (payload: ResultPayload) => void;
  /** Called when the case cannot be evaluated (e.g. an unknown item). */
  onError?: (error: ErrorPayload) => void;
  /** The scoped stylesheet; cailiang.js passes its own. */
  cssUrl?: string;
  /** false: render into the element itself rather than into a shadow root. */
  shadow?: boolean;
}

export interface MountHandle {
  /** Replaces the case in the form. */
  prefill(caseJson: Case | string): void;
  /** Starts a case for an item code. */
  select(item: string): void;
  /** Removes the app. */
  unmount(): void;
  /** The open shadow root the app renders in. */
  readonly shadowRoot: ShadowRoot | undefined;
}

export function init(options?: { module_or_path?: string | URL | Request | Response | BufferSource | WebAssembly.Module }): Promise<void>;
export function loadPack(json: string | object, file?: string): PackInfo;
export function loadPackUrl(url: string | URL): Promise<PackInfo>;
export function packInfo(): PackInfo;
export function resetPack(): void;
export function listItems(): ItemInfo[];
export function evaluate(caseJson: Case | string): EvalResult;
export function draftText(arg?: { case: Case; result: EvalResult } | EvalResult): DraftText;
export function engineVersion(): string;
export function mount(element: Element, options?: MountOptions): Promise<MountHandle>;
/** The app's URL for an iframe talking to `origin` (default: this page's origin). */
export function frameUrl(origin?: string): string;

/** Host → iframe. */
export type HostMessage =
  | { type: "cailiang:prefill"; case: Case }
  | { type: "cailiang:select"; item: string };

/** Iframe → host. */
export type AppMessage =
  | { type: "cailiang:ready"; engine_version: string }
  | ({ type: "cailiang:result" } & ResultPayload)
  | { type: "cailiang:error"; error: ErrorPayload };

/**
 * The few FHIR R4 shapes the export writes, kept loose on purpose: the tests validate every Bundle
 * against the R4 schema (the `fhir` package) instead of this module re-typing the specification.
 */
export interface FhirResource {
  readonly resourceType: string;
  readonly id: string;
  readonly [field: string]: unknown;
}

/** A FHIR Coding. */
export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** A FHIR CodeableConcept. */
export interface CodeableConcept {
  readonly coding?: readonly Coding[];
  readonly text?: string;
}

/** A FHIR Reference. */
export interface Reference {
  readonly reference: string;
  readonly display?: string;
}

/** A FHIR R4 Bundle of type `collection`. */
export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly id: string;
  readonly meta: { readonly lastUpdated: string; readonly tag?: readonly Coding[] };
  readonly type: 'collection';
  readonly timestamp: string;
  readonly entry: readonly { readonly fullUrl: string; readonly resource: FhirResource }[];
}

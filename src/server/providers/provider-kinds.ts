/** The kinds and standings of providers: shared by the database schema, the API schemas and the web (no imports here). */
export const PROVIDER_KINDS = ['institution', 'government', 'non-profit', 'company', 'individual'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const PROVIDER_STATUSES = ['active', 'warned', 'suspended', 'terminated'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

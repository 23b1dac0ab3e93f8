/**
 * What the target is judged against and what it was seen to do: the contract's rule IDs
 * ({@link dev.origincloudregions.conformance.model.Rules}, read from {@code rules.tsv}) and what breaking one looks
 * like ({@link dev.origincloudregions.conformance.model.Breach},
 * {@link dev.origincloudregions.conformance.model.Violation});
 * the IP oracle ({@link dev.origincloudregions.conformance.model.Address} and its text forms) and the batch oracle
 * ({@link dev.origincloudregions.conformance.model.BatchModel}); the v1 operations of a zone
 * ({@link dev.origincloudregions.conformance.model.V1Zone}); strict readers of the answers
 * ({@link dev.origincloudregions.conformance.model.Shapes}) and the values they return (snapshots, mappings, batch
 * results, the region catalogue).
 */
package dev.origincloudregions.conformance.model;

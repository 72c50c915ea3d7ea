/** The problem codes of Idempotency-Key: each answer's `code`, and the end of its `type`. */
export enum IdempotencyErrorCode {
  KeyInFlight = 'idempotency-key-in-flight',
  KeyReused = 'idempotency-key-reused',
  SecretNotRepeated = 'idempotency-secret-not-repeated',
}

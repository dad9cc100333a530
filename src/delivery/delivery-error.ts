/** Why the outbox refused a delivery. */
export type DeliveryErrorCode = 'invalid_message' | 'unknown_message_type' | 'duplicate_message_type';

/**
 * A coded error from the outbox: thrown at enqueue for input that could never be delivered, so
 * nothing malformed is stored. `issues` says what was wrong (paths and expectations, no content).
 */
export class DeliveryError extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

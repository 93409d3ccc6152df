// A job the person stopped. One class for every cancellation (the engine's cooperative stops, the worker API's, the
// page's Cancel), so `instanceof CancelledError` holds on either side of the worker bridge (src/sync/errorTransfer.ts).

export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

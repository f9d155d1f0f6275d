package io.convot.idempotency;

import java.util.UUID;

/** What becomes of a request sent under a key: it runs, holding the key, or it gets the first response again. */
public sealed interface Admission {

  /** The request runs; its outcome is then recorded or the key released, by whoever holds it. */
  record Proceed(UUID keyId, UUID holder) implements Admission {}

  record Replay(StoredResponse response) implements Admission {}
}

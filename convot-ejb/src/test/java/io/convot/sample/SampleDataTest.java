package io.convot.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.ratelimit.ClientAddress;
import org.junit.jupiter.api.Test;

class SampleDataTest {

  @Test
  void refusesOutsideDevelopmentBeforeMakingAnything() {
    for (String environment : new String[] {"production", "staging", "Development", ""}) {
      SampleData samples = new SampleData();
      samples.environment = environment;
      // No service is wired: reaching any of them would fail otherwise than with development_only.
      ConvotException refused = assertThrows(ConvotException.class,
          () -> samples.create(new ClientAddress("127.0.0.1", false), "http://localhost:9080"), environment);
      assertEquals(ErrorCode.DEVELOPMENT_ONLY, refused.errorCode(), environment);
    }
  }
}

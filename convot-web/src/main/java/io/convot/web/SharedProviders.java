package io.convot.web;

import io.convot.web.json.JsonBodyGuard;
import io.convot.web.json.JsonConfig;
import io.convot.web.problem.ConvotExceptionMapper;
import io.convot.web.problem.UnexpectedExceptionMapper;
import io.convot.web.problem.WebApplicationExceptionMapper;
import java.util.Set;

/** The providers both applications share: JSON on the wire, guards on what requests carry, problem+json errors. */
public final class SharedProviders {

  public static final Set<Class<?>> CLASSES = Set.of(JsonConfig.class, JsonBodyGuard.class, RequestTextGuard.class,
      ConvotExceptionMapper.class,
      WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);

  private SharedProviders() {}
}

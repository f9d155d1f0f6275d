package io.convot.tenancy;

import io.convot.access.CurrentCaller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enters the caller's organization inside the service's transaction, before its method runs. */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TenantInterceptor {

  @Inject CurrentCaller caller;
  @Inject Tenancy tenancy;

  @AroundInvoke
  Object enterCallersOrganization(InvocationContext invocation) throws Exception {
    tenancy.enter(caller.get().organizationId());
    return invocation.proceed();
  }
}

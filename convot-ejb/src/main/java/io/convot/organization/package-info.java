/** Organizations: the tenants. Everything a customer owns belongs to exactly one. */
package io.convot.organization;
